// The keystore manager's dialogs, one at a time: each sends its change to the keystore engine
// through the manager, and stays open with the error when the change is refused.
import { api } from '../../api/client';
import { GenerateDialog, type GenerateRequest } from './GenerateDialog';
import { ImportDialog, type ImportRequest } from './ImportDialog';
import { PemDialog } from './PemDialog';
import { DeleteDialog, ExportKeyDialog, PasswordDialog, RenameDialog } from './SmallDialogs';
import type { StoreManager } from './use-store-manager';

export function StoreDialogs(props: { manager: StoreManager }) {
  const m = props.manager;
  const { dialog, view, busy } = m;
  const handle = view?.handle ?? 0;
  const common = { open: true, busy, error: m.dialogError, onClose: m.closeDialog };

  const exportKey = async (alias: string, passphrase: string) => {
    const result = await m.runInDialog(() =>
      api['keystore.export']({ handle, alias, what: 'private-key', passphrase }),
    );
    if (!result) return;
    m.closeDialog();
    m.setPem({ title: `Encrypted private key of "${alias}"`, ...result });
  };

  return (
    <>
      {dialog?.kind === 'generate' && (
        <GenerateDialog
          {...common}
          onGenerate={(request: GenerateRequest) =>
            void m.change(() => api['keystore.generate']({ handle, ...request }))
          }
        />
      )}
      {(dialog?.kind === 'import' || dialog?.kind === 'reply') && (
        <ImportDialog
          {...common}
          kind={dialog.kind}
          {...(dialog.kind === 'reply' ? { alias: dialog.alias } : {})}
          dropped={dialog.kind === 'import' ? dialog.dropped : null}
          onImport={(request: ImportRequest) =>
            void m.change(() =>
              dialog.kind === 'reply'
                ? api['keystore.reply']({ handle, alias: dialog.alias, input: request.input })
                : api['keystore.import']({ handle, ...request }),
            )
          }
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          {...common}
          alias={dialog.alias}
          onRename={(to) =>
            void m.change(async () => {
              const next = await api['keystore.rename']({ handle, from: dialog.alias, to });
              m.setSelected(to.toLowerCase());
              return next;
            })
          }
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          {...common}
          alias={dialog.alias}
          onDelete={() =>
            void m.change(() => api['keystore.delete']({ handle, alias: dialog.alias }))
          }
        />
      )}
      {dialog?.kind === 'export-key' && (
        <ExportKeyDialog
          {...common}
          alias={dialog.alias}
          onExport={(passphrase) => void exportKey(dialog.alias, passphrase)}
        />
      )}
      {dialog?.kind === 'password' && view && (
        <PasswordDialog
          {...common}
          file={view.file}
          onChange={(password) => void m.change(() => api['keystore.passwd']({ handle, password }))}
        />
      )}
      <PemDialog result={m.pem} onClose={() => m.setPem(null)} />
    </>
  );
}
