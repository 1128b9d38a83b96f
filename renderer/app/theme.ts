import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeChoice = 'system' | 'light' | 'dark';

export function createAppTheme(mode: 'light' | 'dark'): Theme {
  const primary = mode === 'dark' ? '#7fb3ff' : '#1f5fbf';
  return createTheme({
    palette: {
      mode,
      // Text on filled buttons and chips picked for 4.5:1 (MUI's default 3 gives white on the
      // dark theme's red, 3.7:1).
      contrastThreshold: 4.5,
      primary: { main: primary },
      // MUI's default light warning orange (#ed6c02) is 3.1:1 on white: too faint for text.
      // The same for the default info blue (#0288d1, 3.9:1), used for text in diffs and notes.
      ...(mode === 'light' ? { warning: { main: '#b45309' }, info: { main: '#01579b' } } : {}),
      background:
        mode === 'dark' ? { default: '#121417', paper: '#1a1d21' } : { default: '#f5f6f8' },
    },
    shape: { borderRadius: 6 },
    // Roboto is bundled (served by the app itself), so labels measure the same on every system.
    typography: { fontSize: 14, fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif' },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          // One visible focus ring for every control reached by keyboard.
          ':focus-visible': { outline: `2px solid ${primary}`, outlineOffset: 2 },
        },
      },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiButton: { defaultProps: { disableElevation: true } },
    },
  });
}
