// Trust options: `true` (the JVM's default cacerts), `false` (no certificate check) or a CA file.
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { displayText, worstSeverity, type FieldProps } from './field-props';
import { PathStatus, usePathCheck } from './PathField';
import { StoreLinks } from '../pages/keystores/StoreLinks';

type Mode = 'true' | 'false' | 'path';

function modeOf(value: unknown, fallback: unknown): Mode {
  const v = value === undefined ? fallback : value;
  if (v === true || v === 'true') return 'true';
  if (v === false || v === 'false') return 'false';
  return 'path';
}

export function TrustField(props: FieldProps) {
  const { spec, id, value, describedBy, diagnostics, onChange, onDelete } = props;
  const [choosingPath, setChoosingPath] = useState(false);
  const mode: Mode = choosingPath ? 'path' : modeOf(value, spec.default ?? true);
  const path = mode === 'path' && typeof value === 'string' ? value : '';
  const check = usePathCheck(path);
  const error = worstSeverity(diagnostics) === 'error';
  return (
    <Stack
      direction={{ xs: 'column', md: 'row' }}
      spacing={1}
      sx={{ alignItems: { md: 'center' } }}
    >
      <TextField
        select
        id={id}
        label={spec.label}
        value={mode}
        error={error && mode !== 'path'}
        sx={{ maxWidth: { md: 320 } }}
        onChange={(e) => {
          const next = e.target.value as Mode;
          setChoosingPath(next === 'path');
          if (next !== 'path') onChange(next === 'true');
        }}
        slotProps={{
          inputLabel: { shrink: true },
          select: { SelectDisplayProps: { 'aria-describedby': describedBy } as object },
        }}
      >
        <MenuItem value="true">true: JVM default CA certificates</MenuItem>
        <MenuItem value="false">false: no certificate check</MenuItem>
        <MenuItem value="path">a CA file (PEM or JKS)</MenuItem>
      </TextField>
      {mode === 'path' && (
        <>
          <TextField
            id={`${id}-path`}
            label={`${spec.label}: CA file`}
            value={displayText(path)}
            error={error}
            placeholder="/opt/genesys/gir/etc/ca.jks"
            onChange={(e) => {
              if (e.target.value === '') onDelete();
              else onChange(e.target.value);
              setChoosingPath(e.target.value === '');
            }}
            slotProps={{
              inputLabel: { shrink: true },
              htmlInput: { 'aria-describedby': describedBy, spellCheck: false },
            }}
          />
          <PathStatus check={check} id={`${id}-status`} />
          <StoreLinks check={check} optionPath={spec.path} value={path} />
        </>
      )}
    </Stack>
  );
}
