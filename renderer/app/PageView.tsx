// The router: what the main area shows — loading, an unreachable host, the open-file panel, a
// file that is not YAML, or the registry's current page.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { Suspense } from 'react';
import { OpenFilePanel } from '../pages/OpenFilePanel';
import { pageById, type PageId } from './pages';
import type { ConfigModel } from './use-config';

export function PageView(props: {
  model: ConfigModel;
  page: PageId;
  desktop: boolean;
  openPanel: boolean;
  setOpenPanel(open: boolean): void;
  pick(): void;
  jumpTo(path: string): void;
}) {
  const { model, setOpenPanel } = props;
  const state = model.state;
  if (model.phase === 'loading') {
    return (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 6 }}>
        <CircularProgress size={24} />
        <Typography>Loading the configuration…</Typography>
      </Box>
    );
  }
  if (model.phase === 'unreachable') {
    return (
      <Alert severity="error" sx={{ m: 4 }}>
        {model.error ?? 'The application host did not answer.'}
      </Alert>
    );
  }
  const fileOpen = Boolean(state?.file);
  if (!fileOpen || props.openPanel) {
    return (
      <OpenFilePanel
        desktop={props.desktop}
        onPick={props.pick}
        onOpen={async (path) => {
          const ok = await model.open(path);
          if (ok) setOpenPanel(false);
          return ok;
        }}
        {...(fileOpen ? { onCancel: () => setOpenPanel(false) } : {})}
      />
    );
  }
  if (state?.syntaxError) {
    const e = state.syntaxError;
    return (
      <Alert
        severity="error"
        sx={{ m: 2 }}
        action={
          <>
            <Button color="inherit" onClick={() => void model.reload()}>
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
  }
  const entry = pageById(props.page);
  const Page = entry.component;
  return (
    <Suspense fallback={<Typography role="status">Loading…</Typography>}>
      <Page
        key={entry.id}
        model={model}
        page={entry}
        jumpTo={props.jumpTo}
        desktop={props.desktop}
      />
    </Suspense>
  );
}
