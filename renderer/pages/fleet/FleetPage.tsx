// Fleet: every RWS node of an Ansible inventory side by side (what `rwsec fleet status` reports),
// the values that differ between them, a node's file opened in the editor (saved back over SSH),
// and one change applied to every node after a per-node review (what `rwsec fleet set` does).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { DocumentEditRequest } from '../../../shared/api/contract';
import type { PageProps } from '../../app/pages';
import { ApplyDialog } from './ApplyDialog';
import { ChangeForm } from './ChangeForm';
import { DriftMatrix } from './DriftMatrix';
import { FleetProgress } from './FleetProgress';
import { InventoryForm } from './InventoryForm';
import { NodeTable } from './NodeTable';
import { useFleet } from './use-fleet';

export default function FleetPage(props: PageProps) {
  const fleet = useFleet();
  const [applying, setApplying] = useState(false);
  const state = fleet.state;
  const activity = state?.activity ?? null;
  const working = activity !== null || fleet.busy;
  const showDialog = applying || Boolean(state?.plan) || Boolean(state?.results);
  const unread = state?.nodes.filter((n) => n.error).map((n) => n.name) ?? [];

  const review = (edits: DocumentEditRequest[]) => {
    setApplying(true);
    void fleet.plan(edits);
  };
  const edit = async (node: string) => {
    if (await fleet.edit(node)) {
      await props.model.refresh();
      props.jumpTo('enableSsl');
    }
  };

  return (
    <Box data-page="fleet">
      <Typography variant="h5" component="h1" gutterBottom>
        Fleet
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Every RWS node of an Ansible inventory, read over SSH with your own ssh configuration and
        known_hosts, validated as <code>rwsec validate</code> would on the node. The same report as{' '}
        <code>rwsec fleet status -i INVENTORY</code>.
      </Typography>
      <InventoryForm fleet={fleet} desktop={props.desktop} />
      {fleet.error && !showDialog && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {fleet.error}
        </Alert>
      )}
      {state?.error && !showDialog && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {state.error}
        </Alert>
      )}
      {activity && !showDialog && <FleetProgress activity={activity} />}
      {state?.inventory === null && !fleet.error && (
        <Alert severity="info">
          Open an Ansible inventory (INI or YAML) whose hosts set <code>rws_config</code> to their
          application.yaml.
        </Alert>
      )}
      {state && state.nodes.length > 0 && (
        <>
          <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
            Nodes
          </Typography>
          <Box sx={{ overflowX: 'auto', mb: 3 }}>
            <NodeTable nodes={state.nodes} disabled={working} onEdit={(n) => void edit(n)} />
          </Box>
          <Typography variant="h6" component="h2">
            Drift
          </Typography>
          {unread.length > 0 && (
            <Typography variant="body2" color="text.secondary" data-not-compared>
              Not compared (not read): {unread.join(', ')}
            </Typography>
          )}
          <Box sx={{ mb: 3 }}>
            <DriftMatrix
              drift={state.drift}
              nodes={state.nodes.filter((n) => !n.error).map((n) => n.name)}
              disabled={working}
              onUse={(path, value) => review([{ path, value }])}
            />
          </Box>
          <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
            Apply to all nodes
          </Typography>
          <ChangeForm disabled={working} onReview={review} />
        </>
      )}
      {state && (
        <ApplyDialog
          state={state}
          open={showDialog}
          error={fleet.error}
          onWrite={(force) => void fleet.apply(force)}
          onClose={() => {
            setApplying(false);
            void fleet.discard();
          }}
        />
      )}
    </Box>
  );
}
