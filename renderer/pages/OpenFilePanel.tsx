// The empty state and the "open another file" view: a path field (browser) or the native dialog
// (desktop), plus recently opened files.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { recentConfigs } from '../app/recent-files';

export function OpenFilePanel(props: {
  desktop: boolean;
  onOpen(path: string): Promise<boolean>;
  onPick(): void;
  onCancel?: () => void;
}) {
  const [path, setPath] = useState('');
  const recent = recentConfigs.list();
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', pt: 6 }}>
      <Paper variant="outlined" sx={{ p: 4, width: '100%', maxWidth: 640 }}>
        <Typography variant="h5" component="h1" gutterBottom>
          Open an RWS application.yaml
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          Edit HTTPS, outbound TLS trust, Cassandra, CORS/CSRF and on-premise TLS settings. Every
          other line of the file is kept exactly as it is.
        </Typography>
        {props.desktop && (
          <Button variant="contained" onClick={props.onPick} sx={{ mb: 3 }}>
            Choose file…
          </Button>
        )}
        <Stack
          component="form"
          direction="row"
          spacing={1}
          onSubmit={(e) => {
            e.preventDefault();
            if (path.trim() !== '') void props.onOpen(path.trim());
          }}
        >
          <TextField
            id="open-path"
            label="Path of application.yaml on this machine"
            value={path}
            placeholder="/opt/genesys/gir/config/application.yaml"
            onChange={(e) => setPath(e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { spellCheck: false } }}
          />
          <Button type="submit" variant={props.desktop ? 'outlined' : 'contained'}>
            Open
          </Button>
          {props.onCancel && <Button onClick={props.onCancel}>Cancel</Button>}
        </Stack>
        {recent.length > 0 && (
          <>
            <Typography variant="subtitle2" component="h2" sx={{ mt: 3 }}>
              Recent files
            </Typography>
            <List dense aria-label="Recent files">
              {recent.map((file) => (
                <ListItemButton key={file} onClick={() => void props.onOpen(file)}>
                  <ListItemText
                    primary={file}
                    sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
                  />
                </ListItemButton>
              ))}
            </List>
          </>
        )}
      </Paper>
    </Box>
  );
}
