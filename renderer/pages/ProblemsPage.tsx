// All diagnostics of the open file; choosing one jumps to its field.
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import Box from '@mui/material/Box';
import { DiagnosticFixes, useHasFix } from '../components/QuickFixButton';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ConfigModel } from '../app/use-config';

const colors = { error: 'error', warning: 'warning', info: 'info' } as const;

export function ProblemsPage(props: { model: ConfigModel; jumpTo(path: string): void }) {
  const hasFix = useHasFix();
  const list = props.model.state?.diagnostics ?? [];
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        Problems
      </Typography>
      {list.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography>No problems found in this file.</Typography>
        </Paper>
      ) : (
        <Paper variant="outlined">
          <List aria-label="Problems" disablePadding>
            {list.map((d, i) => (
              // A list of items, each holding its button: a list may only contain list items.
              <ListItem
                key={`${d.rule}-${d.path}-${i}`}
                disablePadding
                divider={i < list.length - 1}
              >
                <ListItemButton
                  onClick={() => props.jumpTo(d.path)}
                  sx={{ gap: 2, alignItems: 'flex-start' }}
                >
                  <Chip
                    size="small"
                    color={colors[d.severity]}
                    label={d.severity}
                    sx={{ minWidth: 72, mt: 0.5 }}
                  />
                  <ListItemText
                    primary={d.message}
                    secondary={`${d.path} · line ${d.line}:${d.column}${d.fix ? ` · ${d.fix}` : ''}`}
                    sx={{ overflowWrap: 'anywhere' }}
                  />
                </ListItemButton>
                {hasFix(d) && (
                  <Box sx={{ pr: 2, flexShrink: 0 }}>
                    <DiagnosticFixes diagnostic={d} />
                  </Box>
                )}
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </>
  );
}
