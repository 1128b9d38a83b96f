// The kit wizards: one chosen at a time (tabs), each a stepper ending with a summary and a check.
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { takeRequest, type WizardPrefill } from '../keystores/page-requests';
import type { ConfigModel } from '../../app/use-config';
import { CassandraWizard } from './CassandraWizard';
import { HttpsWizard } from './HttpsWizard';
import { SecretWizard } from './SecretWizard';
import { TrustWizard } from './TrustWizard';

const wizards = [
  { id: 'https', label: 'HTTPS for RWS' },
  { id: 'cassandra', label: 'Cassandra TLS' },
  { id: 'trust', label: 'Outbound trust' },
  { id: 'secret', label: 'Secret encryption' },
] as const;

export function WizardsPage(props: { model: ConfigModel }) {
  // Opened from another page (e.g. Certificates > Renew): that wizard, with its values filled in.
  const [prefill] = useState<WizardPrefill | undefined>(() => takeRequest('wizards')?.prefill);
  const [tab, setTab] = useState<(typeof wizards)[number]['id']>(prefill?.wizard ?? 'https');
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
        onChange={(_, v: typeof tab) => setTab(v)}
        aria-label="Wizards"
        sx={{ mb: 2 }}
        variant="scrollable"
      >
        {wizards.map((w) => (
          <Tab key={w.id} value={w.id} label={w.label} />
        ))}
      </Tabs>
      {tab === 'https' && (
        <HttpsWizard model={props.model} {...(prefill?.wizard === 'https' ? { prefill } : {})} />
      )}
      {tab === 'cassandra' && (
        <CassandraWizard
          model={props.model}
          {...(prefill?.wizard === 'cassandra' ? { prefill } : {})}
        />
      )}
      {tab === 'trust' && <TrustWizard model={props.model} />}
      {tab === 'secret' && <SecretWizard model={props.model} />}
    </>
  );
}

export default WizardsPage;
