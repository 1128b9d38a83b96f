// Which inventory the page shows: its path (INI or YAML, as `rwsec fleet -i` reads it) and an
// optional --limit pattern (hosts or groups, comma-separated, !name excludes).
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { FleetModel } from './use-fleet';

export function InventoryForm(props: { fleet: FleetModel }) {
  const { fleet } = props;
  const open = fleet.state?.inventory ?? null;
  const [path, setPath] = useState(open ?? '');
  const [limit, setLimit] = useState(fleet.state?.limit ?? '');
  const working = Boolean(fleet.state?.activity) || fleet.busy;
  useEffect(() => {
    if (open !== null) setPath(open);
  }, [open]);

  return (
    <Stack
      component="form"
      aria-label="Inventory"
      direction={{ xs: 'column', md: 'row' }}
      spacing={2}
      sx={{ mb: 2, alignItems: { md: 'flex-start' } }}
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) void fleet.open(path.trim(), limit);
      }}
    >
      <TextField
        label="Ansible inventory"
        placeholder="/etc/ansible/hosts or inventory.yml"
        size="small"
        value={path}
        onChange={(e) => setPath(e.target.value)}
        helperText="Each host needs rws_config: the path of its application.yaml"
        sx={{ flex: 3, minWidth: 260 }}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <TextField
        label="Limit (optional)"
        placeholder="rws,!rws-3"
        size="small"
        value={limit}
        onChange={(e) => setLimit(e.target.value)}
        helperText="Hosts or groups, comma-separated"
        sx={{ flex: 1, minWidth: 160 }}
        slotProps={{ htmlInput: { spellCheck: false } }}
      />
      <Stack direction="row" spacing={1} sx={{ pt: { md: 0.25 } }}>
        <Button type="submit" variant="contained" disabled={working || !path.trim()}>
          Open inventory
        </Button>
        <Button disabled={working || open === null} onClick={() => void fleet.refresh()}>
          Read again
        </Button>
        <Button disabled={working || open === null} onClick={() => void fleet.close()}>
          Close
        </Button>
      </Stack>
    </Stack>
  );
}
