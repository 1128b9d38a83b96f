import TextField from '@mui/material/TextField';
import { displayText, placeholderOf, worstSeverity, type FieldProps } from './field-props';

/** Ports and integers: typed as text so a wrong value stays visible and the validator names it. */
export function NumberField(props: FieldProps) {
  const { spec, id, value, describedBy, diagnostics, onChange, onDelete } = props;
  const isPort = spec.type === 'port';
  const text = displayText(value);
  const local =
    text !== '' && !/^\d+$/.test(text)
      ? 'Enter a whole number.'
      : isPort && text !== '' && (Number(text) < 1 || Number(text) > 65535)
        ? 'A port is from 1 to 65535.'
        : undefined;
  const severity = worstSeverity(diagnostics);
  return (
    <TextField
      id={id}
      label={spec.label}
      value={text}
      placeholder={placeholderOf(spec)}
      error={local !== undefined || severity === 'error'}
      helperText={local}
      sx={{ maxWidth: 240 }}
      onChange={(e) => {
        const raw = e.target.value.trim();
        if (raw === '') onDelete();
        else onChange(/^\d+$/.test(raw) ? Number(raw) : raw);
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
