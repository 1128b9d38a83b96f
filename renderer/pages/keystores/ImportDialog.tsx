// Import (certificates, a key with its chain, or another store) or a CA reply. Where the bytes come
// from is chosen in ImportSourceFields; this dialog adds the alias and the file's password.
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { KeystoreInput } from '../../../shared/api/keystore-contract';
import type { DroppedFile } from './files';
import { FormDialog } from './FormDialog';
import { ImportSourceFields } from './ImportSourceFields';
import { useImportSource } from './use-import-source';

export interface ImportRequest {
  input: KeystoreInput;
  alias?: string;
  password?: string;
}

export function ImportDialog(props: {
  open: boolean;
  /** 'reply' imports a CA reply onto `alias`. */
  kind: 'import' | 'reply';
  alias?: string;
  dropped: DroppedFile | null;
  busy: boolean;
  error: string | null;
  onClose(): void;
  onImport(request: ImportRequest): void;
}) {
  const source = useImportSource(props.dropped);
  const [alias, setAlias] = useState('');
  const [password, setPassword] = useState('');
  const { input } = source;
  const reply = props.kind === 'reply';
  return (
    <FormDialog
      open={props.open}
      wide
      title={reply ? `Import the CA reply for "${props.alias ?? ''}"` : 'Import into the store'}
      action="Import"
      busy={props.busy}
      error={props.error}
      disabled={input === null}
      onClose={props.onClose}
      onSubmit={() =>
        input &&
        props.onImport({
          input,
          ...(alias.trim() !== '' ? { alias: alias.trim() } : {}),
          ...(password !== '' ? { password } : {}),
        })
      }
    >
      <ImportSourceFields source={source} />
      {!reply && (
        <>
          <TextField
            id="import-alias"
            label="Alias (optional)"
            value={alias}
            helperText="Certificates: named from their CN when empty. A private key needs an alias."
            onChange={(e) => setAlias(e.target.value)}
          />
          <TextField
            id="import-password"
            label="Password of the file (PKCS12, JKS or encrypted key)"
            type="password"
            value={password}
            autoComplete="off"
            onChange={(e) => setPassword(e.target.value)}
          />
        </>
      )}
    </FormDialog>
  );
}
