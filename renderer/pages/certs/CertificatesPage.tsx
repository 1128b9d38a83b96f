// Certificates: every certificate the open configuration depends on, on a time axis and in a
// table sorted by days left, with the stores that could not be read. A row opens its store in
// the keystore manager; Renew opens the kit wizard that can remake it, values filled in.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { Response } from '../../../shared/api/contract';
import { roleText, type InventoryCertificate } from '../../../shared/certs/inventory';
import { api } from '../../api/client';
import { DateText } from '../../components/dates/DateText';
import type { PageProps } from '../../app/pages';
import { requestPage } from '../keystores/page-requests';
import { CertificateTimeline } from './CertificateTimeline';
import { renewPrefill } from './renew-prefill';

type Inventory = NonNullable<Response<'certs.inventory'>['inventory']>;

const stateColor = {
  expired: 'error',
  expiring: 'warning',
  valid: 'success',
  'not-yet-valid': 'info',
} as const;

function open(c: InventoryCertificate): void {
  if (c.origin === 'file') requestPage({ page: 'keystores', path: c.file, configKey: c.configKey });
}

export default function CertificatesPage(props: PageProps) {
  const [warnDays, setWarnDays] = useState(30);
  const [inventory, setInventory] = useState<Inventory | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const text = props.model.state?.text;

  const load = useCallback((days: number) => {
    api['certs.inventory']({ warnDays: days }).then(
      (r) => {
        setInventory(r.inventory);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  // Again whenever the config text changes: an edited path or password changes the inventory.
  useEffect(() => load(warnDays), [load, warnDays, text]);

  const certs = inventory?.certificates ?? [];
  return (
    <Box data-page="certificates">
      <Typography variant="h5" component="h1" gutterBottom>
        Certificates
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Every certificate this configuration depends on, read with its own passwords, soonest expiry
        first. The same inventory as <code>rwsec certs --config FILE</code>.
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <TextField
          label="Warning window (days)"
          type="number"
          size="small"
          value={warnDays}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 0 && n <= 3650) setWarnDays(n);
          }}
          sx={{ width: 200 }}
        />
        <Button onClick={() => load(warnDays)}>Read again</Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
      {inventory === null && (
        <Alert severity="info">Open a configuration to see its certificates.</Alert>
      )}
      {inventory?.errors.map((e) => (
        <Alert
          key={`${e.configKey}:${e.file}`}
          severity="error"
          sx={{ mb: 1 }}
          data-read-error={e.kind}
        >
          {e.message}
        </Alert>
      ))}
      {inventory?.cacerts.map((c) => (
        <Alert key={c.file} severity="info" sx={{ mb: 1 }}>
          JVM cacerts ({c.configKeys.join(', ')}: true): {c.count} trust anchors maintained by the
          JDK, {c.expired} expired
          {c.earliestNotAfter && (
            <>
              , earliest expiry <DateText value={c.earliestNotAfter} />
            </>
          )}
          .
        </Alert>
      ))}
      {inventory && certs.length > 0 && (
        <>
          <Box data-testid="certificate-timeline" sx={{ mb: 2 }}>
            <CertificateTimeline
              certificates={certs}
              warnDays={inventory.warnDays}
              now={Date.parse(inventory.takenAt)}
              onOpen={open}
            />
          </Box>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label="Certificates by days left">
              <TableHead>
                <TableRow>
                  <TableCell>Days left</TableCell>
                  <TableCell>Subject</TableCell>
                  <TableCell>Role</TableCell>
                  <TableCell>Issuer</TableCell>
                  <TableCell>Valid</TableCell>
                  <TableCell>Where</TableCell>
                  <TableCell>Config key</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {certs.map((c) => {
                  const prefill = renewPrefill(c);
                  return (
                    <TableRow
                      key={`${c.file}:${c.alias ?? ''}:${c.index}:${c.sha256}`}
                      data-state={c.state}
                    >
                      <TableCell>
                        <Chip size="small" color={stateColor[c.state]} label={c.daysLeft} />
                      </TableCell>
                      <TableCell>{c.subject}</TableCell>
                      <TableCell>{roleText[c.role]}</TableCell>
                      <TableCell>{c.issuerCN || c.issuer}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <DateText value={c.notBefore} /> → <DateText value={c.notAfter} />
                      </TableCell>
                      <TableCell title={c.file}>
                        {c.file.split('/').pop()}
                        {c.alias ? ` (${c.alias})` : ''}
                      </TableCell>
                      <TableCell>
                        <code>{c.configKey}</code>
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {c.origin === 'file' && (
                          <Button size="small" onClick={() => open(c)}>
                            Open
                          </Button>
                        )}
                        {prefill && (
                          <Button
                            size="small"
                            onClick={() => requestPage({ page: 'wizards', prefill })}
                          >
                            Renew
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        </>
      )}
    </Box>
  );
}
