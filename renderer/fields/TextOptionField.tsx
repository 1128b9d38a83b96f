import TextField from '@mui/material/TextField';
import { displayText, placeholderOf, worstSeverity, type FieldProps } from './field-props';

export function TextOptionField(props: FieldProps) {
  const { spec, id, value, describedBy, diagnostics, onChange, onDelete } = props;
  return (
    <TextField
      id={id}
      label={spec.label}
      value={displayText(value)}
      placeholder={placeholderOf(spec)}
      error={worstSeverity(diagnostics) === 'error'}
      onChange={(e) => (e.target.value === '' ? onDelete() : onChange(e.target.value))}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-describedby': describedBy } }}
    />
  );
}
