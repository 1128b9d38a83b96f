// Step 1 of the outbound trust wizard: which peer RWS checks, and where its CA comes from (a file,
// or the chain a live server sends, fetched here to choose from).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { trustTargets, type TrustForm, type TrustTarget } from './trust-form';

export function TrustSourceStep(props: {
  form: TrustForm;
  set<K extends keyof TrustForm>(key: K, value: TrustForm[K]): void;
  busy: boolean;
  onFetch(): void;
}) {
  const { form, set } = props;
  const served = form.served;
  return (
    <>
      <TextField
        select
        label="RWS checks the certificate of"
        value={form.target}
        onChange={(e) => set('target', e.target.value as TrustTarget)}
        fullWidth
      >
        {trustTargets.map((t) => (
          <MenuItem key={t.id} value={t.id}>
            {t.label}
          </MenuItem>
        ))}
      </TextField>
      <RadioGroup
        row
        value={form.sourceKind}
        onChange={(e) => set('sourceKind', e.target.value as TrustForm['sourceKind'])}
        aria-label="Source"
      >
        <FormControlLabel value="file" control={<Radio />} label="From a certificate file" />
        <FormControlLabel value="endpoint" control={<Radio />} label="From a live server" />
      </RadioGroup>
      {form.sourceKind === 'file' ? (
        <TextField
          label="CA certificate file (PEM, DER, P7B or keystore)"
          value={form.file}
          onChange={(e) => set('file', e.target.value)}
          fullWidth
        />
      ) : (
        <>
          <Stack direction="row" sx={{ gap: 1 }}>
            <TextField
              label="HOST:PORT"
              value={form.endpoint}
              onChange={(e) => {
                set('endpoint', e.target.value);
                set('served', null);
              }}
              sx={{ flex: 1 }}
            />
            <Button
              variant="outlined"
              disabled={props.busy || form.endpoint.trim() === ''}
              onClick={props.onFetch}
            >
              Fetch its chain
            </Button>
          </Stack>
          {served && (
            <Box component="ol" aria-label="Served chain" sx={{ m: 0, pl: 2.5 }}>
              {served.chain.map((c) => (
                <li key={c.fingerprint256} style={{ overflowWrap: 'anywhere' }}>
                  <strong>{c.subject}</strong> — issued by {c.issuer}
                  {c.selfSigned ? ' (root: will be trusted)' : c.ca ? ' (CA)' : ''}
                </li>
              ))}
            </Box>
          )}
          {served && !served.rootSent && (
            <Alert severity="warning">
              The server does not send its root CA: the top certificate it sends will be trusted
              instead. Better, get the root from your PKI and use a file.
            </Alert>
          )}
        </>
      )}
    </>
  );
}
