// Secret encryption: Jetty's OBF (instant, pure: for ssl.keyStorePassword) or RWS's CRYPT through
// the admin's own gir.jar, then applied to a secret option that reads that form. Opened from a
// "stored in plain text" warning, it starts with that option, its form and its current value.
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { obfuscate } from '../../../../shared/secrets/obf';
import { api } from '../../../api/client';
import type { ConfigModel } from '../../../app/use-config';
import { TwiceSecretFields, useTwiceSecret } from '../../../components/TwiceSecret';
import { useAsyncAction } from '../../../components/use-async-action';
import { closingActions } from '../ClosingActions';
import { useFormValues, useStepMachine, type WizardStep } from '../wizard-machine';
import { DiffView } from '../wizard-parts';
import { WizardFrame, type WizardAction } from '../WizardFrame';
import { FormStep } from './FormStep';
import { fieldsFor, type SecretForm } from './secret-form';

type StepId = 'password' | 'form' | 'apply' | 'summary';
const steps: readonly WizardStep<StepId>[] = [
  { id: 'password', label: 'Password' },
  { id: 'form', label: 'Form' },
  { id: 'apply', label: 'Apply' },
  { id: 'summary', label: 'Summary' },
];

export interface SecretPrefill {
  form: SecretForm;
  field: string;
  password?: string;
}

export function SecretWizard(props: { model: ConfigModel; prefill?: SecretPrefill }) {
  const { model, prefill } = props;
  const machine = useStepMachine(steps);
  const password = useTwiceSecret(1, prefill?.password ? { initial: prefill.password } : {});
  const { values, set, patch } = useFormValues(() => ({
    form: prefill?.form ?? ('OBF' as SecretForm),
    girJar: '',
    value: null as string | null,
    field: prefill?.field ?? '',
    diff: null as string | null,
  }));
  const action = useAsyncAction();
  const go = (to: StepId) => {
    action.clearError();
    machine.go(to);
  };
  const { step } = machine;
  let body;
  let next: WizardAction | undefined;
  let extra: WizardAction[] | undefined;
  if (step === 'password') {
    body = (
      <>
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
          <TwiceSecretFields
            id="secret-password"
            label="Password to protect"
            againLabel="Repeat the password"
            secret={password}
          />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Never logged; for CRYPT it is passed to gir.jar on its command line (its only documented
          interface).
        </Typography>
      </>
    );
    next = {
      label: 'Next',
      disabled: password.problem !== null,
      onClick: () => {
        patch({ value: values.form === 'OBF' ? obfuscate(password.first) : null });
        go('form');
      },
    };
  } else if (step === 'form') {
    const choose = (form: SecretForm) =>
      patch({ form, value: form === 'OBF' ? obfuscate(password.first) : null });
    body = (
      <FormStep
        form={values.form}
        onForm={choose}
        girJar={values.girJar}
        onGirJar={(path) => set('girJar', path)}
        value={values.value}
      />
    );
    const encrypt = () =>
      void action
        .run(() => api['secret.crypt']({ girJar: values.girJar, password: password.first }))
        .then((r) => r && set('value', r.value));
    next =
      values.value !== null
        ? { label: 'Next', onClick: () => go('apply') }
        : {
            label: 'Encrypt with gir.jar',
            disabled: values.girJar.trim() === '',
            onClick: encrypt,
          };
  } else if (step === 'apply') {
    const targets = fieldsFor(values.form);
    body = (
      <>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          Value: <code>{values.value}</code>
        </Typography>
        <TextField
          select
          label="Apply to"
          value={targets.some((t) => t.path === values.field) ? values.field : ''}
          onChange={(e) => set('field', e.target.value)}
          fullWidth
          helperText={`Only options that read ${values.form} are offered.`}
          slotProps={{ htmlInput: { 'aria-label': 'Apply to' } }}
        >
          {targets.map((t) => (
            <MenuItem key={t.path} value={t.path}>
              {t.label} ({t.path})
            </MenuItem>
          ))}
        </TextField>
      </>
    );
    next = {
      label: 'Apply to the field',
      disabled: !targets.some((t) => t.path === values.field) || values.value === null,
      onClick: () =>
        void action.run(async () => {
          model.setValue(values.field, values.value);
          set('diff', await model.diff());
          go('summary');
        }),
    };
  } else {
    body = (
      <>
        <Alert severity="success">
          No file was written: the value is a pending edit of {values.field}.
        </Alert>
        <DiffView diff={values.diff} />
      </>
    );
    ({ next, extra } = closingActions(model, () => {
      password.setFirst('');
      password.setSecond('');
      patch({ value: null, field: '', diff: null });
      go('password');
    }));
  }
  return (
    <WizardFrame
      title="Secret encryption"
      steps={machine.labels}
      active={machine.index}
      busy={action.busy}
      error={action.error}
      onBack={
        step === 'form' || step === 'apply'
          ? () => (action.clearError(), machine.back())
          : undefined
      }
      next={next}
      extra={extra}
    >
      {body}
    </WizardFrame>
  );
}
