// Open a store (path + password) or start a new one; the error says which file and why.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';

export interface OpenRequest {
  path: string;
  password?: string;
  create?: 'JKS' | 'PKCS12';
}

export function OpenStoreForm(props: {
  initialPath?: string;
  busy: boolean;
  error: string | null;
  onOpen(request: OpenRequest): void;
}) {
  const [path, setPath] = useState(props.initialPath ?? '');
  const [password, setPassword] = useState('');
  const [createType, setCreateType] = useState<'PKCS12' | 'JKS'>('PKCS12');
  const ready = path.trim() !== '';
  return (
    <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-label="Open a keystore">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        Open a keystore or truststore
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        JKS, JCEKS, PKCS12, or a PEM/DER/P7B certificate file. Relative paths are taken from the
        folder of application.yaml. The password stays in this app&apos;s main process.
      </Typography>
      <Stack
        component="form"
        spacing={2}
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) props.onOpen({ path: path.trim(), password });
        }}
      >
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
          <TextField
            id="keystore-path"
            label="Store file"
            value={path}
            placeholder="/opt/genesys/gir/etc/keystore.p12"
            onChange={(e) => setPath(e.target.value)}
            sx={{ flex: 2 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { spellCheck: false } }}
          />
          <TextField
            id="keystore-password"
            label="Store password"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            sx={{ flex: 1 }}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button type="submit" variant="contained" disabled={!ready || props.busy}>
            Open
          </Button>
          <Typography color="text.secondary" sx={{ px: 1 }}>
            or
          </Typography>
          <TextField
            select
            size="small"
            id="keystore-create-type"
            label="New store type"
            value={createType}
            onChange={(e) => setCreateType(e.target.value as 'PKCS12' | 'JKS')}
            sx={{ width: 160 }}
          >
            <MenuItem value="PKCS12">PKCS12</MenuItem>
            <MenuItem value="JKS">JKS</MenuItem>
          </TextField>
          <Button
            variant="outlined"
            disabled={!ready || props.busy}
            onClick={() => props.onOpen({ path: path.trim(), password, create: createType })}
          >
            Create new store
          </Button>
        </Stack>
        {props.error && (
          <Alert severity="error" role="alert" sx={{ overflowWrap: 'anywhere' }}>
            {props.error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
