import Badge from '@mui/material/Badge';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Divider from '@mui/material/Divider';
import { formPages, pageTitles, type PageId } from './sections';

export const navWidth = 220;

export function NavList(props: {
  page: PageId;
  counts: Partial<Record<PageId, { errors: number; total: number }>>;
  disabled: boolean;
  onPage(page: PageId): void;
}) {
  const item = (id: PageId) => {
    const count = props.counts[id];
    const label = pageTitles[id];
    return (
      <ListItemButton
        key={id}
        selected={props.page === id}
        disabled={props.disabled}
        onClick={() => props.onPage(id)}
        aria-current={props.page === id ? 'page' : undefined}
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
        <List>{formPages.map((p) => item(p.id))}</List>
        <Divider />
        <List>
          {item('other')}
          {item('problems')}
          {item('map')}
          {item('wizards')}
          {item('keystores')}
          {item('chain')}
        </List>
      </nav>
    </Drawer>
  );
}
