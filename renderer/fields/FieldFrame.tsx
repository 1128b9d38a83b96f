// Everything around a control: a one-line summary (the full help behind an info button), the
// YAML key as a copyable chip, and the field's diagnostics as compact alerts as you type.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { CopyChip } from '../components/CopyChip';
import { DiagnosticFixes } from '../components/QuickFixButton';
import { VisuallyHidden } from '../components/VisuallyHidden';
import type { ApiDiagnostic } from '../../shared/api/contract';
import type { OptionSpec } from '../../shared/catalog/options';
import { InfoIcon } from './icons';

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
  const [more, setMore] = useState(false);
  return (
    <Box data-option={spec.path} sx={{ py: 0.75, minWidth: 0 }}>
      {props.children}
      <Box sx={{ display: 'flex', alignItems: 'center', columnGap: 1, mt: 0.25 }}>
        {/*
          The summary keeps its one line (any shrinking would wrap it) while it leaves the key
          room for a few characters; only a longer summary wraps.
        */}
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            flex: '0 0 auto',
            maxWidth: 'calc(100% - 8em)',
          }}
        >
          <Typography id={`${id}-help`} variant="body2" color="text.secondary" sx={{ minWidth: 0 }}>
            {spec.summary}
          </Typography>
          <IconButton
            size="small"
            aria-label={`Full help for ${path}`}
            aria-expanded={more}
            aria-controls={`${id}-more`}
            onClick={() => setMore((m) => !m)}
            sx={{ p: 0.5, color: more ? 'primary.main' : 'text.secondary' }}
          >
            <InfoIcon sx={{ fontSize: 16 }} />
          </IconButton>
        </Box>
        {/*
          Always beside the summary, at the right: in a narrow column (two-column forms) the key
          gives way first, cut at its start, so a field never takes a second line for its key.
        */}
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: 0.5,
            ml: 'auto',
            minWidth: 0,
            flex: '0 1 auto',
          }}
        >
          <CopyChip text={path} what="YAML key" cutStart />
          {props.onRemove && (
            <Button
              size="small"
              onClick={props.onRemove}
              color="inherit"
              sx={{
                py: 0,
                minWidth: 0,
                flexShrink: 0,
                textTransform: 'none',
                color: 'text.secondary',
              }}
            >
              {/* Visible "Remove" starts the accessible name (voice control says what it sees). */}
              Remove<VisuallyHidden> {path} from the file</VisuallyHidden>
            </Button>
          )}
        </Box>
      </Box>
      <Collapse in={more} id={`${id}-more`}>
        <Typography variant="body2" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          {spec.help}
        </Typography>
      </Collapse>
      <Box id={`${id}-diagnostics`} aria-live="polite">
        {diagnostics.map((d, i) => (
          <FieldDiagnostic key={`${d.rule}-${i}`} diagnostic={d} />
        ))}
      </Box>
    </Box>
  );
}

/** One finding as a compact alert: the severity word stays in the text for screen readers. */
function FieldDiagnostic({ diagnostic: d }: { diagnostic: ApiDiagnostic }) {
  return (
    <Alert
      severity={d.severity}
      variant="outlined"
      data-diagnostic={d.rule}
      sx={{
        mt: 0.5,
        py: 0,
        px: 1,
        fontSize: '0.8125rem',
        overflowWrap: 'anywhere',
        '& .MuiAlert-icon': { py: 0.5, mr: 0.75, fontSize: 18 },
        '& .MuiAlert-message': { py: 0.5 },
      }}
    >
      <strong>{severityWord[d.severity]}:</strong> {d.message}
      {d.fix ? ` ${d.fix}` : ''} <DiagnosticFixes diagnostic={d} />
    </Alert>
  );
}
