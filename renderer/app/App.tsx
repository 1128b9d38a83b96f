// The editor shell: app bar, section navigation, the current page, and the save flow.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import CssBaseline from '@mui/material/CssBaseline';
import Snackbar from '@mui/material/Snackbar';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiDiagnostic } from '../../shared/api/contract';
import type { OptionSpec } from '../../shared/catalog/options';
import { api, onMenuCommand } from '../api/client';
import { OpenFilePanel } from '../pages/OpenFilePanel';
import { OtherKeysPage } from '../pages/OtherKeysPage';
import { ProblemsPage } from '../pages/ProblemsPage';
import { SectionPage } from '../pages/SectionPage';
import { onPageRequest } from '../pages/keystores/page-requests';
import { FindOption } from './FindOption';
import { NavList } from './NavList';
import { SaveDialog, type SaveStep } from './SaveDialog';
import { fieldId, optionForPath, type PageId } from './sections';
import { createAppTheme, type ThemeChoice } from './theme';
import { TopBar } from './TopBar';
import { useConfig } from './use-config';

const themeKey = 'rwsec.theme';
// The keystore manager and chain preview load on first visit (not in the initial bundle path).
const KeystoresPage = lazy(() => import('../pages/keystores/KeystoresPage'));
const ChainPage = lazy(() => import('../pages/chain/ChainPage'));
const MapPage = lazy(() => import('../pages/map/MapPage'));
const WizardsPage = lazy(() => import('../pages/wizards/WizardsPage'));

function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(themeKey);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function App() {
  const model = useConfig();
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const [themeChoice, setThemeChoice] = useState<ThemeChoice>(storedTheme);
  const mode = themeChoice === 'system' ? (prefersDark ? 'dark' : 'light') : themeChoice;
  const theme = useMemo(() => createAppTheme(mode), [mode]);
  const [page, setPage] = useState<PageId>('https');
  const [openPanel, setOpenPanel] = useState(false);
  const [saveStep, setSaveStep] = useState<SaveStep>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [desktop, setDesktop] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const state = model.state;
  const fileOpen = Boolean(state?.file);
  const editable = fileOpen && !state?.syntaxError;

  useEffect(() => {
    api['app.info']({}).then(
      (info) => setDesktop(info.mode === 'desktop'),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    const root = document.getElementById('root');
    if (root)
      root.dataset.appState =
        model.phase === 'loading' ? 'loading' : model.phase === 'unreachable' ? 'error' : 'ready';
  }, [model.phase]);

  // Tests (and the curious) can wait for typed edits to be validated: no [data-pending] on #root.
  useEffect(() => {
    document.getElementById('root')?.toggleAttribute('data-pending', model.pendingEdits);
  }, [model.pendingEdits]);

  useEffect(() => {
    if (!focusTarget) return;
    const element = document.getElementById(focusTarget);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
    }
    setFocusTarget(null);
  }, [focusTarget, page]);

  const jumpToOption = useCallback((spec: OptionSpec) => {
    setOpenPanel(false);
    setPage(spec.section);
    setFocusTarget(fieldId(spec.path));
  }, []);

  const jumpToDiagnostic = (d: ApiDiagnostic) => {
    const spec = optionForPath(d.path);
    if (spec) jumpToOption(spec);
    else setPage('other');
  };

  const { undo, redo, diff, save, reload, open } = model;
  const findings = model.review;
  const review = useCallback(async () => {
    const text = await diff();
    if (text !== null) setSaveStep({ kind: 'review', diff: text, review: await findings() });
  }, [diff, findings]);
  // The new errors accepted in the review, carried to an Overwrite after a conflict.
  const [accepted, setAccepted] = useState(0);
  const write = async (force: boolean, acceptErrors: number) => {
    setAccepted(acceptErrors);
    const result = await save(force, acceptErrors);
    if (!result) return;
    if (result.saved) {
      setSaveStep(null);
      setNotice(
        result.backup ? `Saved. The previous version is kept as ${result.backup}` : 'Saved.',
      );
    } else if ('conflict' in result) setSaveStep({ kind: 'conflict' });
    else {
      // The findings changed since the review (new errors to accept): review again.
      const text = await diff();
      if (text !== null) setSaveStep({ kind: 'review', diff: text, review: result.review });
    }
  };
  const pick = useCallback(async () => {
    const chosen = await api['config.pick']({}).catch(() => null);
    if (chosen?.path && (await open(chosen.path))) setOpenPanel(false);
  }, [open]);

  const command = useCallback(
    (name: 'open' | 'save' | 'undo' | 'redo' | 'find') => {
      if (name === 'open') {
        if (desktop) void pick();
        else setOpenPanel(true);
      } else if (name === 'find') document.getElementById('find-option')?.focus();
      else if (!editable) return;
      else if (name === 'save') void review();
      else if (name === 'undo') void undo();
      else void redo();
    },
    [desktop, editable, pick, review, undo, redo],
  );

  useEffect(() => onMenuCommand(command), [command]);
  useEffect(
    () =>
      onPageRequest((p) => {
        setOpenPanel(false);
        setPage(p);
      }),
    [],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const name =
        key === 's'
          ? 'save'
          : key === 'o'
            ? 'open'
            : key === 'k'
              ? 'find'
              : key === 'y' || (key === 'z' && e.shiftKey)
                ? 'redo'
                : key === 'z'
                  ? 'undo'
                  : null;
      if (!name) return;
      e.preventDefault();
      command(name);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [command]);

  const counts = useMemo(() => {
    const result: Partial<Record<PageId, { errors: number; total: number }>> = {};
    const bump = (id: PageId, d: ApiDiagnostic) => {
      const c = (result[id] ??= { errors: 0, total: 0 });
      c.total++;
      if (d.severity === 'error') c.errors++;
    };
    for (const d of state?.diagnostics ?? []) {
      const spec = optionForPath(d.path);
      bump(spec ? spec.section : 'other', d);
      bump('problems', d);
    }
    return result;
  }, [state]);

  let content;
  if (model.phase === 'loading') {
    content = (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 6 }}>
        <CircularProgress size={24} />
        <Typography>Loading the configuration…</Typography>
      </Box>
    );
  } else if (model.phase === 'unreachable') {
    content = (
      <Alert severity="error" sx={{ m: 4 }}>
        {model.error ?? 'The application host did not answer.'}
      </Alert>
    );
  } else if (!fileOpen || openPanel) {
    content = (
      <OpenFilePanel
        desktop={desktop}
        onPick={() => void pick()}
        onOpen={async (path) => {
          const ok = await open(path);
          if (ok) setOpenPanel(false);
          return ok;
        }}
        {...(fileOpen ? { onCancel: () => setOpenPanel(false) } : {})}
      />
    );
  } else if (state?.syntaxError) {
    const e = state.syntaxError;
    content = (
      <Alert
        severity="error"
        sx={{ m: 2 }}
        action={
          <>
            <Button color="inherit" onClick={() => void reload()}>
              Reload
            </Button>
            <Button color="inherit" onClick={() => setOpenPanel(true)}>
              Open another
            </Button>
          </>
        }
      >
        <Typography sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
          {state.file}:{e.line}:{e.column}: {e.message}
        </Typography>
        This file is not valid YAML, so its settings cannot be shown. Fix that line in a text
        editor, then Reload.
      </Alert>
    );
  } else if (page === 'other') content = <OtherKeysPage model={model} />;
  else if (page === 'problems') content = <ProblemsPage model={model} onJump={jumpToDiagnostic} />;
  else if (page === 'map' || page === 'wizards') {
    const jump = (path: string) => {
      const spec = optionForPath(path);
      if (spec) jumpToOption(spec);
    };
    content = (
      <Suspense fallback={<Typography role="status">Loading…</Typography>}>
        {page === 'map' ? <MapPage model={model} onJump={jump} /> : <WizardsPage model={model} />}
      </Suspense>
    );
  } else if (page === 'keystores' || page === 'chain') {
    const Tool = page === 'keystores' ? KeystoresPage : ChainPage;
    content = (
      <Suspense fallback={<Typography role="status">Loading…</Typography>}>
        <Tool key={page} />
      </Suspense>
    );
  } else content = <SectionPage key={page} section={page} model={model} />;

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box sx={{ display: 'flex', minHeight: '100vh' }}>
        <TopBar
          file={state?.file ?? null}
          dirty={state?.dirty ?? false}
          canUndo={editable && (state?.canUndo ?? false)}
          canRedo={editable && (state?.canRedo ?? false)}
          canSave={editable && (state?.dirty ?? false)}
          theme={themeChoice}
          onTheme={(choice) => {
            setThemeChoice(choice);
            localStorage.setItem(themeKey, choice);
          }}
          onOpen={() => command('open')}
          onUndo={() => void undo()}
          onRedo={() => void redo()}
          onSave={() => void review()}
          find={<FindOption disabled={!editable} onPick={jumpToOption} />}
        />
        <NavList
          page={page}
          counts={counts}
          disabled={!editable}
          onPage={(p) => {
            setOpenPanel(false);
            setPage(p);
          }}
        />
        <Box component="main" sx={{ flex: 1, minWidth: 0, px: 4, pb: 6 }}>
          <Toolbar variant="dense" />
          <Box sx={{ maxWidth: page === 'keystores' || page === 'chain' ? 1600 : 960, pt: 3 }}>
            {content}
          </Box>
        </Box>
      </Box>
      <SaveDialog
        step={saveStep}
        busy={model.busy}
        onClose={() => setSaveStep(null)}
        onSave={(acceptErrors) => void write(false, acceptErrors)}
        onOverwrite={() => void write(true, accepted)}
        onReload={() => {
          setSaveStep(null);
          void reload();
        }}
      />
      <Snackbar open={model.error !== null && model.phase === 'ready'} onClose={model.dismissError}>
        <Alert severity="error" onClose={model.dismissError} sx={{ maxWidth: 720 }}>
          {model.error}
        </Alert>
      </Snackbar>
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)}>
        <Alert
          severity="success"
          onClose={() => setNotice(null)}
          sx={{ maxWidth: 720, overflowWrap: 'anywhere' }}
        >
          {notice}
        </Alert>
      </Snackbar>
    </ThemeProvider>
  );
}
