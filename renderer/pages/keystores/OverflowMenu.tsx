// "More" beside a toolbar: the rarer actions in a menu. The chosen action runs once the menu has
// closed, so a dialog it opens sees the "More" button as its opener and gives focus back to it.
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useId, useRef, useState } from 'react';

export interface OverflowItem {
  label: string;
  run(): void;
  /** A line above this item (between groups of actions). */
  dividerBefore?: boolean;
  color?: 'error';
}

export function OverflowMenu(props: {
  label: string;
  items: readonly OverflowItem[];
  disabled: boolean;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const chosen = useRef<(() => void) | null>(null);
  const menuId = useId();
  return (
    <>
      <Button
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor !== null}
        disabled={props.disabled}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        {props.label} ▾
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        // Inside the page's main landmark, not in a portal at the end of <body> where it would be
        // content outside every landmark.
        disablePortal
        slotProps={{
          transition: {
            onExited: () => {
              const run = chosen.current;
              chosen.current = null;
              run?.();
            },
          },
        }}
      >
        {props.items.flatMap((item) => [
          ...(item.dividerBefore ? [<Divider key={`${item.label}-divider`} />] : []),
          <MenuItem
            key={item.label}
            sx={item.color ? { color: `${item.color}.main` } : undefined}
            onClick={() => {
              chosen.current = item.run;
              setAnchor(null);
            }}
          >
            {item.label}
          </MenuItem>,
        ])}
      </Menu>
    </>
  );
}
