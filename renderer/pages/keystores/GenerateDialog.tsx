// keytool -genkeypair as a form: alias, distinguished name, SANs, key type and size, validity.
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { Request } from '../../../shared/api/contract';
import { FormDialog } from './FormDialog';

export type GenerateRequest = Omit<Request<'keystore.generate'>, 'handle'>;

const keyChoices = [
  { value: 'rsa-2048', label: 'RSA 2048' },
  { value: 'rsa-3072', label: 'RSA 3072' },
  { value: 'rsa-4096', label: 'RSA 4096' },
  { value: 'ec-256', label: 'EC P-256' },
  { value: 'ec-384', label: 'EC P-384' },
];

export function GenerateDialog(props: {
  open: boolean;
  busy: boolean;
  error: string | null;
  onClose(): void;
  onGenerate(request: GenerateRequest): void;
}) {
  const [alias, setAlias] = useState('jetty');
  const [dname, setDname] = useState('CN=rws.example.com, OU=IT, O=Example, C=US');
  const [san, setSan] = useState('dns:rws.example.com');
  const [key, setKey] = useState('rsa-2048');
  const [days, setDays] = useState('825');
  const [algorithm, size] = key.split('-') as ['rsa' | 'ec', string];
  return (
    <FormDialog
      open={props.open}
      title="Generate a key pair"
      action="Generate"
      busy={props.busy}
      error={props.error}
      onClose={props.onClose}
      onSubmit={() =>
        props.onGenerate({
          alias: alias.trim(),
          dname: dname.trim(),
          san: san.trim(),
          keyAlgorithm: algorithm,
          keySize: Number(size),
          days: Number(days),
        })
      }
    >
      <TextField
        id="generate-alias"
        label="Alias"
        value={alias}
        required
        helperText="Jetty's certAlias must match it; Java stores aliases in lower case."
        onChange={(e) => setAlias(e.target.value)}
      />
      <TextField
        id="generate-dname"
        label="Distinguished name"
        value={dname}
        required
        helperText="As keytool -dname: CN=host, OU=unit, O=organization, C=country"
        onChange={(e) => setDname(e.target.value)}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <TextField
        id="generate-san"
        label="Subject alternative names"
        value={san}
        multiline
        maxRows={4}
        helperText="Comma-separated, as keytool -ext san=: dns:rws.example.com,dns:rws,ip:10.0.0.5. Clients check the host name against these."
        onChange={(e) => setSan(e.target.value)}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <Stack direction="row" spacing={2}>
        <TextField
          select
          id="generate-key"
          label="Key"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          sx={{ flex: 1 }}
        >
          {keyChoices.map((c) => (
            <MenuItem key={c.value} value={c.value}>
              {c.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="generate-days"
          label="Valid for (days)"
          type="number"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { min: 1, max: 36500 } }}
        />
      </Stack>
    </FormDialog>
  );
}
