// A new secret typed twice (store passwords, CA key password, export passphrase): one hook holds
// both entries and says what is wrong, one component draws the pair. Everywhere the app asks for a
// new password it is this pair, so the rules (length, equal entries, extra checks) read the same.
import TextField from '@mui/material/TextField';
import { useState } from 'react';

export interface TwiceSecret {
  first: string;
  second: string;
  setFirst(value: string): void;
  setSecond(value: string): void;
  /** Why the secret cannot be used yet, or null when it can. */
  problem: string | null;
  minLength: number;
}

/**
 * `minLength` as the consumer asks (keytool: 6). `extra` adds a check of the first entry (e.g.
 * "must differ from the store password"), applied after the length and before the comparison;
 * `initial` fills both entries (a password the user already gave elsewhere, e.g. read from the
 * file a fix starts from).
 */
export function useTwiceSecret(
  minLength: number,
  options: { extra?: (secret: string) => string | null; initial?: string } = {},
): TwiceSecret {
  const [first, setFirst] = useState(options.initial ?? '');
  const [second, setSecond] = useState(options.initial ?? '');
  const problem =
    first.length < minLength
      ? minLength === 1
        ? 'Type the password.'
        : `At least ${minLength} characters.`
      : (options.extra?.(first) ?? (first !== second ? 'The two entries differ.' : null));
  return { first, second, setFirst, setSecond, problem, minLength };
}

/**
 * The two fields, `ID` and `ID-again`. The problem shows under the second field once the user has
 * typed something (a first field that is too short is marked at once).
 */
export function TwiceSecretFields(props: {
  id: string;
  label: string;
  /** Default: "LABEL again". */
  againLabel?: string;
  secret: TwiceSecret;
}) {
  const { secret } = props;
  const typed = secret.first !== '' || secret.second !== '';
  const tooShort = secret.first !== '' && secret.first.length < secret.minLength;
  return (
    <>
      <TextField
        id={props.id}
        label={props.label}
        type="password"
        autoComplete="new-password"
        value={secret.first}
        error={tooShort}
        onChange={(e) => secret.setFirst(e.target.value)}
      />
      <TextField
        id={`${props.id}-again`}
        label={props.againLabel ?? `${props.label} again`}
        type="password"
        autoComplete="new-password"
        value={secret.second}
        error={secret.second !== '' && secret.problem !== null}
        helperText={typed ? (secret.problem ?? ' ') : ' '}
        onChange={(e) => secret.setSecond(e.target.value)}
      />
    </>
  );
}
