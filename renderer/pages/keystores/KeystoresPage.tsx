// The keystore manager: open a store, see its entries and their expiry, change it through the
// keystore engine. Every change is pending (listed, undoable) until Save writes the file.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { api } from '../../api/client';
import { EntriesTable } from './EntriesTable';
import { EntryPanel, type EntryAction } from './EntryPanel';
import { errorText, readDropped, type DroppedFile } from './files';
import { GenerateDialog, type GenerateRequest } from './GenerateDialog';
import { ImportDialog, type ImportRequest } from './ImportDialog';
import { OpenStoreForm, type OpenRequest } from './OpenStoreForm';
import { requestPage, takeRequest } from './page-requests';
import { PemDialog, type PemResult } from './PemDialog';
import { DeleteDialog, ExportKeyDialog, PasswordDialog, RenameDialog } from './SmallDialogs';

type DialogState =
  | { kind: 'generate' }
  | { kind: 'import'; dropped: DroppedFile | null }
  | { kind: 'reply'; alias: string }
  | { kind: 'rename'; alias: string }
  | { kind: 'delete'; alias: string }
  | { kind: 'export-key'; alias: string }
  | { kind: 'password' }
  | null;

export default function KeystoresPage() {
  const [view, setView] = useState<KeystoreView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [initialPath, setInitialPath] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [pem, setPem] = useState<PemResult | null>(null);
  const [dragging, setDragging] = useState(false);

  const show = useCallback((next: KeystoreView | null) => {
    setView(next);
    setSelected((current) =>
      next && current && next.entries.some((e) => e.alias === current)
        ? current
        : (next?.entries[0]?.alias ?? null),
    );
  }, []);

  const open = useCallback(
    async (request: OpenRequest & { configKey?: string }) => {
      setBusy(true);
      setOpenError(null);
      try {
        const opened = await api['keystore.open']({
          path: request.path,
          ...(request.password ? { password: request.password } : {}),
          ...(request.configKey ? { configKey: request.configKey } : {}),
          ...(request.create ? { create: request.create } : {}),
        });
        show(opened);
        return true;
      } catch (error) {
        setOpenError(errorText(error));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  useEffect(() => {
    const request = takeRequest('keystores');
    if (request) {
      setInitialPath(request.path);
      void open({
        path: request.path,
        ...(request.configKey ? { configKey: request.configKey } : {}),
      })
        .then((ok) => {
          // A store the config names but that cannot be opened with its configured password:
          // show the form with the path filled in and the reason.
          if (!ok) setView(null);
        })
        .finally(() => setLoaded(true));
      return;
    }
    api['keystore.state']({}).then(
      (state) => {
        show(state.view);
        setLoaded(true);
      },
      (error: unknown) => {
        setPageError(errorText(error));
        setLoaded(true);
      },
    );
  }, [open, show]);

  /** Runs a change from a dialog: the dialog stays open with the error when it fails. */
  const change = async (operation: () => Promise<KeystoreView>) => {
    setBusy(true);
    setDialogError(null);
    try {
      show(await operation());
      setDialog(null);
    } catch (error) {
      setDialogError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  /** Runs an action without a dialog; its error shows above the table. */
  const act = async (operation: () => Promise<void>) => {
    setBusy(true);
    setPageError(null);
    try {
      await operation();
    } catch (error) {
      setPageError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const openDialog = (next: DialogState) => {
    setDialogError(null);
    setDialog(next);
  };

  const onDrop = async (files: FileList) => {
    const file = files[0];
    if (!file || !view) return;
    try {
      openDialog({ kind: 'import', dropped: await readDropped(file) });
    } catch (error) {
      setPageError(errorText(error));
    }
  };

  if (!loaded) return <Typography role="status">Loading…</Typography>;

  const handle = view?.handle ?? 0;
  const entry = view?.entries.find((e) => e.alias === selected) ?? null;

  const onEntryAction = (action: EntryAction) => {
    if (!entry) return;
    const alias = entry.alias;
    switch (action) {
      case 'chain':
        requestPage({ page: 'chain', alias });
        return;
      case 'export-cert':
      case 'export-chain':
        void act(async () => {
          const what = action === 'export-cert' ? 'certificate' : 'chain';
          const result = await api['keystore.export']({ handle, alias, what });
          setPem({ title: `The ${what} of "${alias}"`, ...result });
        });
        return;
      case 'csr':
        void act(async () => {
          const result = await api['keystore.csr']({ handle, alias });
          setPem({
            title: `Certificate signing request for "${alias}": send it to your CA`,
            ...result,
          });
        });
        return;
      case 'reply':
      case 'rename':
      case 'delete':
      case 'export-key':
        openDialog({ kind: action, alias });
        return;
    }
  };

  return (
    <Box
      onDragOver={(e) => {
        if (!view || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (!view) return;
        e.preventDefault();
        setDragging(false);
        void onDrop(e.dataTransfer.files);
      }}
      sx={{
        outline: dragging ? '2px dashed' : 'none',
        outlineColor: 'primary.main',
        outlineOffset: 4,
        borderRadius: 1,
      }}
    >
      <Typography variant="h5" component="h1" gutterBottom>
        Keystores
      </Typography>
      {pageError && (
        <Alert
          severity="error"
          role="alert"
          onClose={() => setPageError(null)}
          sx={{ mb: 2, overflowWrap: 'anywhere' }}
        >
          {pageError}
        </Alert>
      )}
      {!view ? (
        <OpenStoreForm
          initialPath={initialPath}
          busy={busy}
          error={openError}
          onOpen={(request) => void open(request)}
        />
      ) : (
        <>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
            <Stack
              direction={{ xs: 'column', md: 'row' }}
              spacing={1}
              sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}
            >
              <Box sx={{ minWidth: 0 }}>
                <Typography
                  sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
                  data-testid="keystore-file"
                >
                  {view.file}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {view.type}
                  {view.exists ? '' : ' · new file, written on Save'} · {view.entries.length}{' '}
                  {view.entries.length === 1 ? 'entry' : 'entries'}
                  {view.writableType === null ? ' · read only (this format cannot be written)' : ''}
                </Typography>
              </Box>
              <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
                <Button
                  variant="outlined"
                  disabled={busy}
                  onClick={() => openDialog({ kind: 'generate' })}
                >
                  Generate key pair
                </Button>
                <Button
                  variant="outlined"
                  disabled={busy}
                  onClick={() => openDialog({ kind: 'import', dropped: null })}
                >
                  Import…
                </Button>
                <Button disabled={busy} onClick={() => openDialog({ kind: 'password' })}>
                  Change password
                </Button>
                <Button
                  disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      await api['keystore.close']({});
                      setOpenError(null);
                      setInitialPath(view.file);
                      show(null);
                    })
                  }
                >
                  Close
                </Button>
              </Stack>
            </Stack>
            {view.pending.length > 0 && (
              <Alert
                severity="warning"
                sx={{ mt: 2, overflowWrap: 'anywhere' }}
                data-testid="keystore-pending"
                action={
                  <Stack direction="row" spacing={1}>
                    <Button
                      color="inherit"
                      disabled={busy}
                      onClick={() =>
                        void act(async () => show(await api['keystore.undo']({ handle })))
                      }
                    >
                      Undo
                    </Button>
                    <Button
                      color="inherit"
                      variant="outlined"
                      disabled={busy || view.writableType === null}
                      onClick={() =>
                        void act(async () => show((await api['keystore.save']({ handle })).view))
                      }
                    >
                      Save store
                    </Button>
                  </Stack>
                }
              >
                {view.pending.length} unsaved change{view.pending.length === 1 ? '' : 's'}:{' '}
                {view.pending.join('; ')}
              </Alert>
            )}
            {view.notes.length > 0 && (
              <Alert
                severity="info"
                sx={{ mt: 2, overflowWrap: 'anywhere' }}
                data-testid="keystore-notes"
              >
                {view.notes.join(' ')}
              </Alert>
            )}
            {view.hiddenCertificates > 0 && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                {view.hiddenCertificates} certificate(s) in this file are not entries Java sees
                (neither a key&apos;s chain nor marked trusted): a truststore made this way looks
                empty to RWS.
              </Alert>
            )}
          </Paper>
          {view.entries.length === 0 ? (
            <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
              <Typography gutterBottom>This store is empty.</Typography>
              <Typography color="text.secondary">
                Generate a key pair, import certificates, or drop a certificate or store file on
                this page.
              </Typography>
            </Paper>
          ) : (
            <Box
              sx={{
                display: 'grid',
                // Side by side only where the table keeps room for names and expiry bars.
                gridTemplateColumns: { xs: '1fr', xl: 'minmax(0, 5fr) minmax(0, 6fr)' },
                gap: 2,
                alignItems: 'start',
              }}
            >
              <Paper variant="outlined" sx={{ minWidth: 0, overflowX: 'auto' }}>
                <EntriesTable entries={view.entries} selected={selected} onSelect={setSelected} />
                <Typography
                  variant="caption"
                  color="text.secondary"
                  sx={{ display: 'block', p: 1 }}
                >
                  Drop a PEM, DER, P7B, PKCS12 or JKS file here to import it.
                </Typography>
              </Paper>
              {entry && (
                <EntryPanel key={entry.alias} entry={entry} busy={busy} onAction={onEntryAction} />
              )}
            </Box>
          )}
        </>
      )}
      {dialog?.kind === 'generate' && (
        <GenerateDialog
          open
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onGenerate={(request: GenerateRequest) =>
            void change(() => api['keystore.generate']({ handle, ...request }))
          }
        />
      )}
      {(dialog?.kind === 'import' || dialog?.kind === 'reply') && (
        <ImportDialog
          open
          kind={dialog.kind}
          {...(dialog.kind === 'reply' ? { alias: dialog.alias } : {})}
          dropped={dialog.kind === 'import' ? dialog.dropped : null}
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onImport={(request: ImportRequest) =>
            void change(() =>
              dialog.kind === 'reply'
                ? api['keystore.reply']({ handle, alias: dialog.alias, input: request.input })
                : api['keystore.import']({ handle, ...request }),
            )
          }
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          open
          alias={dialog.alias}
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onRename={(to) =>
            void change(async () => {
              const next = await api['keystore.rename']({ handle, from: dialog.alias, to });
              setSelected(to.toLowerCase());
              return next;
            })
          }
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteDialog
          open
          alias={dialog.alias}
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onDelete={() =>
            void change(() => api['keystore.delete']({ handle, alias: dialog.alias }))
          }
        />
      )}
      {dialog?.kind === 'export-key' && (
        <ExportKeyDialog
          open
          alias={dialog.alias}
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onExport={(passphrase) => {
            setBusy(true);
            setDialogError(null);
            api['keystore.export']({ handle, alias: dialog.alias, what: 'private-key', passphrase })
              .then((result) => {
                setDialog(null);
                setPem({ title: `Encrypted private key of "${dialog.alias}"`, ...result });
              })
              .catch((error: unknown) => setDialogError(errorText(error)))
              .finally(() => setBusy(false));
          }}
        />
      )}
      {dialog?.kind === 'password' && view && (
        <PasswordDialog
          open
          file={view.file}
          busy={busy}
          error={dialogError}
          onClose={() => setDialog(null)}
          onChange={(password) => void change(() => api['keystore.passwd']({ handle, password }))}
        />
      )}
      <PemDialog result={pem} onClose={() => setPem(null)} />
    </Box>
  );
}
