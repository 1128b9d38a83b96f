// The few icons the app needs, drawn here instead of pulling in an icon package.
import SvgIcon, { type SvgIconProps } from '@mui/material/SvgIcon';

export function EyeIcon(props: SvgIconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 5C6.5 5 2.7 9.2 1.5 12c1.2 2.8 5 7 10.5 7s9.3-4.2 10.5-7C21.3 9.2 17.5 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z" />
    </SvgIcon>
  );
}

export function EyeOffIcon(props: SvgIconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 5C6.5 5 2.7 9.2 1.5 12c1.2 2.8 5 7 10.5 7s9.3-4.2 10.5-7C21.3 9.2 17.5 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9z" />
      <path d="M3.3 2 2 3.3 20.7 22l1.3-1.3z" />
    </SvgIcon>
  );
}
