// The Cassandra TLS kit: a private root CA signs one certificate per node; the preview shows every
// file before anything is written; RWS's cassandraCluster values go to the open session; the
// verify step checks every node's keystore against the client truststore, as RWS will.
import type { Request } from '../../../../shared/api/contract';
import { api } from '../../../api/client';
import type { ConfigModel } from '../../../app/use-config';
import { useTwiceSecret } from '../../../components/TwiceSecret';
import type { WizardPrefill } from '../../keystores/page-requests';
import { closingActions } from '../ClosingActions';
import { FileTree } from '../FileTree';
import { parseNodeList } from '../node-list';
import { useKitFlow, useVerifyOnShow } from '../use-kit-flow';
import { useFormValues, useStepMachine, type WizardStep } from '../wizard-machine';
import { PlanReview } from '../PlanReview';
import { VerifyStep, WrittenSummary } from '../wizard-parts';
import { WizardFrame, type WizardAction } from '../WizardFrame';
import { NodesStep, nodesProblem } from './NodesStep';
import { OptionsStep, type CassandraOptions } from './OptionsStep';
import { verifyKitNodes } from './verify-nodes';

type StepId = 'nodes' | 'options' | 'preview' | 'summary' | 'verify';
const steps: readonly WizardStep<StepId>[] = [
  { id: 'nodes', label: 'Nodes' },
  { id: 'options', label: 'Options' },
  { id: 'preview', label: 'Preview' },
  { id: 'summary', label: 'Summary' },
  { id: 'verify', label: 'Verify' },
];

export function CassandraWizard(props: {
  model: ConfigModel;
  prefill?: Extract<WizardPrefill, { wizard: 'cassandra' }>;
}) {
  const { model, prefill } = props;
  const machine = useStepMachine(steps);
  const configured = model.valueOf('cassandraCluster.nodes');
  const nodesForm = useFormValues(() => ({
    nodesText: prefill?.nodes ?? (typeof configured === 'string' ? configured : ''),
  }));
  const options = useFormValues<CassandraOptions>(() => ({
    outDir: 'cassandra-tls',
    key: 'rsa-2048',
    days: 825,
  }));
  const password = useTwiceSecret(6);
  // The store password is in plain text in every node's file: it must not unlock the CA key.
  const caPassword = useTwiceSecret(6, {
    extra: (ca) =>
      ca === password.first
        ? 'Must differ from the store password (the nodes hold that one in plain text).'
        : null,
  });
  const kit = useKitFlow(model);
  const nodes = parseNodeList(nodesForm.values.nodesText);
  const request = (): Request<'kit.cassandra.run'> => ({
    ...options.values,
    nodes,
    password: password.first,
    caPassword: caPassword.first,
  });
  useVerifyOnShow(kit, machine.step === 'verify', () =>
    verifyKitNodes(kit.done?.files ?? [], nodes, password.first),
  );

  const go = (to: StepId) => {
    kit.clearError();
    machine.go(to);
  };
  const { step } = machine;
  const { outDir, days } = options.values;
  let body;
  let next: WizardAction | undefined;
  let extra: WizardAction[] | undefined;
  if (step === 'nodes') {
    body = (
      <NodesStep
        nodesText={nodesForm.values.nodesText}
        onChange={(t) => nodesForm.set('nodesText', t)}
      />
    );
    next = {
      label: 'Next',
      disabled: nodesProblem(nodesForm.values.nodesText) !== null,
      onClick: () => go('options'),
    };
  } else if (step === 'options') {
    body = (
      <OptionsStep
        options={options.values}
        set={options.set}
        password={password}
        caPassword={caPassword}
      />
    );
    const ready =
      password.problem === null &&
      caPassword.problem === null &&
      outDir.trim() !== '' &&
      days >= 1 &&
      days <= 36500;
    next = {
      label: 'Preview',
      disabled: !ready,
      onClick: () =>
        void kit
          .makePlan(() => api['kit.cassandra.plan'](request()))
          .then((ok) => ok && go('preview')),
    };
  } else if (step === 'preview' && kit.plan) {
    body = (
      <PlanReview
        plan={kit.plan}
        writes={`${kit.plan.files.length} files will be written`}
        files={<FileTree files={kit.plan.files} />}
      />
    );
    next = {
      label: 'Write the kit',
      onClick: () =>
        void kit.write(() => api['kit.cassandra.run'](request())).then((ok) => ok && go('summary')),
    };
  } else if (step === 'summary' && kit.done) {
    body = <WrittenSummary written="The kit" result={kit.done} diff={kit.diff} />;
    next = { label: 'Verify', onClick: () => go('verify') };
  } else {
    body = (
      <VerifyStep
        intro={`The client truststore and the keystore of each of the ${nodes.length} node(s) opened with our reader; each node's chain judged against the client truststore for its own name, as RWS will.`}
        checks={kit.checks}
      />
    );
    ({ next, extra } = closingActions(model, () => {
      kit.reset();
      go('nodes');
    }));
  }
  return (
    <WizardFrame
      title="Cassandra TLS kit"
      steps={machine.labels}
      active={machine.index}
      busy={kit.busy}
      error={kit.error}
      onBack={
        step === 'options' || step === 'preview'
          ? () => (kit.clearError(), machine.back())
          : undefined
      }
      next={next}
      extra={extra}
    >
      {body}
    </WizardFrame>
  );
}
