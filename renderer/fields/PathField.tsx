// A path option with a live "exists / what format" indicator (file.check, relative paths resolve
// against the config's folder as the server resolves them).
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { Response } from '../../shared/api/contract';
import { api } from '../api/client';
import { StoreLinks } from '../pages/keystores/StoreLinks';
import { useOptionText, type FieldProps } from './field-props';

type Check = Response<'file.check'> | 'checking' | null;

export function usePathCheck(path: string): Check {
  const [check, setCheck] = useState<Check>(null);
  useEffect(() => {
    if (path === '') {
      setCheck(null);
      return;
    }
    let live = true;
    setCheck('checking');
    const timer = setTimeout(() => {
      api['file.check']({ path }).then(
        (result) => live && setCheck(result),
        () => live && setCheck(null),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [path]);
  return check;
}

export function PathStatus({ check, id }: { check: Check; id: string }) {
  if (check === null) return null;
  if (check === 'checking')
    return <Chip id={id} size="small" variant="outlined" label="checking…" />;
  return check.exists ? (
    <Chip
      id={id}
      size="small"
      color="success"
      variant="outlined"
      label={`found · ${check.format === 'unknown' || check.format === null ? 'unknown format' : check.format}`}
      title={`${check.resolved}: ${check.description ?? ''}`}
    />
  ) : (
    <Chip
      id={id}
      size="small"
      color="warning"
      variant="outlined"
      label="not found here"
      title={`${check.resolved} does not exist on this machine (it may exist on the RWS host).`}
    />
  );
}

export function PathField(props: FieldProps) {
  const { spec, id } = props;
  const { draft, fieldProps, describedBy } = useOptionText(props, `${id}-status`);
  const text = draft.text;
  const check = usePathCheck(text);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <TextField
        {...fieldProps}
        onChange={(e) => draft.change(e.target.value)}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: {
            'aria-describedby': describedBy,
            spellCheck: false,
          },
        }}
      />
      <PathStatus check={check} id={`${id}-status`} />
      <StoreLinks check={check} optionPath={spec.path} value={text} />
    </Stack>
  );
}
