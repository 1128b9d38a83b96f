import TextField from '@mui/material/TextField';
import { useOptionText, type FieldProps } from './field-props';

/**
 * Ports and integers: typed as text so a wrong value stays visible and the validator names it (one
 * message, from the rules). Emptied, the field is in error and the key stays in the file.
 */
export function NumberField(props: FieldProps) {
  const isPort = props.spec.type === 'port';
  const { draft, fieldProps, describedBy } = useOptionText(props);
  return (
    <TextField
      {...fieldProps}
      sx={{ maxWidth: draft.emptied ? undefined : 240 }}
      onChange={(e) => {
        const raw = e.target.value.trim();
        draft.change(/^-?\d+$/.test(raw) ? Number(raw) : raw);
      }}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: {
          inputMode: 'numeric',
          'aria-describedby': describedBy,
          'aria-invalid': draft.emptied || undefined,
          ...(isPort ? { min: 1, max: 65535 } : { min: 0 }),
        },
      }}
    />
  );
}
