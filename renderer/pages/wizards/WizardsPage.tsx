// The kit wizards: one chosen at a time (tabs), each a stepper ending with a summary and a check.
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { peekRequest, takeRequest, type WizardPrefill } from '../keystores/page-requests';
import type { ConfigModel } from '../../app/use-config';
import { CassandraWizard } from './cassandra/CassandraWizard';
import { HttpsWizard } from './https/HttpsWizard';
import { SecretWizard } from './secret/SecretWizard';
import { TrustWizard } from './trust/TrustWizard';

const wizards = [
  { id: 'https', label: 'HTTPS for RWS' },
  { id: 'cassandra', label: 'Cassandra TLS' },
  { id: 'trust', label: 'Outbound trust' },
  { id: 'secret', label: 'Secret encryption' },
] as const;

type WizardId = (typeof wizards)[number]['id'];

/** The prefill when it is for `id`, as the props object to spread. */
function prefillFor<W extends WizardId>(
  prefill: WizardPrefill | undefined,
  id: W,
): { prefill: Extract<WizardPrefill, { wizard: W }> } | object {
  return prefill?.wizard === id ? { prefill } : {};
}

export function WizardsPage(props: { model: ConfigModel }) {
  // Opened from another page (Certificates > Renew, a problem's fix): that wizard, filled in. The
  // request is read at the first render and taken once the page is on screen (see peekRequest).
  const [prefill, setPrefill] = useState(() => peekRequest('wizards')?.prefill);
  const [tab, setTab] = useState<WizardId>(prefill?.wizard ?? 'https');
  // A new key remounts the wizard, so a request that arrives later starts it afresh.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const request = takeRequest('wizards');
    if (request && request.prefill !== prefill) {
      setPrefill(request.prefill);
      setTab(request.prefill.wizard);
      setGeneration((g) => g + 1);
    }
  }, [prefill]);
  const { model } = props;
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        Wizards
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        The guide&apos;s keytool and openssl procedures in a few steps. Files (keystores, kits) are
        written when a wizard runs; application.yaml values become pending edits you review and save
        as usual.
      </Typography>
      <Tabs
        value={tab}
        onChange={(_, v: WizardId) => setTab(v)}
        aria-label="Wizards"
        sx={{ mb: 2 }}
        variant="scrollable"
      >
        {wizards.map((w) => (
          <Tab key={w.id} value={w.id} label={w.label} />
        ))}
      </Tabs>
      {tab === 'https' && (
        <HttpsWizard key={generation} model={model} {...prefillFor(prefill, 'https')} />
      )}
      {tab === 'cassandra' && (
        <CassandraWizard key={generation} model={model} {...prefillFor(prefill, 'cassandra')} />
      )}
      {tab === 'trust' && (
        <TrustWizard key={generation} model={model} {...prefillFor(prefill, 'trust')} />
      )}
      {tab === 'secret' && (
        <SecretWizard key={generation} model={model} {...prefillFor(prefill, 'secret')} />
      )}
    </>
  );
}

export default WizardsPage;
