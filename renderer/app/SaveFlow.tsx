// The save flow of the shell: review (diff and what the save would leave), write, conflict, notice.
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useCallback, useState } from 'react';
import { SaveDialog, type SaveStep } from './SaveDialog';
import type { ConfigModel } from './use-config';

export function useSaveFlow(model: ConfigModel) {
  const [step, setStep] = useState<SaveStep>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { diff, save } = model;
  const review = useCallback(async () => {
    const text = await diff();
    if (text !== null) setStep({ kind: 'review', diff: text });
  }, [diff]);
  const write = async (force: boolean) => {
    const result = await save(force);
    if (!result) return;
    if (result.saved) {
      setStep(null);
      setNotice(
        result.backup ? `Saved. The previous version is kept as ${result.backup}` : 'Saved.',
      );
    } else setStep({ kind: 'conflict' });
  };
  return { step, setStep, notice, setNotice, review, write };
}

export type SaveFlowState = ReturnType<typeof useSaveFlow>;

export function SaveFlow({ flow, model }: { flow: SaveFlowState; model: ConfigModel }) {
  return (
    <>
      <SaveDialog
        step={flow.step}
        busy={model.busy}
        onClose={() => flow.setStep(null)}
        onSave={() => void flow.write(false)}
        onOverwrite={() => void flow.write(true)}
        onReload={() => {
          flow.setStep(null);
          void model.reload();
        }}
      />
      <Snackbar
        open={flow.notice !== null}
        autoHideDuration={6000}
        onClose={() => flow.setNotice(null)}
      >
        <Alert
          severity="success"
          onClose={() => flow.setNotice(null)}
          sx={{ maxWidth: 720, overflowWrap: 'anywhere' }}
        >
          {flow.notice}
        </Alert>
      </Snackbar>
    </>
  );
}
