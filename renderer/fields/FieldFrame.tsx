// Everything around a control: the option's help, its default, and its diagnostics as you type.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { DiagnosticFixes } from '../components/QuickFixButton';
import { VisuallyHidden } from '../components/VisuallyHidden';
import type { ApiDiagnostic } from '../../shared/api/contract';
import type { OptionSpec } from '../../shared/catalog/options';

const severityColor = { error: 'error.main', warning: 'warning.main', info: 'info.main' } as const;
const severityWord = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function FieldFrame(props: {
  id: string;
  spec: OptionSpec;
  path: string;
  diagnostics: readonly ApiDiagnostic[];
  /** Drops the key from the file; shown only while the file has it. */
  onRemove?: (() => void) | undefined;
  children: ReactNode;
}) {
  const { id, spec, path, diagnostics } = props;
  return (
    <Box
      data-option={spec.path}
      sx={{
        py: 1.5,
        borderBottom: 1,
        borderColor: 'divider',
        '&:last-of-type': { borderBottom: 0 },
      }}
    >
      {props.children}
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mt: 0.75 }}>
        <Typography
          id={`${id}-help`}
          variant="body2"
          color="text.secondary"
          sx={{ flex: 1, overflowWrap: 'anywhere' }}
        >
          {spec.help}{' '}
          <Box component="code" sx={{ fontSize: '0.8rem', opacity: 0.8 }}>
            {path}
          </Box>
        </Typography>
        {props.onRemove && (
          <Button
            size="small"
            onClick={props.onRemove}
            color="inherit"
            sx={{ py: 0, flexShrink: 0, textTransform: 'none', color: 'text.secondary' }}
          >
            {/* Visible "Remove" starts the accessible name (voice control says what it sees). */}
            Remove<VisuallyHidden> {path} from the file</VisuallyHidden>
          </Button>
        )}
      </Box>
      <Box id={`${id}-diagnostics`} aria-live="polite">
        {diagnostics.map((d, i) => (
          <Typography
            key={`${d.rule}-${i}`}
            variant="body2"
            data-diagnostic={d.rule}
            sx={{ mt: 0.5, color: severityColor[d.severity], overflowWrap: 'anywhere' }}
          >
            <strong>{severityWord[d.severity]}:</strong> {d.message}
            {d.fix ? ` ${d.fix}` : ''} <DiagnosticFixes diagnostic={d} />
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
