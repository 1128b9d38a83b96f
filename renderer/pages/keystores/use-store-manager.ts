// The keystore manager's state: the open store (as the main process reports it), the selected
// entry, which dialog is up, and the busy/error bookkeeping of every call to the keystore engine.
import { useCallback, useEffect, useState } from 'react';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { api } from '../../api/client';
import { errorText, useAsyncAction } from '../../components/use-async-action';
import type { DroppedFile } from './files';
import type { OpenRequest } from './OpenStoreForm';
import { takeRequest } from './page-requests';
import type { PemResult } from './PemDialog';

export type DialogState =
  | { kind: 'generate' }
  | { kind: 'import'; dropped: DroppedFile | null }
  | { kind: 'reply'; alias: string }
  | { kind: 'rename'; alias: string }
  | { kind: 'delete'; alias: string }
  | { kind: 'export-key'; alias: string }
  | { kind: 'password' }
  | null;

export type OpenStoreRequest = OpenRequest & { configKey?: string };

export function useStoreManager() {
  const [view, setView] = useState<KeystoreView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [initialPath, setInitialPath] = useState<string | undefined>();
  // One busy/error pair per place an error shows: the open form, the page, the open dialog.
  const opening = useAsyncAction();
  const page = useAsyncAction();
  const dialogCall = useAsyncAction();
  const busy = opening.busy || page.busy || dialogCall.busy;
  const setPageErrorRef = page.setError;
  const [dialog, setDialog] = useState<DialogState>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [pem, setPem] = useState<PemResult | null>(null);

  /** Shows a store, keeping the selected entry when it is still there. */
  const show = useCallback((next: KeystoreView | null) => {
    setView(next);
    setSelected((current) =>
      next && current && next.entries.some((e) => e.alias === current)
        ? current
        : (next?.entries[0]?.alias ?? null),
    );
  }, []);

  const runOpen = opening.run;
  const open = useCallback(
    async (request: OpenStoreRequest) => {
      const opened = await runOpen(() =>
        api['keystore.open']({
          path: request.path,
          ...(request.password ? { password: request.password } : {}),
          ...(request.configKey ? { configKey: request.configKey } : {}),
          ...(request.create ? { create: request.create } : {}),
        }),
      );
      if (opened) show(opened);
      return opened !== null;
    },
    [runOpen, show],
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
        setPageErrorRef(errorText(error));
        setLoaded(true);
      },
    );
  }, [open, show, setPageErrorRef]);

  /** Runs a change from a dialog: the dialog stays open with the error when it fails. */
  const change = async (operation: () => Promise<KeystoreView>) => {
    const next = await dialogCall.run(operation);
    if (next) {
      show(next);
      setDialog(null);
    }
  };

  /** Runs an action without a dialog; its error shows above the table. */
  const act = async (operation: () => Promise<void>) => {
    await page.run(operation);
  };

  const openDialog = (next: DialogState) => {
    dialogCall.clearError();
    setDialog(next);
  };

  /** Opens a store the config names, with the config's password; on failure the form shows it. */
  const openFromConfig = async (store: { resolved: string; key: string }) => {
    setInitialPath(store.resolved);
    await open({ path: store.resolved, configKey: store.key });
  };

  /** Closes the store; the open form comes back with its path filled in. */
  const close = () =>
    act(async () => {
      const file = view?.file;
      await api['keystore.close']({});
      opening.clearError();
      setInitialPath(file);
      show(null);
    });

  return {
    view,
    loaded,
    initialPath,
    busy,
    openError: opening.error,
    pageError: page.error,
    setPageError: page.setError,
    dialog,
    dialogError: dialogCall.error,
    /** Runs a dialog's call that changes no store (the key export): its error stays in the dialog. */
    runInDialog: dialogCall.run,
    openDialog,
    closeDialog: () => setDialog(null),
    selected,
    setSelected,
    pem,
    setPem,
    show,
    open,
    openFromConfig,
    close,
    change,
    act,
  };
}

export type StoreManager = ReturnType<typeof useStoreManager>;
