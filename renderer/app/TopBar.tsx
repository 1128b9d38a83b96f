import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { ContrastIcon, MoonIcon, SunIcon } from '../fields/icons';
import { FilePathLabel } from './FilePathLabel';
import { useHeaderHeight } from './StatusStrip';
import type { ThemeChoice } from './theme';

const nextTheme: Record<ThemeChoice, ThemeChoice> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
};
const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function TopBar(props: {
  file: string | null;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  canSave: boolean;
  theme: ThemeChoice;
  onTheme(choice: ThemeChoice): void;
  onOpen(): void;
  onUndo(): void;
  onRedo(): void;
  onSave(): void;
  find: ReactNode;
  /** Messages about the last action, under the toolbar (the header grows; see StatusStrip). */
  status?: ReactNode;
}) {
  const headerRef = useHeaderHeight();
  return (
    <AppBar
      ref={headerRef}
      position="fixed"
      color="default"
      elevation={0}
      sx={{ borderBottom: 1, borderColor: 'divider', zIndex: (t) => t.zIndex.drawer + 1 }}
    >
      <Toolbar variant="dense" sx={{ gap: 1 }}>
        <Typography
          variant="subtitle1"
          component="div"
          sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}
        >
          RWS Security Studio
        </Typography>
        <Box sx={{ flex: 1, minWidth: 0, mx: 2, display: 'flex', alignItems: 'center', gap: 1 }}>
          {props.file && (
            <>
              <FilePathLabel file={props.file} />
              {props.dirty && (
                <Typography
                  component="span"
                  color="warning.main"
                  aria-label="unsaved changes"
                  data-testid="dirty-marker"
                  sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
                >
                  ● unsaved
                </Typography>
              )}
            </>
          )}
        </Box>
        {props.find}
        <Button onClick={props.onOpen}>Open…</Button>
        <Tooltip title={`Undo (${mod}Z)`}>
          <span>
            <Button onClick={props.onUndo} disabled={!props.canUndo}>
              Undo
            </Button>
          </span>
        </Tooltip>
        <Tooltip title={`Redo (${mod}Shift+Z)`}>
          <span>
            <Button onClick={props.onRedo} disabled={!props.canRedo}>
              Redo
            </Button>
          </span>
        </Tooltip>
        <Tooltip title={`Review and save (${mod}S)`}>
          <span>
            <Button variant="contained" onClick={props.onSave} disabled={!props.canSave}>
              Save…
            </Button>
          </span>
        </Tooltip>
        <Divider orientation="vertical" flexItem sx={{ mx: 0.5 }} />
        <ThemeButton theme={props.theme} onTheme={props.onTheme} />
      </Toolbar>
      {props.status}
    </AppBar>
  );
}

const themeNames: Record<ThemeChoice, string> = {
  system: 'as the system',
  light: 'light',
  dark: 'dark',
};

/** The colour theme is a view setting, not a file command: an icon apart from them. */
function ThemeButton(props: { theme: ThemeChoice; onTheme(choice: ThemeChoice): void }) {
  const Icon =
    props.theme === 'system' ? ContrastIcon : props.theme === 'light' ? SunIcon : MoonIcon;
  const label = `Colour theme: ${themeNames[props.theme]} (change to ${themeNames[nextTheme[props.theme]]})`;
  return (
    <Tooltip title={label}>
      <IconButton aria-label={label} onClick={() => props.onTheme(nextTheme[props.theme])}>
        <Icon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
