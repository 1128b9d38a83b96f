import TextField from '@mui/material/TextField';
import {
  describedWith,
  emptiedMessage,
  placeholderOf,
  useEmptiedDraft,
  worstSeverity,
  type FieldProps,
} from './field-props';

/**
 * Ports and integers: typed as text so a wrong value stays visible and the validator names it (one
 * message, from the rules). Emptied, the field is in error and the key stays in the file.
 */
export function NumberField(props: FieldProps) {
  const { spec, id, value, describedBy, diagnostics, onChange } = props;
  const isPort = spec.type === 'port';
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
      sx={{ maxWidth: draft.emptied ? undefined : 240 }}
      onChange={(e) => {
        const raw = e.target.value.trim();
        draft.change(/^-?\d+$/.test(raw) ? Number(raw) : raw);
      }}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: {
          inputMode: 'numeric',
          'aria-describedby': describedWith(describedBy, id, helper !== undefined),
          'aria-invalid': draft.emptied || undefined,
          ...(isPort ? { min: 1, max: 65535 } : { min: 0 }),
        },
      }}
    />
  );
}
