// Beside a form on wide screens: the page's problems (each one a link to its field) and the full
// help of the field being edited, so neither needs scrolling or an extra click.
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ApiDiagnostic } from '../../shared/api/contract';
import type { OptionSpec } from '../../shared/catalog/options';
import { fieldId, optionForPath } from '../app/sections';
import { countText } from '../components/count-text';

const severityColor = { error: 'error.main', warning: 'warning.main', info: 'info.main' } as const;

/** The option of the field that holds focus inside `formId` (the last one, once focus leaves). */
function useFocusedOption(formId: string, specs: readonly OptionSpec[]): OptionSpec | undefined {
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form) return;
    const onFocus = (e: FocusEvent) => {
      const holder = (e.target as HTMLElement).closest<HTMLElement>('[data-option]');
      if (holder?.dataset.option) setPath(holder.dataset.option);
    };
    form.addEventListener('focusin', onFocus);
    return () => form.removeEventListener('focusin', onFocus);
  }, [formId]);
  return specs.find((s) => s.path === path);
}

function focusField(spec: OptionSpec) {
  const element = document.getElementById(fieldId(spec.path));
  element?.scrollIntoView({ block: 'center' });
  element?.focus();
}

export function SectionSidePanel(props: {
  formId: string;
  specs: readonly OptionSpec[];
  diagnostics: readonly ApiDiagnostic[];
}) {
  const focused = useFocusedOption(props.formId, props.specs);
  const list = props.diagnostics;
  return (
    <Box
      component="aside"
      aria-label="Details"
      sx={{
        position: 'sticky',
        top: 'calc(var(--app-bar-height, 48px) + 16px)',
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
      }}
    >
      <Paper
        variant="outlined"
        component="section"
        aria-label="Problems on this page"
        sx={{ p: 2 }}
      >
        <Typography variant="subtitle2" component="h2">
          {list.length === 0
            ? 'No problems on this page'
            : `${countText(list.length, 'problem')} on this page`}
        </Typography>
        {list.length > 0 && (
          <Box component="ul" sx={{ m: 0, mt: 1, pl: 0, listStyle: 'none' }}>
            {list.map((d, i) => {
              const spec = optionForPath(d.path);
              return (
                <Box component="li" key={`${d.rule}-${i}`} sx={{ py: 0.75, fontSize: '0.8125rem' }}>
                  <Box component="strong" sx={{ color: severityColor[d.severity] }}>
                    {spec?.label ?? d.path}
                  </Box>
                  : {d.message}{' '}
                  {spec && (
                    <Link component="button" variant="body2" onClick={() => focusField(spec)}>
                      Go to field
                    </Link>
                  )}
                </Box>
              );
            })}
          </Box>
        )}
      </Paper>
      <Paper variant="outlined" component="section" aria-label="About the field" sx={{ p: 2 }}>
        <Typography variant="subtitle2" component="h2">
          {focused ? focused.label : 'About a field'}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {focused ? focused.help : 'Select a field to read its full help here.'}
        </Typography>
      </Paper>
    </Box>
  );
}
