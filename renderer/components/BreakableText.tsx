// Long host names, paths, dotted keys and URLs in narrow table cells: a line may break after a
// separator (. / - _ : ,), so "rws-frankfurt-…-01.internal.example.com" wraps between its parts
// instead of in the middle of a word. `break-word` (not `anywhere`) keeps a table column at least
// as wide as the longest part; a part wider than the whole cell still wraps.
import Box from '@mui/material/Box';
import { Fragment } from 'react';

// After . - _ , anywhere; after / and : unless another / follows (never inside "https://").
const afterSeparator = /(?<=[.\-_,])|(?<=[/:])(?!\/)/;

export function BreakableText(props: { text: string; monospace?: boolean }) {
  const parts = props.text.split(afterSeparator);
  return (
    <Box
      component="span"
      sx={{
        overflowWrap: 'break-word',
        ...(props.monospace ? { fontFamily: 'monospace' } : {}),
      }}
    >
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </Box>
  );
}
