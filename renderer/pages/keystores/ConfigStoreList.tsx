// The empty state of the keystore manager and the chain preview: every store file the open config
// names, each one click away, so nobody types a path the config already holds.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import type { ConfigStore } from '../../../shared/api/keystore-contract';
import { api } from '../../api/client';

const passwordText = {
  none: 'no password in the config',
  known: 'password from the config',
  crypt: 'password encrypted (CRYPT:): you type it',
} as const;

export function ConfigStoreList(props: {
  /** The buttons for one store (Open, Use as trust ...). */
  actions(store: ConfigStore): ReactNode;
}) {
  const [stores, setStores] = useState<ConfigStore[] | null>(null);
  useEffect(() => {
    api['keystore.configStores']({}).then(
      (found) => setStores(found.stores),
      () => setStores([]),
    );
  }, []);
  if (!stores || stores.length === 0) return null;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="config-stores-title"
      sx={{ p: 2, mb: 2 }}
    >
      <Typography
        id="config-stores-title"
        variant="subtitle1"
        component="h2"
        sx={{ fontWeight: 600 }}
      >
        Stores named in application.yaml
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {stores.map((store) => (
          <Box
            component="li"
            key={store.key}
            data-config-store={store.key}
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) auto' },
              gap: 1,
              alignItems: 'center',
              py: 1,
              borderTop: 1,
              borderColor: 'divider',
              '&:first-of-type': { borderTop: 0 },
            }}
          >
            <Box sx={{ minWidth: 0 }}>
              <Typography sx={{ fontWeight: 500 }}>
                {store.label}{' '}
                <Typography component="code" variant="body2" color="text.secondary">
                  {store.key}
                </Typography>
              </Typography>
              <Typography
                variant="body2"
                sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
              >
                {store.resolved}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
                <Chip
                  size="small"
                  variant="outlined"
                  color={store.exists ? 'default' : 'error'}
                  label={store.exists ? (store.format ?? 'unknown format') : 'file not found'}
                />
                {store.exists && (
                  <Chip size="small" variant="outlined" label={passwordText[store.password]} />
                )}
              </Box>
            </Box>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>{props.actions(store)}</Box>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
