// The buttons of a wizard's last step: "Review and save" opens the same reviewed save as the Save
// button (the wizard's values are pending edits), beside "Start again".
import { requestShellCommand } from '../../app/shell-requests';
import type { ConfigModel } from '../../app/use-config';
import type { WizardAction } from './WizardFrame';

export function closingActions(
  model: ConfigModel,
  startAgain: () => void,
): { next: WizardAction; extra: WizardAction[] } {
  return {
    next: {
      label: 'Review and save',
      disabled: !(model.state?.dirty ?? false),
      onClick: () => requestShellCommand('save'),
    },
    extra: [{ label: 'Start again', onClick: startAgain }],
  };
}
