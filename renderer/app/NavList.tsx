// The navigation: the registry's pages, group by group, each with its problem count.
import Badge from '@mui/material/Badge';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import { Fragment } from 'react';
import { navGroups, pages, type PageEntry, type PageId } from './pages';
import type { ProblemCounts } from './problem-counts';

export const navWidth = 220;

export function NavList(props: {
  page: PageId;
  counts: ProblemCounts;
  disabled: boolean;
  onPage(page: PageId): void;
}) {
  const item = (entry: PageEntry & { id: PageId }) => {
    const count = props.counts[entry.id];
    const label = entry.title;
    return (
      <ListItemButton
        key={entry.id}
        selected={props.page === entry.id}
        disabled={props.disabled}
        onClick={() => props.onPage(entry.id)}
        aria-current={props.page === entry.id ? 'page' : undefined}
        aria-label={count && count.total > 0 ? `${label}, ${count.total} problems` : label}
      >
        <ListItemText primary={label} />
        {count && count.total > 0 && (
          <Badge
            badgeContent={count.total}
            color={count.errors > 0 ? 'error' : 'warning'}
            sx={{ mr: 1 }}
          />
        )}
      </ListItemButton>
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
      <Toolbar variant="dense" />
      <nav aria-label="Sections">
        {navGroups.map((group, i) => (
          <Fragment key={group}>
            {i > 0 && <Divider />}
            <List>{pages.filter((p) => p.group === group).map(item)}</List>
          </Fragment>
        ))}
      </nav>
    </Drawer>
  );
}
