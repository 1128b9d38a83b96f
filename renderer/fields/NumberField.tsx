import TextField from '@mui/material/TextField';
import { displayText, placeholderOf, worstSeverity, type FieldProps } from './field-props';

/**
 * Ports and integers: typed as text so a wrong value stays visible. The rules judge it (one
 * message, shown under the field by FieldFrame); the field adds no message of its own.
 */
export function NumberField(props: FieldProps) {
  const { spec, id, value, describedBy, diagnostics, onChange, onDelete } = props;
  const isPort = spec.type === 'port';
  const text = displayText(value);
  const severity = worstSeverity(diagnostics);
  return (
    <TextField
      id={id}
      label={spec.label}
      value={text}
      placeholder={placeholderOf(spec)}
      error={severity === 'error'}
      sx={{ maxWidth: 240 }}
      onChange={(e) => {
        const raw = e.target.value.trim();
        if (raw === '') onDelete();
        else onChange(/^-?\d+$/.test(raw) ? Number(raw) : raw);
      }}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: {
          inputMode: 'numeric',
          'aria-describedby': describedBy,
          ...(isPort ? { min: 1, max: 65535 } : { min: 0 }),
        },
      }}
    />
  );
}
