// Step 1 of the HTTPS wizard: where the certificate comes from, and for a new key its SANs (checked
// here, as they are typed), subject, key and validity.
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { KeyChoiceField } from '../KeyChoiceField';
import { firstDns, makesKey, sanProblems, type Mode, type StepProps } from './https-form';
import { SourceFiles } from './SourceFiles';

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

const sanHelp =
  'keytool syntax: dns:rws.example.com,ip:10.0.0.5 — clients check the host name against these.';

export function SourceStep({ form, set }: StepProps) {
  const problems = sanProblems(form);
  return (
    <>
      <RadioGroup
        value={form.mode}
        onChange={(e) => set('mode', e.target.value as Mode)}
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
      {makesKey(form.mode) && (
        <>
          <TextField
            label="Host names and addresses (SAN)"
            value={form.san}
            onChange={(e) => set('san', e.target.value)}
            error={problems.length > 0}
            helperText={problems.length > 0 ? problems.join(' ') : sanHelp}
            fullWidth
          />
          <TextField
            label="Subject (optional)"
            value={form.dname}
            onChange={(e) => set('dname', e.target.value)}
            helperText={`Default: CN=${firstDns(form.san) ?? 'rws'}`}
            fullWidth
          />
          <Stack direction="row" sx={{ gap: 2 }}>
            <KeyChoiceField value={form.key} onChange={(k) => set('key', k)} />
            {form.mode === 'self-signed' && (
              <TextField
                label="Valid for (days)"
                type="number"
                value={form.days}
                onChange={(e) => set('days', Number(e.target.value))}
                error={!(form.days >= 1 && form.days <= 36500)}
                sx={{ width: 180 }}
              />
            )}
          </Stack>
        </>
      )}
      <SourceFiles form={form} set={set} />
    </>
  );
}
