// Outbound trust: the CA RWS checks a peer against (Configuration Server, WebDAV, RCS, SpeechMiner),
// from a certificate file or a live endpoint's chain, written as JKS or PEM and named in the config.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Request, Response } from '../../../shared/api/contract';
import { api } from '../../api/client';
import type { ConfigModel } from '../../app/use-config';
import {
  showKitValues,
  Checks,
  DiffView,
  FileList,
  useCall,
  Warnings,
  WizardFrame,
  type Check,
  type KitResult,
} from './wizard-parts';

type Target = Request<'kit.trust.run'>['target'];
const targets: { id: Target; label: string }[] = [
  {
    id: 'config-server',
    label: 'Configuration, SIP and Interaction Server (caCertificate: ONE CA)',
  },
  { id: 'webdav', label: 'WebDAV (webDAVTrustedCA)' },
  { id: 'rcs', label: 'Recording Crypto Server (rcsTrustedCA)' },
  { id: 'speechminer', label: 'SpeechMiner Interaction Receiver (speechMinerTrustedCA)' },
];
const steps = ['Target and source', 'Trust file', 'Summary', 'Verify'] as const;

export function TrustWizard(props: { model: ConfigModel }) {
  const [step, setStep] = useState(0);
  const [target, setTarget] = useState<Target>('config-server');
  const [sourceKind, setSourceKind] = useState<'file' | 'endpoint'>('file');
  const [file, setFile] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [served, setServed] = useState<Response<'kit.trust.probe'> | null>(null);
  const [out, setOut] = useState('trust/ca.jks');
  const [format, setFormat] = useState<'jks' | 'pem'>('jks');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<KitResult | null>(null);
  const [diff, setDiff] = useState<string | null>(null);
  const [checks, setChecks] = useState<Check[] | null>(null);
  const { busy, error, call, clearError } = useCall();
  const go = (n: number) => {
    clearError();
    setStep(n);
  };
  const written = done?.files[0]?.path;

  useEffect(() => {
    if (step !== 3 || checks || !written) return;
    const pw = format === 'jks' ? { trustPassword: password } : {};
    void call(async () =>
      sourceKind === 'endpoint'
        ? (await api['kit.verify.endpoint']({ endpoint, trustFile: written, ...pw })).checks
        : (
            await api['kit.verify.store']({
              store: written,
              password: format === 'jks' ? password : '',
            })
          ).checks,
    ).then((c) => c && setChecks(c));
  }, [step, checks, written, call, sourceKind, endpoint, format, password]);

  let body;
  let next;
  if (step === 0) {
    body = (
      <>
        <TextField
          select
          label="RWS checks the certificate of"
          value={target}
          onChange={(e) => setTarget(e.target.value as Target)}
          fullWidth
        >
          {targets.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.label}
            </MenuItem>
          ))}
        </TextField>
        <RadioGroup
          row
          value={sourceKind}
          onChange={(e) => setSourceKind(e.target.value as 'file' | 'endpoint')}
          aria-label="Source"
        >
          <FormControlLabel value="file" control={<Radio />} label="From a certificate file" />
          <FormControlLabel value="endpoint" control={<Radio />} label="From a live server" />
        </RadioGroup>
        {sourceKind === 'file' ? (
          <TextField
            label="CA certificate file (PEM, DER, P7B or keystore)"
            value={file}
            onChange={(e) => setFile(e.target.value)}
            fullWidth
          />
        ) : (
          <>
            <Stack direction="row" sx={{ gap: 1 }}>
              <TextField
                label="HOST:PORT"
                value={endpoint}
                onChange={(e) => {
                  setEndpoint(e.target.value);
                  setServed(null);
                }}
                sx={{ flex: 1 }}
              />
              <Button
                variant="outlined"
                disabled={busy || endpoint.trim() === ''}
                onClick={() =>
                  void call(() => api['kit.trust.probe']({ endpoint })).then(
                    (r) => r && setServed(r),
                  )
                }
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
    next = {
      label: 'Next',
      disabled: sourceKind === 'file' ? file.trim() === '' : served === null,
      onClick: () => go(1),
    };
  } else if (step === 1) {
    body = (
      <>
        <TextField
          label="Trust file to write"
          value={out}
          onChange={(e) => {
            setOut(e.target.value);
            setFormat(/\.(pem|crt|cer)$/i.test(e.target.value) ? 'pem' : 'jks');
          }}
          fullWidth
        />
        <RadioGroup
          row
          value={format}
          onChange={(e) => setFormat(e.target.value as 'jks' | 'pem')}
          aria-label="Format"
        >
          <FormControlLabel
            value="jks"
            control={<Radio />}
            label="JKS (the guide's recommendation)"
          />
          <FormControlLabel value="pem" control={<Radio />} label="PEM" />
        </RadioGroup>
        {format === 'jks' && (
          <TextField
            label="Store password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            helperText="At least 6 characters; set in the matching JKS password option."
          />
        )}
      </>
    );
    const request = (): Request<'kit.trust.run'> => ({
      target,
      source: sourceKind === 'file' ? { file } : { endpoint },
      out,
      format,
      ...(format === 'jks' ? { password } : {}),
    });
    next = {
      label: 'Write the trust file',
      disabled: out.trim() === '' || (format === 'jks' && password.length < 6),
      onClick: () =>
        void call(async () => {
          const result = await api['kit.trust.run'](request());
          setDone(result);
          setDiff(await showKitValues(props.model, result));
          setChecks(null);
          go(2);
        }),
    };
  } else if (step === 2 && done) {
    body = (
      <>
        <Alert severity="success">
          The trust file was written now; the configuration values wait for your reviewed save.
        </Alert>
        {done.summary.map((s) => (
          <Typography key={s} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
            {s}
          </Typography>
        ))}
        <FileList files={done.files} written />
        <Warnings warnings={done.warnings} />
        <DiffView diff={diff} />
      </>
    );
    next = { label: 'Verify', onClick: () => go(3) };
  } else {
    body = (
      <>
        <Typography variant="body2">
          {sourceKind === 'endpoint'
            ? `${endpoint} probed again and its chain judged against the new trust file, with RWS's host-name rule.`
            : 'The trust file opened with our reader.'}
        </Typography>
        <Checks checks={checks} />
      </>
    );
    next = undefined;
  }
  return (
    <WizardFrame
      title="Outbound trust"
      steps={steps}
      active={step}
      busy={busy}
      error={error}
      onBack={step === 1 ? () => go(0) : undefined}
      next={next}
    >
      {body}
    </WizardFrame>
  );
}
