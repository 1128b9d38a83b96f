import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeChoice = 'system' | 'light' | 'dark';

export function createAppTheme(mode: 'light' | 'dark'): Theme {
  const primary = mode === 'dark' ? '#7fb3ff' : '#1f5fbf';
  return createTheme({
    palette: {
      mode,
      primary: { main: primary },
      // MUI's default light warning orange (#ed6c02) is 3.1:1 on white: too faint for text.
      ...(mode === 'light' ? { warning: { main: '#b45309' } } : {}),
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
