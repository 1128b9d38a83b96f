import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeChoice = 'system' | 'light' | 'dark';

export function createAppTheme(mode: 'light' | 'dark'): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#7fb3ff' : '#1f5fbf' },
      background:
        mode === 'dark' ? { default: '#121417', paper: '#1a1d21' } : { default: '#f5f6f8' },
    },
    shape: { borderRadius: 6 },
    typography: { fontSize: 14 },
    components: {
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiButton: { defaultProps: { disableElevation: true } },
    },
  });
}
