// The editor shell: app bar, navigation, the current page (from the page registry) and the save flow.
import Box from '@mui/material/Box';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OptionSpec } from '../../shared/catalog/options';
import { api, onMenuCommand } from '../api/client';
import { onPageRequest } from '../pages/keystores/page-requests';
import { FindOption, findOptionId } from './FindOption';
import { NavList } from './NavList';
import { pageById, pageOfSection, type PageId } from './pages';
import { PageView } from './PageView';
import { QuickFixContext } from '../components/QuickFixButton';
import { problemCounts } from './problem-counts';
import { SaveFlow, useSaveFlow, type SaveFlowState } from './SaveFlow';
import { onShellCommandRequest } from './shell-requests';
import { mainContentId, SkipLink } from './SkipLink';
import { fieldId, optionForPath } from './sections';
import { headerSpacer, StatusStrip, type StatusMessage } from './StatusStrip';
import { TopBar } from './TopBar';
import { useConfig, type ConfigModel } from './use-config';
import { useFocusHeading } from './use-focus-heading';
import { useShortcuts, type ShellCommand } from './use-shortcuts';
import { useThemeChoice } from './use-theme-choice';

/** Publishes the model's phase and pending edits on #root for tests (and the curious). */
function useRootMarkers(phase: string, pendingEdits: boolean) {
  useEffect(() => {
    const root = document.getElementById('root');
    if (root)
      root.dataset.appState =
        phase === 'loading' ? 'loading' : phase === 'unreachable' ? 'error' : 'ready';
  }, [phase]);
  useEffect(() => {
    document.getElementById('root')?.toggleAttribute('data-pending', pendingEdits);
  }, [pendingEdits]);
}

/** After a jump, the field with this id gets focus once its page has rendered. */
function useFocusAfterJump(page: PageId) {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    const element = document.getElementById(target);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
    }
    setTarget(null);
  }, [target, page]);
  return setTarget;
}

/** Forms and tables use the width (two columns, a side panel from 1536 px); steps keep a column. */
const pageWidth = { form: 1680, wide: 1680, column: 1200 } as const;

function useDesktop() {
  const [desktop, setDesktop] = useState(false);
  useEffect(() => {
    api['app.info']({}).then(
      (info) => setDesktop(info.mode === 'desktop'),
      () => undefined,
    );
  }, []);
  return desktop;
}

/** The last action's outcome: the save notice (goes by itself) and an error (stays until closed). */
function statusMessages(model: ConfigModel, flow: SaveFlowState): StatusMessage[] {
  const list: StatusMessage[] = [];
  if (flow.notice !== null) {
    const close = () => flow.setNotice(null);
    list.push({
      key: 'notice',
      severity: 'success',
      text: flow.notice,
      onClose: close,
      autoHideMs: 6000,
    });
  }
  if (model.error !== null && model.phase === 'ready') {
    list.push({ key: 'error', severity: 'error', text: model.error, onClose: model.dismissError });
  }
  return list;
}

export function App() {
  const model = useConfig();
  const theme = useThemeChoice();
  const desktop = useDesktop();
  const [page, setPageState] = useState<PageId>('https');
  const [openPanel, setOpenPanel] = useState(false);
  const [headingFocus, setHeadingFocus] = useState(true);
  const saveFlow = useSaveFlow(model);
  const focusAfterJump = useFocusAfterJump(page);
  useRootMarkers(model.phase, model.pendingEdits);
  useFocusHeading(page, headingFocus);

  const state = model.state;
  const editable = Boolean(state?.file) && !state?.syntaxError;
  const showPage = useCallback((id: PageId) => {
    setOpenPanel(false);
    setPageState(id);
  }, []);
  const jumpToOption = useCallback(
    (spec: OptionSpec) => {
      // A jump focuses its field, not the page heading.
      setHeadingFocus(false);
      showPage(pageOfSection(spec.section));
      focusAfterJump(fieldId(spec.path));
    },
    [showPage, focusAfterJump],
  );
  const jumpTo = useCallback(
    (path: string) => {
      const spec = optionForPath(path);
      if (spec) jumpToOption(spec);
      else showPage('other');
    },
    [jumpToOption, showPage],
  );

  const { open } = model;
  const pick = useCallback(async () => {
    const chosen = await api['config.pick']({}).catch(() => null);
    if (chosen?.path && (await open(chosen.path))) setOpenPanel(false);
  }, [open]);

  const { undo, redo } = model;
  const { review } = saveFlow;
  const command = useCallback(
    (name: ShellCommand) => {
      if (name === 'open') {
        if (desktop) void pick();
        else setOpenPanel(true);
      } else if (name === 'find') document.getElementById(findOptionId)?.focus();
      else if (!editable) return;
      else if (name === 'save') void review();
      else if (name === 'undo') void undo();
      else void redo();
    },
    [desktop, editable, pick, review, undo, redo],
  );
  useEffect(() => onMenuCommand(command), [command]);
  useEffect(() => onShellCommandRequest(command), [command]);
  useEffect(() => onPageRequest(showPage), [showPage]);
  useShortcuts(command);

  const counts = useMemo(() => problemCounts(state?.diagnostics ?? []), [state]);

  return (
    <ThemeProvider theme={theme.theme}>
      <CssBaseline />
      <SkipLink />
      <Box sx={{ display: 'flex', minHeight: '100vh' }}>
        <TopBar
          file={state?.file ?? null}
          dirty={state?.dirty ?? false}
          canUndo={editable && (state?.canUndo ?? false)}
          canRedo={editable && (state?.canRedo ?? false)}
          canSave={editable && (state?.dirty ?? false)}
          theme={theme.choice}
          onTheme={theme.choose}
          onOpen={() => command('open')}
          onUndo={() => void undo()}
          onRedo={() => void redo()}
          onSave={() => void review()}
          find={<FindOption disabled={!editable} onPick={jumpToOption} />}
          status={<StatusStrip messages={statusMessages(model, saveFlow)} />}
        />
        <NavList
          page={page}
          counts={counts}
          disabled={!editable}
          onPage={(id) => {
            setHeadingFocus(true);
            showPage(id);
          }}
        />
        <Box
          component="main"
          id={mainContentId}
          tabIndex={-1}
          sx={{ flex: 1, minWidth: 0, px: 4, pb: 6, outline: 'none' }}
        >
          <Box sx={headerSpacer} />
          <Box sx={{ maxWidth: pageWidth[pageById(page).layout], pt: 2 }}>
            <QuickFixContext.Provider value={model}>
              <PageView
                model={model}
                page={page}
                desktop={desktop}
                openPanel={openPanel}
                setOpenPanel={setOpenPanel}
                pick={() => void pick()}
                jumpTo={jumpTo}
              />
            </QuickFixContext.Provider>
          </Box>
        </Box>
      </Box>
      <SaveFlow flow={saveFlow} model={model} />
    </ThemeProvider>
  );
}
