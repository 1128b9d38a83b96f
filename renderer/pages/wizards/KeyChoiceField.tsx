// The key type and size a kit generates (the same choices for HTTPS and Cassandra).
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { kitKeyChoices } from '../../../shared/api/contract-kits';

export type KeyChoice = (typeof kitKeyChoices)[number];

export const keyLabels: Record<KeyChoice, string> = {
  'rsa-2048': 'RSA 2048',
  'rsa-3072': 'RSA 3072',
  'rsa-4096': 'RSA 4096 (slow)',
  'ec-p256': 'EC P-256',
  'ec-p384': 'EC P-384',
};

export function KeyChoiceField(props: { value: KeyChoice; onChange(key: KeyChoice): void }) {
  return (
    <TextField
      select
      label="Key"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as KeyChoice)}
      sx={{ minWidth: 200 }}
    >
      {kitKeyChoices.map((id) => (
        <MenuItem key={id} value={id}>
          {keyLabels[id]}
        </MenuItem>
      ))}
    </TextField>
  );
}
