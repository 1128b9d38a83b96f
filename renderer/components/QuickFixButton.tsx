// A diagnostic's quick fix as one button, on the field and in the problems list: the fix's edits
// go through the same edit path as typing (one batch, validated, undoable), so the fix is one
// click away instead of a sentence telling the user what to type.
import Button from '@mui/material/Button';
import { createContext, useContext } from 'react';
import type { QuickFix } from '../../shared/diagnostics';

export interface QuickFixApplier {
  setValue(path: string, value: unknown): void;
  deleteValue(path: string): void;
}

export const QuickFixContext = createContext<QuickFixApplier | null>(null);

export function QuickFixButton(props: { fix: QuickFix }) {
  const apply = useContext(QuickFixContext);
  if (!apply) return null;
  return (
    <Button
      size="small"
      variant="outlined"
      data-quick-fix
      sx={{ textTransform: 'none', py: 0, mt: 0.5 }}
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
