// HTTPS for RWS: a self-signed certificate, a CSR and later the CA's reply, or an existing PEM key
// and certificate, into the Jetty keystore. The keystore is written when the kit runs; the ssl.*
// and enableSsl values go to the open session as pending edits for the reviewed save.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Request } from '../../../shared/api/contract';
import { obfuscate } from '../../../shared/secrets/obf';
import { api } from '../../api/client';
import type { WizardPrefill } from '../keystores/page-requests';
import type { ConfigModel } from '../../app/use-config';
import {
  showKitValues,
  Checks,
  EditList,
  FileList,
  useCall,
  Warnings,
  WizardFrame,
  WrittenSummary,
  type Check,
  type KitResult,
} from './wizard-parts';

type Mode = Request<'kit.https.run'>['mode'];
const steps = ['Certificate', 'Keystore', 'Review', 'Summary', 'Verify'] as const;
const modes: { id: Mode; label: string; help: string }[] = [
  {
    id: 'self-signed',
    label: 'Self-signed certificate',
    help: 'For tests and non-production use.',
  },
  {
    id: 'csr',
    label: 'Certificate request (CSR) for your CA',
    help: 'Makes the key and a CSR; HTTPS is switched on when the reply is imported.',
  },
  {
    id: 'reply',
    label: "Import your CA's reply",
    help: 'Installs the signed certificate on the key the CSR was made with.',
  },
  {
    id: 'import',
    label: 'Import an existing PEM key and certificate',
    help: 'Key (PKCS#8, PKCS#1 or EC PEM) and the certificate chain (PEM).',
  },
];
export const keyChoices = [
  ['rsa-2048', 'RSA 2048'],
  ['rsa-3072', 'RSA 3072'],
  ['rsa-4096', 'RSA 4096 (slow)'],
  ['ec-p256', 'EC P-256'],
  ['ec-p384', 'EC P-384'],
] as const;

function firstDns(san: string): string | undefined {
  return /(?:^|,)\s*dns:([^,\s]+)/i.exec(san)?.[1];
}

export function HttpsWizard(props: {
  model: ConfigModel;
  prefill?: Extract<WizardPrefill, { wizard: 'https' }>;
}) {
  const { model, prefill } = props;
  const currentPort = Number(model.valueOf('ssl.port'));
  const currentStore = model.valueOf('ssl.keyStorePath');
  const [step, setStep] = useState(0);
  const [mode, setMode] = useState<Mode>('self-signed');
  const [san, setSan] = useState(prefill?.san ?? 'dns:rws.example.com');
  const [dname, setDname] = useState(prefill?.dname ?? '');
  const [key, setKey] = useState<(typeof keyChoices)[number][0]>('rsa-2048');
  const [days, setDays] = useState(prefill?.days ?? 825);
  const [csrOut, setCsrOut] = useState('rws.csr');
  const [replyFile, setReplyFile] = useState('');
  const [keyFile, setKeyFile] = useState('');
  const [certFile, setCertFile] = useState('');
  // Reply and import modes do not show the SAN field: the verify step checks this name instead.
  const [checkHost, setCheckHost] = useState('');
  const [keystore, setKeystore] = useState(
    prefill?.keystore ??
      (typeof currentStore === 'string' && currentStore ? currentStore : 'keystore'),
  );
  const [alias, setAlias] = useState(prefill?.alias ?? 'jetty');
  const [storeType, setStoreType] = useState<'JKS' | 'PKCS12'>('JKS');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [port, setPort] = useState(
    Number.isInteger(currentPort) && currentPort >= 1024 ? currentPort : 9443,
  );
  const [replace, setReplace] = useState(prefill?.replace ?? false);
  const [plan, setPlan] = useState<KitResult | null>(null);
  const [done, setDone] = useState<KitResult | null>(null);
  const [diff, setDiff] = useState<string | null>(null);
  const [checks, setChecks] = useState<Check[] | null>(null);
  const { busy, error, call, clearError } = useCall();

  const request = (): Request<'kit.https.run'> => ({
    mode,
    keystore,
    alias,
    storeType,
    password,
    port,
    san,
    ...(dname.trim() ? { dname } : {}),
    key,
    days,
    ...(mode === 'csr' ? { csrOut } : {}),
    ...(mode === 'reply' ? { replyFile } : {}),
    ...(mode === 'import' ? { keyFile, certFile } : {}),
    replace,
  });

  const go = (n: number) => {
    clearError();
    setStep(n);
  };

  useEffect(() => {
    if (step !== 4 || checks || !done) return;
    const host =
      mode === 'self-signed' || mode === 'csr' ? firstDns(san) : checkHost.trim() || undefined;
    void call(() =>
      api['kit.verify.store']({ store: keystore, password, alias, ...(host ? { host } : {}) }),
    ).then((r) => r && setChecks(r.checks));
  }, [step, checks, done, call, keystore, password, alias, san, mode, checkHost]);

  const sourceReady =
    mode === 'reply'
      ? replyFile.trim() !== ''
      : mode === 'import'
        ? keyFile.trim() !== '' && certFile.trim() !== ''
        : mode === 'csr'
          ? csrOut.trim() !== ''
          : true;
  const passwordProblem =
    password.length < 6
      ? 'At least 6 characters (keytool refuses shorter ones).'
      : password !== confirm
        ? 'The two entries differ.'
        : null;

  let body;
  let next;
  if (step === 0) {
    body = (
      <>
        <RadioGroup
          value={mode}
          onChange={(e) => setMode(e.target.value as Mode)}
          aria-label="Certificate source"
        >
          {modes.map((m) => (
            <FormControlLabel
              key={m.id}
              value={m.id}
              control={<Radio />}
              label={
                <>
                  {m.label}
                  <Typography variant="body2" color="text.secondary" component="span">
                    {' '}
                    · {m.help}
                  </Typography>
                </>
              }
            />
          ))}
        </RadioGroup>
        {(mode === 'self-signed' || mode === 'csr') && (
          <>
            <TextField
              label="Host names and addresses (SAN)"
              value={san}
              onChange={(e) => setSan(e.target.value)}
              helperText="keytool syntax: dns:rws.example.com,ip:10.0.0.5 — clients check the host name against these."
              fullWidth
            />
            <TextField
              label="Subject (optional)"
              value={dname}
              onChange={(e) => setDname(e.target.value)}
              helperText={`Default: CN=${firstDns(san) ?? 'rws'}`}
              fullWidth
            />
            <Stack direction="row" sx={{ gap: 2 }}>
              <TextField
                select
                label="Key"
                value={key}
                onChange={(e) => setKey(e.target.value as typeof key)}
                sx={{ minWidth: 200 }}
              >
                {keyChoices.map(([id, label]) => (
                  <MenuItem key={id} value={id}>
                    {label}
                  </MenuItem>
                ))}
              </TextField>
              {mode === 'self-signed' && (
                <TextField
                  label="Valid for (days)"
                  type="number"
                  value={days}
                  onChange={(e) => setDays(Number(e.target.value))}
                  sx={{ width: 180 }}
                />
              )}
            </Stack>
          </>
        )}
        {mode === 'csr' && (
          <TextField
            label="Write the CSR to"
            value={csrOut}
            onChange={(e) => setCsrOut(e.target.value)}
            fullWidth
            helperText="Relative paths start at the folder of application.yaml."
          />
        )}
        {mode === 'reply' && (
          <TextField
            label="CA reply (signed certificate, PEM/DER/P7B)"
            value={replyFile}
            onChange={(e) => setReplyFile(e.target.value)}
            fullWidth
          />
        )}
        {mode === 'import' && (
          <>
            <TextField
              label="Private key (PEM)"
              value={keyFile}
              onChange={(e) => setKeyFile(e.target.value)}
              fullWidth
            />
            <TextField
              label="Certificate chain (PEM)"
              value={certFile}
              onChange={(e) => setCertFile(e.target.value)}
              fullWidth
            />
          </>
        )}
        {(mode === 'reply' || mode === 'import') && (
          <TextField
            label="Host name clients connect to (optional)"
            value={checkHost}
            onChange={(e) => setCheckHost(e.target.value)}
            helperText="Checked against the certificate in the last step."
            fullWidth
          />
        )}
      </>
    );
    next = { label: 'Next', disabled: !sourceReady, onClick: () => go(1) };
  } else if (step === 1) {
    body = (
      <>
        <TextField
          label="Keystore file"
          value={keystore}
          onChange={(e) => setKeystore(e.target.value)}
          fullWidth
          helperText="Relative paths start at the folder of application.yaml. An existing store keeps its other entries."
        />
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
          <TextField
            label="Alias"
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
            helperText="The guide uses jetty"
          />
          <TextField
            select
            label="Type (new store)"
            value={storeType}
            onChange={(e) => setStoreType(e.target.value as 'JKS' | 'PKCS12')}
            sx={{ minWidth: 160 }}
          >
            <MenuItem value="JKS">JKS</MenuItem>
            <MenuItem value="PKCS12">PKCS12</MenuItem>
          </TextField>
          <TextField
            label="HTTPS port"
            type="number"
            value={port}
            onChange={(e) => setPort(Number(e.target.value))}
            sx={{ width: 150 }}
          />
        </Stack>
        {port < 1024 && (
          <Alert
            severity="warning"
            action={
              <Button color="inherit" onClick={() => setPort(9443)}>
                Use 9443
              </Button>
            }
          >
            Port {port} is below 1024: on Unix only root can open it, and the guide advises against
            running RWS as root.
          </Alert>
        )}
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
          <TextField
            label="Store password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={password !== '' && password.length < 6}
          />
          <TextField
            label="Repeat the password"
            type="password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={confirm !== '' && password !== confirm}
            helperText={password && passwordProblem ? passwordProblem : ' '}
          />
        </Stack>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          Stored in ssl.keyStorePassword as Jetty&apos;s OBF form (reversible obfuscation, not
          encryption; Jetty does not read CRYPT:):{' '}
          <code data-testid="obf-preview">{password ? obfuscate(password) : '—'}</code>
        </Typography>
        <FormControlLabel
          control={<Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} />}
          label={`Replace an existing entry "${alias}" (the guide's "delete the alias and re-import")`}
        />
      </>
    );
    next = {
      label: 'Review',
      disabled: passwordProblem !== null || alias.trim() === '' || keystore.trim() === '',
      onClick: () =>
        void call(() => api['kit.https.plan'](request())).then((p) => {
          if (p) {
            setPlan(p);
            go(2);
          }
        }),
    };
  } else if (step === 2 && plan) {
    body = (
      <>
        <Typography variant="subtitle2" component="h3">
          Will be written at once
        </Typography>
        <FileList files={plan.files} written={false} />
        <Warnings warnings={plan.warnings} />
        <Typography variant="subtitle2" component="h3">
          Then set in the open application.yaml (pending until you save)
        </Typography>
        {plan.edits.length > 0 ? (
          <EditList edits={plan.edits} />
        ) : (
          <Typography variant="body2">
            Nothing: HTTPS stays as it is until the CA reply is imported.
          </Typography>
        )}
      </>
    );
    next = {
      label: 'Write the keystore',
      onClick: () =>
        void call(async () => {
          const result = await api['kit.https.run'](request());
          setDone(result);
          setDiff(await showKitValues(model, result));
          setChecks(null);
          go(3);
        }),
    };
  } else if (step === 3 && done) {
    body = <WrittenSummary written="The keystore" result={done} diff={diff} />;
    next =
      mode === 'csr'
        ? {
            // The same key entry, password and host carry over to the reply import.
            label: "Import the CA's reply",
            onClick: () => {
              setMode('reply');
              setCheckHost(firstDns(san) ?? '');
              setPlan(null);
              setDone(null);
              go(0);
            },
          }
        : { label: 'Verify', onClick: () => go(4) };
  } else {
    body = (
      <>
        <Typography variant="body2">
          The keystore opened with our own reader (no keytool or JVM), its key and chain checked.
        </Typography>
        <Checks checks={checks} />
      </>
    );
    next = {
      label: 'Start again',
      onClick: () => {
        setPlan(null);
        setDone(null);
        setChecks(null);
        go(0);
      },
    };
  }
  return (
    <WizardFrame
      title="HTTPS for RWS"
      steps={steps}
      active={step}
      busy={busy}
      error={error}
      onBack={step > 0 && step < 3 ? () => go(step - 1) : undefined}
      next={next}
    >
      {body}
    </WizardFrame>
  );
}
