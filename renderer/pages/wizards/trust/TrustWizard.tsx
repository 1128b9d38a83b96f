// Outbound trust: the CA RWS checks a peer against (Configuration Server, WebDAV, RCS, SpeechMiner),
// from a certificate file or a live endpoint's chain, written as JKS or PEM and named in the config.
import { api } from '../../../api/client';
import type { ConfigModel } from '../../../app/use-config';
import { useTwiceSecret } from '../../../components/TwiceSecret';
import { closingActions } from '../ClosingActions';
import { useKitFlow, useVerifyOnShow } from '../use-kit-flow';
import { useFormValues, useStepMachine, type WizardStep } from '../wizard-machine';
import { VerifyStep, WrittenSummary } from '../wizard-parts';
import { WizardFrame, type WizardAction } from '../WizardFrame';
import { initialTrustForm, trustRequest, type TrustTarget } from './trust-form';
import { TrustFileStep } from './TrustFileStep';
import { TrustReviewStep } from './TrustReviewStep';
import { TrustSourceStep } from './TrustSourceStep';

type StepId = 'source' | 'file' | 'review' | 'summary' | 'verify';
const steps: readonly WizardStep<StepId>[] = [
  { id: 'source', label: 'Target and source' },
  { id: 'file', label: 'Trust file' },
  { id: 'review', label: 'Review' },
  { id: 'summary', label: 'Summary' },
  { id: 'verify', label: 'Verify' },
];

export function TrustWizard(props: {
  model: ConfigModel;
  prefill?: { target: TrustTarget; out?: string };
}) {
  const { model } = props;
  const machine = useStepMachine(steps);
  const { values: form, set, patch } = useFormValues(() => initialTrustForm(props.prefill));
  const password = useTwiceSecret(6);
  const kit = useKitFlow(model);
  const written = kit.done?.files[0]?.path;
  const jks = form.format === 'jks';

  useVerifyOnShow(kit, machine.step === 'verify', async () => {
    if (!written) return [];
    if (form.sourceKind === 'endpoint') {
      const pw = jks ? { trustPassword: password.first } : {};
      return (
        await api['kit.verify.endpoint']({ endpoint: form.endpoint, trustFile: written, ...pw })
      ).checks;
    }
    return (await api['kit.verify.store']({ store: written, password: jks ? password.first : '' }))
      .checks;
  });

  const go = (to: StepId) => {
    kit.clearError();
    machine.go(to);
  };
  const { step } = machine;
  let body;
  let next: WizardAction | undefined;
  let extra: WizardAction[] | undefined;
  if (step === 'source') {
    const fetch = () =>
      void kit
        .run(() => api['kit.trust.probe']({ endpoint: form.endpoint }))
        .then((r) => r && set('served', r));
    body = <TrustSourceStep form={form} set={set} busy={kit.busy} onFetch={fetch} />;
    const ready = form.sourceKind === 'file' ? form.file.trim() !== '' : form.served !== null;
    next = { label: 'Next', disabled: !ready, onClick: () => go('file') };
  } else if (step === 'file') {
    body = (
      <TrustFileStep
        form={form}
        patch={patch}
        password={password}
        configFile={model.state?.file ?? null}
      />
    );
    next = {
      label: 'Review',
      disabled: form.out.trim() === '' || (jks && password.problem !== null),
      onClick: () =>
        void kit
          .makePlan(() => api['kit.trust.plan'](trustRequest(form, password.first)))
          .then((ok) => ok && go('review')),
    };
  } else if (step === 'review' && kit.plan) {
    body = <TrustReviewStep plan={kit.plan} />;
    next = {
      label: 'Write the trust file',
      onClick: () =>
        void kit
          .write(() => api['kit.trust.run'](trustRequest(form, password.first)))
          .then((ok) => ok && go('summary')),
    };
  } else if (step === 'summary' && kit.done) {
    body = <WrittenSummary written="The trust file" result={kit.done} diff={kit.diff} />;
    next = { label: 'Verify', onClick: () => go('verify') };
  } else {
    const intro =
      form.sourceKind === 'endpoint'
        ? `${form.endpoint} probed again and its chain judged against the new trust file, with RWS's host-name rule.`
        : 'The trust file opened with our reader.';
    body = <VerifyStep intro={intro} checks={kit.checks} />;
    ({ next, extra } = closingActions(model, () => {
      kit.reset();
      go('source');
    }));
  }
  return (
    <WizardFrame
      title="Outbound trust"
      steps={machine.labels}
      active={machine.index}
      busy={kit.busy}
      error={kit.error}
      onBack={
        step === 'file' || step === 'review' ? () => (kit.clearError(), machine.back()) : undefined
      }
      next={next}
      extra={extra}
    >
      {body}
    </WizardFrame>
  );
}
