// The navigation: the registry's pages, group by group, each with its problem count. A real list
// of links (aria-current on the open page) that the arrow keys move through, as screen-reader
// and keyboard users expect of a site navigation.
import Badge from '@mui/material/Badge';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Box from '@mui/material/Box';
import { Fragment, type KeyboardEvent } from 'react';
import { countText } from '../components/count-text';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { navGroups, pages, type PageEntry, type PageId } from './pages';
import type { ProblemCounts } from './problem-counts';
import { headerSpacer } from './StatusStrip';

export const navWidth = 220;

/** Up/Down/Home/End move focus between the navigation's links (Tab still leaves the list). */
function moveFocus(e: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  const links = [...e.currentTarget.querySelectorAll<HTMLElement>('a[href]')].filter(
    (a) => a.getAttribute('aria-disabled') !== 'true',
  );
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLElement);
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? links.length - 1
        : (at + (e.key === 'ArrowDown' ? 1 : -1) + links.length) % links.length;
  e.preventDefault();
  links[next]?.focus();
}

export function NavList(props: {
  page: PageId;
  counts: ProblemCounts;
  disabled: boolean;
  onPage(page: PageId): void;
}) {
  const item = (entry: PageEntry & { id: PageId }) => {
    const count = props.counts[entry.id];
    const current = props.page === entry.id;
    return (
      <ListItem key={entry.id} disablePadding>
        <ListItemButton
          component="a"
          href={`#${entry.id}`}
          selected={current}
          disabled={props.disabled}
          aria-disabled={props.disabled || undefined}
          onClick={(e: React.MouseEvent) => {
            e.preventDefault();
            if (!props.disabled) props.onPage(entry.id);
          }}
          aria-current={current ? 'page' : undefined}
        >
          <ListItemText primary={entry.title} />
          {count && count.total > 0 && (
            <>
              <Badge
                aria-hidden
                badgeContent={count.total}
                color={count.errors > 0 ? 'error' : 'warning'}
                sx={{ mr: 1 }}
              />
              <VisuallyHidden>, {countText(count.total, 'problem')}</VisuallyHidden>
            </>
          )}
        </ListItemButton>
      </ListItem>
    );
  };
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: navWidth,
        flexShrink: 0,
        '& .MuiDrawer-paper': { width: navWidth, boxSizing: 'border-box' },
      }}
    >
      <Box sx={headerSpacer} />
      <nav aria-label="Sections" onKeyDown={moveFocus}>
        {navGroups.map((group, i) => (
          <Fragment key={group}>
            {i > 0 && <Divider component="div" role="presentation" />}
            <List>{pages.filter((p) => p.group === group).map(item)}</List>
          </Fragment>
        ))}
      </nav>
    </Drawer>
  );
}
