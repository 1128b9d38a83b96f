// The save flow of the shell: review (diff and what the save would leave), write, conflict, and
// the notice the shell's status strip shows.
import { useCallback, useState } from 'react';
import { SaveDialog, type SaveStep } from './SaveDialog';
import type { ConfigModel } from './use-config';

export function useSaveFlow(model: ConfigModel) {
  const [step, setStep] = useState<SaveStep>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The new errors accepted in the review, carried to an Overwrite after a conflict.
  const [accepted, setAccepted] = useState(0);
  const { diff, save, review: findings } = model;
  const review = useCallback(async () => {
    const text = await diff();
    if (text !== null) setStep({ kind: 'review', diff: text, review: await findings() });
  }, [diff, findings]);
  const write = async (force: boolean, acceptErrors: number) => {
    setAccepted(acceptErrors);
    const result = await save(force, acceptErrors);
    if (!result) return;
    if (result.saved) {
      setStep(null);
      setNotice(
        result.backup ? `Saved. The previous version is kept as ${result.backup}` : 'Saved.',
      );
    } else if ('conflict' in result) setStep({ kind: 'conflict' });
    else {
      // The findings changed since the review (new errors to accept): review again.
      const text = await diff();
      if (text !== null) setStep({ kind: 'review', diff: text, review: result.review });
    }
  };
  return { step, setStep, notice, setNotice, review, write, accepted };
}

export type SaveFlowState = ReturnType<typeof useSaveFlow>;

export function SaveFlow({ flow, model }: { flow: SaveFlowState; model: ConfigModel }) {
  return (
    <>
      <SaveDialog
        step={flow.step}
        busy={model.busy}
        onClose={() => flow.setStep(null)}
        onSave={(acceptErrors) => void flow.write(false, acceptErrors)}
        onOverwrite={() => void flow.write(true, flow.accepted)}
        onReload={() => {
          flow.setStep(null);
          void model.reload();
        }}
      />
    </>
  );
}
