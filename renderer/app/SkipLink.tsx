// "Skip to main content": the first Tab stop, visible only when focused, jumping past the app bar
// and navigation.
import { styled } from '@mui/material/styles';

export const mainContentId = 'main-content';

const Link = styled('a')(({ theme }) => ({
  position: 'absolute',
  left: theme.spacing(1),
  top: -48,
  zIndex: theme.zIndex.tooltip + 1,
  padding: theme.spacing(1, 2),
  background: theme.palette.background.paper,
  color: theme.palette.text.primary,
  border: `2px solid ${theme.palette.primary.main}`,
  borderRadius: theme.shape.borderRadius,
  '&:focus': { top: theme.spacing(1) },
}));

export function SkipLink() {
  return (
    <Link
      href={`#${mainContentId}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(mainContentId)?.focus();
      }}
    >
      Skip to main content
    </Link>
  );
}
