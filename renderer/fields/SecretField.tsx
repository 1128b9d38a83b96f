// A secret: masked until revealed, with the form it is written in (plain / OBF / CRYPT), flagged
// when the server cannot read that form for this option.
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { useOptionText, type FieldProps } from './field-props';
import { EyeIcon, EyeOffIcon } from './icons';
import { secretForm, secretFormHelp } from './secret-form';

export function SecretField(props: FieldProps) {
  const { spec, id } = props;
  const { draft, fieldProps, describedBy } = useOptionText(props, `${id}-form`);
  const [revealed, setRevealed] = useState(false);
  const text = draft.text;
  const form = text === '' ? null : secretForm(text);
  // MD5 is a hash and never readable as a password; otherwise trust the catalog's list if any.
  const readable =
    form === null ||
    (form !== 'MD5' && (spec.secretForms === undefined || spec.secretForms.includes(form)));
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <TextField
        {...fieldProps}
        type={revealed ? 'text' : 'password'}
        autoComplete="off"
        onChange={(e) => draft.change(e.target.value)}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: {
            'aria-describedby': describedBy,
            spellCheck: false,
          },
          input: {
            endAdornment: (
              <InputAdornment position="end">
                <IconButton
                  size="small"
                  edge="end"
                  aria-label={revealed ? `Hide ${spec.label}` : `Show ${spec.label}`}
                  aria-pressed={revealed}
                  onClick={() => setRevealed((r) => !r)}
                >
                  {revealed ? <EyeOffIcon fontSize="small" /> : <EyeIcon fontSize="small" />}
                </IconButton>
              </InputAdornment>
            ),
          },
        }}
      />
      {form && (
        <Tooltip title={secretFormHelp[form]}>
          <Chip
            id={`${id}-form`}
            size="small"
            label={form}
            aria-label={`Written as ${form}. ${secretFormHelp[form]}`}
            color={!readable ? 'error' : form === 'plain' ? 'warning' : 'success'}
            variant="outlined"
            sx={{ minWidth: 64 }}
          />
        </Tooltip>
      )}
    </Stack>
  );
}
