// A diagnostic's fixes as buttons, on the field and in the problems list. An edit fix goes through
// the same edit path as typing (one batch, validated, undoable); a fix that needs a wizard or the
// keystore manager ("Obfuscate…", "Make a truststore…", "Open keystore") opens it, filled in from
// the finding, so the fix is one click away instead of a sentence telling the user what to run.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { createContext, useContext } from 'react';
import type { Diagnostic, QuickFix } from '../../shared/diagnostics';
import { requestPage } from '../pages/keystores/page-requests';
import { fixActionFor } from './fix-actions';

export interface QuickFixApplier {
  valueOf(path: string): unknown;
  setValue(path: string, value: unknown): void;
  deleteValue(path: string): void;
}

export const QuickFixContext = createContext<QuickFixApplier | null>(null);

const buttonSx = { textTransform: 'none', py: 0, mt: 0.5 } as const;

export function QuickFixButton(props: { fix: QuickFix }) {
  const apply = useContext(QuickFixContext);
  if (!apply) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      data-quick-fix
      sx={buttonSx}
      onClick={(e) => {
        e.stopPropagation();
        for (const edit of props.fix.edits) {
          if ('delete' in edit) apply.deleteValue(edit.path);
          else apply.setValue(edit.path, edit.value);
        }
      }}
    >
      {props.fix.label}
    </Button>
  );
}

/** Whether `d` offers any fix button (the problems list keeps room for them). */
export function useHasFix(): (d: Diagnostic) => boolean {
  const apply = useContext(QuickFixContext);
  return (d) => Boolean(d.quickFix) || (apply !== null && fixActionFor(d, apply.valueOf) !== null);
}

/** Every fix `d` offers: its edit and the wizard or page that fixes it. */
export function DiagnosticFixes(props: { diagnostic: Diagnostic }) {
  const apply = useContext(QuickFixContext);
  const d = props.diagnostic;
  const action = apply ? fixActionFor(d, apply.valueOf) : null;
  if (!d.quickFix && !action) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 1 }}>
      {d.quickFix && <QuickFixButton fix={d.quickFix} />}
      {action && (
        <Button
          size="small"
          variant="outlined"
          data-fix-action
          sx={buttonSx}
          onClick={(e) => {
            e.stopPropagation();
            requestPage(action.request);
          }}
        >
          {action.label}
        </Button>
      )}
    </Box>
  );
}
