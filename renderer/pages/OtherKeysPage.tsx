// Every key in the file the forms do not cover, read-only, so nothing in the file is hidden.
// Values of keys the catalog marks secret are masked until revealed.
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { valueAt } from '../../shared/api/option-layout';
import { isSecretPath } from '../../shared/catalog/secret-paths';
import type { ConfigModel } from '../app/use-config';

function show(value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function OtherKeysPage({ model }: { model: ConfigModel }) {
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const keys = model.state?.uncoveredKeys ?? [];
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        Other keys
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Keys in this file that the forms do not edit. They are kept exactly as they are on every
        save.
      </Typography>
      {keys.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography>Every key in this file is covered by the forms.</Typography>
        </Paper>
      ) : (
        <Paper variant="outlined">
          <Table size="small" aria-label="Keys not covered by the forms">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: '45%' }}>Key</TableCell>
                <TableCell>Value (as RWS reads it)</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {keys.map((key) => {
                const masked = isSecretPath(key) && !revealed.has(key);
                return (
                  <TableRow key={key} hover>
                    <TableCell sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                      {key}
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                      {masked ? (
                        <Button
                          size="small"
                          onClick={() => setRevealed(new Set([...revealed, key]))}
                          aria-label={`Show the value of ${key}`}
                        >
                          •••••• show
                        </Button>
                      ) : (
                        show(valueAt(model.state?.values, key))
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
    </>
  );
}
