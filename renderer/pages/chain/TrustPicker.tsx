// "Trusted by": the config's trust files (with their configured passwords, asked for when
// CRYPT:), the JDK cacerts, the system CA bundle, or another file.
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ChainTrust, TrustChoice } from '../../../shared/api/chain-contract';

export interface TrustState {
  /** `config:<key>`, `jdk`, `system` or `file`. */
  choice: string;
  path: string;
  password: string;
}

export function trustRequest(state: TrustState): ChainTrust | null {
  const password = state.password !== '' ? { password: state.password } : {};
  if (state.choice === 'jdk') return { kind: 'jdk' };
  if (state.choice === 'system') return { kind: 'system' };
  if (state.choice === 'file') {
    return state.path.trim() === '' ? null : { kind: 'file', path: state.path.trim(), ...password };
  }
  return { kind: 'config', key: state.choice.slice('config:'.length), ...password };
}

export function TrustPicker(props: {
  choices: readonly TrustChoice[];
  state: TrustState;
  onChange(state: TrustState): void;
}) {
  const { state } = props;
  const configChoice = props.choices.find((c) => `config:${c.key}` === state.choice);
  const needsPassword = state.choice === 'file' || configChoice?.password === 'crypt';
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
      <TextField
        select
        id="chain-trust"
        label="Trusted by"
        value={state.choice}
        onChange={(e) => props.onChange({ ...state, choice: e.target.value, password: '' })}
        sx={{ minWidth: 260, flex: 1 }}
      >
        {props.choices.map((c) => (
          <MenuItem key={c.key} value={`config:${c.key}`}>
            {c.label}: {c.value}
          </MenuItem>
        ))}
        <MenuItem value="jdk">JDK cacerts (what *TrustedCA: true means)</MenuItem>
        <MenuItem value="system">System CA bundle</MenuItem>
        <MenuItem value="file">Another file…</MenuItem>
      </TextField>
      {state.choice === 'file' && (
        <TextField
          id="chain-trust-path"
          label="Trust file (PEM, DER, P7B, JKS, PKCS12)"
          value={state.path}
          onChange={(e) => props.onChange({ ...state, path: e.target.value })}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
      )}
      {needsPassword && (
        <TextField
          id="chain-trust-password"
          label={
            configChoice ? `Password (the config holds a CRYPT: value)` : 'Password (JKS/PKCS12)'
          }
          type="password"
          autoComplete="off"
          value={state.password}
          onChange={(e) => props.onChange({ ...state, password: e.target.value })}
          sx={{ flex: 1 }}
        />
      )}
    </Stack>
  );
}
