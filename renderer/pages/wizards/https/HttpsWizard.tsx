// HTTPS for RWS: a self-signed certificate, a CSR and later the CA's reply, or an existing PEM key
// and certificate, into the Jetty keystore. The keystore is written when the kit runs; the ssl.*
// and enableSsl values go to the open session as pending edits for the reviewed save.
import { api } from '../../../api/client';
import type { ConfigModel } from '../../../app/use-config';
import { useTwiceSecret } from '../../../components/TwiceSecret';
import { closingActions } from '../ClosingActions';
import { useKitFlow, useVerifyOnShow } from '../use-kit-flow';
import { useFormValues, useStepMachine, type WizardStep } from '../wizard-machine';
import { VerifyStep, WrittenSummary } from '../wizard-parts';
import { WizardFrame, type WizardAction } from '../WizardFrame';
import {
  firstDns,
  hostsToCheck,
  httpsRequest,
  initialHttpsForm,
  sourceReady,
  type HttpsPrefill,
} from './https-form';
import { KeystoreStep, keystoreReady } from './KeystoreStep';
import { ReviewStep } from './ReviewStep';
import { SourceStep } from './SourceStep';

type StepId = 'source' | 'keystore' | 'review' | 'summary' | 'verify';
const steps: readonly WizardStep<StepId>[] = [
  { id: 'source', label: 'Certificate' },
  { id: 'keystore', label: 'Keystore' },
  { id: 'review', label: 'Review' },
  { id: 'summary', label: 'Summary' },
  { id: 'verify', label: 'Verify' },
];

export function HttpsWizard(props: { model: ConfigModel; prefill?: HttpsPrefill }) {
  const { model } = props;
  const machine = useStepMachine(steps);
  const {
    values: form,
    set,
    patch,
  } = useFormValues(() => initialHttpsForm(model.valueOf, props.prefill));
  const password = useTwiceSecret(6);
  const kit = useKitFlow(model);
  const request = () => httpsRequest(form, password.first);
  const { step } = machine;

  useVerifyOnShow(kit, step === 'verify', async () => {
    const hosts = hostsToCheck(form);
    const r = await api['kit.verify.store']({
      store: form.keystore,
      password: password.first,
      alias: form.alias,
      ...(hosts.length > 0 ? { hosts } : {}),
      // Browsers and API clients connect to RWS's HTTPS: the standard rule is theirs.
      hostnameRules: 'standard',
    });
    return r.checks;
  });

  const go = (to: StepId) => {
    kit.clearError();
    machine.go(to);
  };
  let body;
  let next: WizardAction | undefined;
  let extra: WizardAction[] | undefined;
  if (step === 'source') {
    body = <SourceStep form={form} set={set} />;
    next = { label: 'Next', disabled: !sourceReady(form), onClick: () => go('keystore') };
  } else if (step === 'keystore') {
    body = (
      <KeystoreStep
        form={form}
        set={set}
        password={password}
        configFile={model.state?.file ?? null}
      />
    );
    next = {
      label: 'Review',
      disabled: !keystoreReady({ form, password }),
      onClick: () =>
        void kit.makePlan(() => api['kit.https.plan'](request())).then((ok) => ok && go('review')),
    };
  } else if (step === 'review' && kit.plan) {
    body = <ReviewStep plan={kit.plan} mode={form.mode} />;
    next = {
      label: 'Write the keystore',
      onClick: () =>
        void kit.write(() => api['kit.https.run'](request())).then((ok) => ok && go('summary')),
    };
  } else if (step === 'summary' && kit.done) {
    body = <WrittenSummary written="The keystore" result={kit.done} diff={kit.diff} />;
    next =
      form.mode === 'csr'
        ? {
            // The same key entry, password and host carry over to the reply import.
            label: "Import the CA's reply",
            onClick: () => {
              patch({ mode: 'reply', checkHost: firstDns(form.san) ?? '' });
              kit.reset();
              go('source');
            },
          }
        : { label: 'Verify', onClick: () => go('verify') };
  } else {
    body = (
      <VerifyStep
        intro="The keystore opened with our own reader (no keytool or JVM), its key and chain checked, and the certificate against every host name and address it names, by the standard rule browsers and API clients use."
        checks={kit.checks}
      />
    );
    ({ next, extra } = closingActions(model, () => {
      kit.reset();
      go('source');
    }));
  }
  const canGoBack = step === 'keystore' || step === 'review';
  return (
    <WizardFrame
      title="HTTPS for RWS"
      steps={machine.labels}
      active={machine.index}
      busy={kit.busy}
      error={kit.error}
      onBack={canGoBack ? () => (kit.clearError(), machine.back()) : undefined}
      next={next}
      extra={extra}
    >
      {body}
    </WizardFrame>
  );
}
