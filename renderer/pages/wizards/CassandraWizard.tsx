// The Cassandra TLS kit: a private root CA signs one certificate per node; the preview shows every
// file before anything is written; RWS's cassandraCluster values go to the open session.
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Request } from '../../../shared/api/contract';
import { api } from '../../api/client';
import type { WizardPrefill } from '../keystores/page-requests';
import type { ConfigModel } from '../../app/use-config';
import { FileTree } from './FileTree';
import { keyChoices } from './HttpsWizard';
import { looksLikeHost, parseNodeList } from './node-list';
import {
  showKitValues,
  Checks,
  EditList,
  useCall,
  Warnings,
  WizardFrame,
  WrittenSummary,
  type Check,
  type KitResult,
} from './wizard-parts';

const steps = ['Nodes', 'Options', 'Preview', 'Summary', 'Verify'] as const;

export function CassandraWizard(props: {
  model: ConfigModel;
  prefill?: Extract<WizardPrefill, { wizard: 'cassandra' }>;
}) {
  const { model, prefill } = props;
  const configured = model.valueOf('cassandraCluster.nodes');
  const [step, setStep] = useState(0);
  const [nodesText, setNodesText] = useState(
    prefill?.nodes ?? (typeof configured === 'string' ? configured : ''),
  );
  const [outDir, setOutDir] = useState('cassandra-tls');
  const [key, setKey] = useState<(typeof keyChoices)[number][0]>('rsa-2048');
  const [days, setDays] = useState(825);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [caPassword, setCaPassword] = useState('');
  const [caConfirm, setCaConfirm] = useState('');
  const [plan, setPlan] = useState<KitResult | null>(null);
  const [done, setDone] = useState<KitResult | null>(null);
  const [diff, setDiff] = useState<string | null>(null);
  const [checks, setChecks] = useState<Check[] | null>(null);
  const { busy, error, call, clearError } = useCall();
  const nodes = parseNodeList(nodesText);
  const bad = nodes.filter((n) => !looksLikeHost(n));
  const go = (n: number) => {
    clearError();
    setStep(n);
  };
  const request = (): Request<'kit.cassandra.run'> => ({
    outDir,
    nodes,
    key,
    days,
    password,
    caPassword,
  });
  const clientStore = done?.files.find((f) => f.path.endsWith('/client/truststore.jks'))?.path;
  const firstNodeStore = done?.files.find((f) => f.path.endsWith('/keystore.jks'))?.path;

  useEffect(() => {
    if (step !== 4 || checks || !clientStore || !firstNodeStore) return;
    void call(async () => {
      const node = await api['kit.verify.store']({
        store: firstNodeStore,
        password,
        alias: nodes[0] ?? '',
        trustFile: clientStore,
        trustPassword: password,
        host: nodes[0] ?? '',
      });
      const client = await api['kit.verify.store']({ store: clientStore, password });
      return [...client.checks, ...node.checks];
    }).then((c) => c && setChecks(c));
  }, [step, checks, clientStore, firstNodeStore, call, password, nodes]);

  const passwordProblem =
    password.length < 6
      ? 'At least 6 characters.'
      : password !== confirm
        ? 'The two entries differ.'
        : null;
  // The store password is in plain text in every node's file: it must not unlock the CA key.
  const caProblem =
    caPassword.length < 6
      ? 'At least 6 characters.'
      : caPassword === password
        ? 'Must differ from the store password (the nodes hold that one in plain text).'
        : caPassword !== caConfirm
          ? 'The two entries differ.'
          : null;
  let body;
  let next;
  if (step === 0) {
    body = (
      <>
        <TextField
          label="Cassandra nodes"
          value={nodesText}
          onChange={(e) => setNodesText(e.target.value)}
          multiline
          minRows={3}
          maxRows={10}
          fullWidth
          helperText="Paste a list: commas, spaces or one per line. Use the names (or addresses) RWS and cqlsh connect to."
          slotProps={{ htmlInput: { 'aria-label': 'Cassandra nodes' } }}
        />
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} aria-label="Parsed nodes">
          {nodes.map((n) => (
            <Chip
              key={n}
              label={n}
              color={looksLikeHost(n) ? 'default' : 'error'}
              onDelete={() => setNodesText(nodes.filter((x) => x !== n).join('\n'))}
            />
          ))}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {nodes.length} node{nodes.length === 1 ? '' : 's'}
        </Typography>
        {bad.length > 0 && (
          <Alert severity="error">Not a host name or address: {bad.join(', ')}</Alert>
        )}
      </>
    );
    next = { label: 'Next', disabled: nodes.length === 0 || bad.length > 0, onClick: () => go(1) };
  } else if (step === 1) {
    body = (
      <>
        <TextField
          label="Output folder"
          value={outDir}
          onChange={(e) => setOutDir(e.target.value)}
          fullWidth
          helperText="A new folder (relative paths start at the folder of application.yaml). An existing kit is never overwritten."
        />
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
          <TextField
            select
            label="Key"
            value={key}
            onChange={(e) => setKey(e.target.value as typeof key)}
            sx={{ minWidth: 200 }}
          >
            {keyChoices.map(([id, label]) => (
              <MenuItem key={id} value={id}>
                {label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Node certificates valid for (days)"
            type="number"
            value={days}
            onChange={(e) => setDays(Number(e.target.value))}
            sx={{ width: 240 }}
          />
        </Stack>
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
          <TextField
            label="Store password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            label="Repeat the password"
            type="password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            helperText={password && passwordProblem ? passwordProblem : ' '}
            error={confirm !== '' && confirm !== password}
          />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Every store of the kit uses this password; RWS gets it in
          cassandraCluster.truststorePassword (encrypt it afterwards with the Secret encryption
          wizard if you use gir.jar).
        </Typography>
        <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
          <TextField
            label="CA key password"
            type="password"
            value={caPassword}
            onChange={(e) => setCaPassword(e.target.value)}
          />
          <TextField
            label="Repeat the CA key password"
            type="password"
            value={caConfirm}
            onChange={(e) => setCaConfirm(e.target.value)}
            helperText={caPassword && caProblem ? caProblem : ' '}
            error={caPassword !== '' && caProblem !== null && caConfirm !== ''}
          />
        </Stack>
        <Typography variant="body2" color="text.secondary">
          Encrypts ca/root-ca.key.pem, which signs the nodes; keep it apart from the store password.
          You need it again to add nodes (rwsec kit cassandra --add-node).
        </Typography>
      </>
    );
    next = {
      label: 'Preview',
      disabled: passwordProblem !== null || caProblem !== null || outDir.trim() === '',
      onClick: () =>
        void call(() => api['kit.cassandra.plan'](request())).then((p) => p && (setPlan(p), go(2))),
    };
  } else if (step === 2 && plan) {
    body = (
      <>
        <Typography variant="subtitle2" component="h3">
          {plan.files.length} files will be written
        </Typography>
        <FileTree files={plan.files} />
        <Warnings warnings={plan.warnings} />
        <Typography variant="subtitle2" component="h3">
          Then set in the open application.yaml (pending until you save)
        </Typography>
        <EditList edits={plan.edits} />
      </>
    );
    next = {
      label: 'Write the kit',
      onClick: () =>
        void call(async () => {
          const result = await api['kit.cassandra.run'](request());
          setDone(result);
          setDiff(await showKitValues(model, result));
          setChecks(null);
          go(3);
        }),
    };
  } else if (step === 3 && done) {
    body = <WrittenSummary written="The kit" result={done} diff={diff} />;
    next = { label: 'Verify', onClick: () => go(4) };
  } else {
    body = (
      <>
        <Typography variant="body2">
          The client truststore and the first node&apos;s keystore opened with our reader; the
          node&apos;s chain judged against the client truststore, as RWS will.
        </Typography>
        <Checks checks={checks} />
      </>
    );
    next = undefined;
  }
  return (
    <WizardFrame
      title="Cassandra TLS kit"
      steps={steps}
      active={step}
      busy={busy}
      error={error}
      onBack={step > 0 && step < 3 ? () => go(step - 1) : undefined}
      next={next}
    >
      {body}
    </WizardFrame>
  );
}
