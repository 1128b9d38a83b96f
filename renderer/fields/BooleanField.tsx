import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import type { FieldProps } from './field-props';

export function BooleanField({ spec, id, value, describedBy, onChange }: FieldProps) {
  const fallback = spec.default === true;
  const checked = value === undefined ? fallback : value === true;
  const note =
    value === undefined
      ? ' (not set: default)'
      : typeof value !== 'boolean'
        ? ` (${String(value)}?)`
        : '';
  return (
    <FormControlLabel
      control={
        <Switch
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          slotProps={{ input: { id, 'aria-describedby': describedBy } }}
        />
      }
      label={`${spec.label}${note}`}
    />
  );
}
