// Secret encryption: Jetty's OBF (instant, pure: for ssl.keyStorePassword) or RWS's CRYPT through
// the admin's own gir.jar, then applied to a secret option that reads that form.
import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { options, type SecretForm } from '../../../shared/catalog/options';
import { obfuscate } from '../../../shared/secrets/obf';
import { api } from '../../api/client';
import type { ConfigModel } from '../../app/use-config';
import { DiffView, useCall, WizardFrame } from './wizard-parts';

const steps = ['Password', 'Form', 'Apply', 'Summary'] as const;

/** Secret options that read `form` (CRYPT is never offered for ssl.keyStorePassword: Jetty reads it). */
export function fieldsFor(form: SecretForm): { path: string; label: string }[] {
  return options
    .filter((o) => o.type === 'secret' && (o.secretForms ?? []).includes(form))
    .map((o) => ({ path: o.path, label: o.label }));
}

export function SecretWizard(props: { model: ConfigModel }) {
  const [step, setStep] = useState(0);
  const [password, setPassword] = useState('');
  const [form, setForm] = useState<'OBF' | 'CRYPT'>('OBF');
  const [girJar, setGirJar] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [field, setField] = useState('');
  const [diff, setDiff] = useState<string | null>(null);
  const { busy, error, call, clearError } = useCall();
  const go = (n: number) => {
    clearError();
    setStep(n);
  };
  const targets = fieldsFor(form);

  let body;
  let next;
  if (step === 0) {
    body = (
      <TextField
        label="Password to protect"
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        fullWidth
        helperText="Never logged; for CRYPT it is passed to gir.jar on its command line (its only documented interface)."
      />
    );
    next = { label: 'Next', disabled: password === '', onClick: () => go(1) };
  } else if (step === 1) {
    body = (
      <>
        <RadioGroup
          value={form}
          onChange={(e) => {
            setForm(e.target.value as 'OBF' | 'CRYPT');
            setValue(null);
          }}
          aria-label="Form"
        >
          <FormControlLabel
            value="OBF"
            control={<Radio />}
            label="OBF: Jetty's reversible obfuscation, for the HTTPS keystore password (not encryption)"
          />
          <FormControlLabel
            value="CRYPT"
            control={<Radio />}
            label="CRYPT: made by your RWS gir.jar, for the passwords RWS itself reads"
          />
        </RadioGroup>
        {form === 'OBF' && (
          <Typography
            sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
            data-testid="secret-value"
          >
            {obfuscate(password)}
          </Typography>
        )}
        {form === 'CRYPT' && (
          <>
            <TextField
              label="gir.jar of your RWS installation"
              value={girJar}
              onChange={(e) => setGirJar(e.target.value)}
              fullWidth
              helperText="Runs java -jar gir.jar --encrypt with the java of this app (JAVA_HOME, then PATH); the server does not start in that mode."
            />
            {value && (
              <Typography
                sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
                data-testid="secret-value"
              >
                {value}
              </Typography>
            )}
          </>
        )}
      </>
    );
    next =
      form === 'OBF'
        ? {
            label: 'Next',
            onClick: () => {
              setValue(obfuscate(password));
              go(2);
            },
          }
        : {
            label: value ? 'Next' : 'Encrypt with gir.jar',
            disabled: girJar.trim() === '',
            onClick: () =>
              value
                ? go(2)
                : void call(() => api['secret.crypt']({ girJar, password })).then(
                    (r) => r && setValue(r.value),
                  ),
          };
  } else if (step === 2) {
    body = (
      <>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          Value: <code>{value}</code>
        </Typography>
        <TextField
          select
          label="Apply to"
          value={field}
          onChange={(e) => setField(e.target.value)}
          fullWidth
          helperText={`Only options that read ${form} are offered.`}
          slotProps={{ htmlInput: { 'aria-label': 'Apply to' } }}
        >
          {targets.map((t) => (
            <MenuItem key={t.path} value={t.path}>
              {t.label} ({t.path})
            </MenuItem>
          ))}
        </TextField>
      </>
    );
    next = {
      label: 'Apply to the field',
      disabled: field === '' || value === null,
      onClick: () =>
        void call(async () => {
          props.model.setValue(field, value);
          setDiff(await props.model.diff());
          go(3);
        }),
    };
  } else {
    body = (
      <>
        <Alert severity="success">
          No file was written: the value is a pending edit of {field}.
        </Alert>
        <DiffView diff={diff} />
      </>
    );
    next = {
      label: 'Start again',
      onClick: () => {
        setValue(null);
        setPassword('');
        setField('');
        go(0);
      },
    };
  }
  return (
    <WizardFrame
      title="Secret encryption"
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
