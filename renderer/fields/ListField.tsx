// Comma-separated options (origins, methods, headers) edited as chips; written back with the
// separator style the file already uses.
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { displayText, placeholderOf, worstSeverity, type FieldProps } from './field-props';

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function joinList(items: readonly string[], previous: string): string {
  return items.join(/,\s/.test(previous) ? ', ' : ',');
}

export function ListField(props: FieldProps) {
  const { spec, id, value, describedBy, diagnostics, onChange, onDelete } = props;
  const text = displayText(value);
  const items = splitList(text);
  return (
    <Autocomplete
      id={id}
      multiple
      freeSolo
      autoSelect
      size="small"
      options={(spec.allowed ?? []).filter((o) => !items.includes(o))}
      value={items}
      onChange={(_e, next) => {
        const clean = next.map((n) => n.trim()).filter((n) => n !== '');
        if (clean.length === 0) onDelete();
        else onChange(joinList(clean, text));
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={spec.label}
          placeholder={items.length === 0 ? placeholderOf(spec) : 'add…'}
          error={worstSeverity(diagnostics) === 'error'}
          slotProps={{
            ...params.slotProps,
            inputLabel: { ...params.slotProps.inputLabel, shrink: true },
            htmlInput: { ...params.slotProps.htmlInput, 'aria-describedby': describedBy },
          }}
        />
      )}
    />
  );
}
