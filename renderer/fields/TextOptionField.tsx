import TextField from '@mui/material/TextField';
import { useOptionText, type FieldProps } from './field-props';

export function TextOptionField(props: FieldProps) {
  const { draft, fieldProps, describedBy } = useOptionText(props);
  return (
    <TextField
      {...fieldProps}
      onChange={(e) => draft.change(e.target.value)}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { 'aria-describedby': describedBy },
      }}
    />
  );
}
