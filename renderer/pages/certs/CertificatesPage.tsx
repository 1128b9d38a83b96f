// Certificates: every certificate the open configuration depends on (or, with a fleet inventory
// open, every node's), on a time axis and in a table sorted by days left, with the stores that
// could not be read. A row opens its store in the keystore manager; Renew opens the kit wizard
// that can remake it, values filled in.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DateText } from '../../components/dates/DateText';
import type { PageProps } from '../../app/pages';
import { CertificateTable, openStore } from './CertificateTable';
import { CertificateTimeline } from './CertificateTimeline';
import { useCertInventory, type Source } from './use-cert-inventory';

export default function CertificatesPage(props: PageProps) {
  const [warnDays, setWarnDays] = useState(30);
  const { inventory, error, loading, source, setSource, fleet, reload } = useCertInventory(
    warnDays,
    props.model.state?.text,
  );
  const isFleet = source === 'fleet';
  const certs = inventory?.certificates ?? [];
  return (
    <Box data-page="certificates" data-source={source}>
      <Typography variant="h5" component="h1" gutterBottom>
        Certificates
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {isFleet ? (
          <>
            Every certificate each node of the fleet depends on, read over SSH with the node&apos;s
            own passwords, soonest expiry first. The same inventory as{' '}
            <code>rwsec certs -i INVENTORY</code>.
          </>
        ) : (
          <>
            Every certificate this configuration depends on, read with its own passwords, soonest
            expiry first. The same inventory as <code>rwsec certs --config FILE</code>.
          </>
        )}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        {fleet && (
          <ToggleButtonGroup
            size="small"
            exclusive
            value={source}
            onChange={(_e, v: Source | null) => v && setSource(v)}
            aria-label="Certificates of"
          >
            <ToggleButton value="config">This configuration</ToggleButton>
            <ToggleButton value="fleet">
              Fleet ({fleet.nodes} {fleet.nodes === 1 ? 'node' : 'nodes'})
            </ToggleButton>
          </ToggleButtonGroup>
        )}
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
        <Button onClick={reload}>Read again</Button>
      </Stack>
      {loading && isFleet && (
        <LinearProgress aria-label="Reading every node's certificates" sx={{ mb: 2 }} />
      )}
      {error && <Alert severity="error">{error}</Alert>}
      {inventory === null && (
        <Alert severity="info">
          {isFleet
            ? 'Open an inventory on the Fleet page to see its nodes’ certificates.'
            : 'Open a configuration to see its certificates.'}
        </Alert>
      )}
      {inventory?.errors.map((e) => (
        <Alert
          key={`${e.node}:${e.configKey}:${e.file}`}
          severity="error"
          sx={{ mb: 1 }}
          data-read-error={e.kind}
        >
          {e.message}
        </Alert>
      ))}
      {inventory?.cacerts.map((c) => (
        <Alert key={`${c.node}:${c.file}`} severity="info" sx={{ mb: 1 }}>
          {isFleet ? `${c.node}: ` : ''}JVM cacerts ({c.configKeys.join(', ')}: true): {c.count}{' '}
          trust anchors maintained by the JDK, {c.expired} expired
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
              showNode={isFleet}
              onOpen={isFleet ? () => undefined : openStore}
            />
          </Box>
          <Box sx={{ overflowX: 'auto' }}>
            <CertificateTable certificates={certs} fleet={isFleet} />
          </Box>
        </>
      )}
    </Box>
  );
}
