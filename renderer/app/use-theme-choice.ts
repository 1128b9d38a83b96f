// The colour theme: light, dark or the system's, remembered across runs.
import useMediaQuery from '@mui/material/useMediaQuery';
import { useMemo, useState } from 'react';
import { createAppTheme, type ThemeChoice } from './theme';

const themeKey = 'rwsec.theme';

function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(themeKey);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function useThemeChoice() {
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  const mode = choice === 'system' ? (prefersDark ? 'dark' : 'light') : choice;
  const theme = useMemo(() => createAppTheme(mode), [mode]);
  const choose = (next: ThemeChoice) => {
    setChoice(next);
    localStorage.setItem(themeKey, next);
  };
  return { theme, choice, choose };
}
