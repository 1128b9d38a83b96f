import TextField from '@mui/material/TextField';
import {
  describedWith,
  emptiedMessage,
  placeholderOf,
  useEmptiedDraft,
  worstSeverity,
  type FieldProps,
} from './field-props';

export function TextOptionField(props: FieldProps) {
  const { spec, id, value, describedBy, diagnostics, onChange } = props;
  const draft = useEmptiedDraft(value, onChange);
  const helper = draft.emptied ? emptiedMessage(spec) : undefined;
  return (
    <TextField
      id={id}
      label={spec.label}
      value={draft.text}
      placeholder={placeholderOf(spec)}
      error={draft.emptied || worstSeverity(diagnostics) === 'error'}
      helperText={helper}
      onChange={(e) => draft.change(e.target.value)}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { 'aria-describedby': describedWith(describedBy, id, helper !== undefined) },
      }}
    />
  );
}
