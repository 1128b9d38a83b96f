// The one-field dialogs of the keystore manager: rename, store password, key export passphrase,
// and the confirmation before a delete.
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { TwiceSecretFields, useTwiceSecret } from '../../components/TwiceSecret';
import { FormDialog } from './FormDialog';

interface Common {
  open: boolean;
  busy: boolean;
  error: string | null;
  onClose(): void;
}

export function RenameDialog(props: Common & { alias: string; onRename(to: string): void }) {
  const [to, setTo] = useState(props.alias);
  return (
    <FormDialog
      {...props}
      title={`Rename "${props.alias}"`}
      action="Rename"
      disabled={to.trim() === '' || to.trim() === props.alias}
      onSubmit={() => props.onRename(to.trim())}
    >
      <TextField
        id="rename-to"
        label="New alias"
        value={to}
        autoFocus
        onChange={(e) => setTo(e.target.value)}
      />
    </FormDialog>
  );
}

export function PasswordDialog(props: Common & { file: string; onChange(password: string): void }) {
  const pw = useTwiceSecret(6);
  return (
    <FormDialog
      {...props}
      title="Change the store password"
      action="Change"
      disabled={pw.problem !== null}
      onSubmit={() => props.onChange(pw.first)}
    >
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {props.file} is written with the new password when you save. Remember to put it in
        application.yaml too.
      </Typography>
      <TwiceSecretFields id="new-store-password" label="New password" secret={pw} />
    </FormDialog>
  );
}

export function ExportKeyDialog(props: Common & { alias: string; onExport(pass: string): void }) {
  const pw = useTwiceSecret(6);
  return (
    <FormDialog
      {...props}
      title={`Export the private key of "${props.alias}"`}
      action="Export encrypted key"
      disabled={pw.problem !== null}
      onSubmit={() => props.onExport(pw.first)}
    >
      <Typography variant="body2">
        The key is exported only as encrypted PKCS#8 (AES-256). Anyone with the file and this
        passphrase holds the server&apos;s identity: keep both apart.
      </Typography>
      <TwiceSecretFields id="export-passphrase" label="Passphrase" secret={pw} />
    </FormDialog>
  );
}

export function DeleteDialog(props: Common & { alias: string; onDelete(): void }) {
  return (
    <FormDialog
      {...props}
      title={`Delete "${props.alias}"?`}
      action="Delete"
      danger
      onSubmit={props.onDelete}
    >
      <Typography>
        The entry leaves the store when you save. Until then, Undo brings it back.
      </Typography>
    </FormDialog>
  );
}
