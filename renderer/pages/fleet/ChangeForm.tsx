// "Apply to all nodes": one key and its value (typed as `rwsec fleet set PATH=VALUE` types it),
// or its removal. Nothing is written here: the host reads every node again and plans the change
// on each, and the review dialog shows every node's diff before the user writes it.
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { DocumentEditRequest } from '../../../shared/api/contract';
import { options } from '../../../shared/catalog/options';
import { isSecretPath } from '../../../shared/catalog/secret-paths';

const paths = options.filter((o) => o.alternativeTo === undefined).map((o) => o.path as string);

export function ChangeForm(props: {
  disabled: boolean;
  onReview(edits: DocumentEditRequest[]): void;
}) {
  const [path, setPath] = useState('');
  const [value, setValue] = useState('');
  const [remove, setRemove] = useState(false);
  const key = path.trim();
  const secret = key !== '' && isSecretPath(key);

  return (
    <Stack
      component="form"
      aria-label="Apply to all nodes"
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      sx={{ alignItems: { md: 'center' } }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!key) return;
        props.onReview([remove ? { path: key, delete: true } : { path: key, value }]);
      }}
    >
      <Autocomplete
        freeSolo
        options={paths}
        inputValue={path}
        onInputChange={(_e, v) => setPath(v)}
        sx={{ flex: 2, minWidth: 260 }}
        renderInput={(params) => (
          <TextField
            {...params}
            size="small"
            label="Key"
            placeholder="serverSettings.crossOriginSettings.allowedOrigins"
          />
        )}
      />
      <TextField
        size="small"
        label="Value"
        type={secret ? 'password' : 'text'}
        autoComplete="off"
        value={value}
        disabled={remove}
        onChange={(e) => setValue(e.target.value)}
        sx={{ flex: 2, minWidth: 200 }}
      />
      <FormControlLabel
        control={<Checkbox checked={remove} onChange={(e) => setRemove(e.target.checked)} />}
        label="Remove the key"
      />
      <Button type="submit" variant="contained" disabled={props.disabled || !key}>
        Review on every node
      </Button>
    </Stack>
  );
}
