// Which inventory the page shows: its path (INI or YAML, as `rwsec fleet -i` reads it; typed,
// one of the recently opened, or chosen in the desktop's open dialog) and an optional --limit
// pattern (hosts or groups, comma-separated, !name excludes).
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { recentInventories } from '../../app/recent-files';
import type { FleetModel } from './use-fleet';

/** A path or pattern: small, no spell-check squiggles under host names and paths. */
function PlainField(props: TextFieldProps) {
  return (
    <TextField
      size="small"
      {...props}
      slotProps={{
        ...props.slotProps,
        htmlInput: { ...(props.slotProps?.htmlInput as object), spellCheck: false },
      }}
    />
  );
}

export function InventoryForm(props: { fleet: FleetModel; desktop: boolean }) {
  const { fleet } = props;
  const open = fleet.state?.inventory ?? null;
  const [path, setPath] = useState(open ?? '');
  const [limit, setLimit] = useState(fleet.state?.limit ?? '');
  const working = Boolean(fleet.state?.activity) || fleet.busy;
  const [recent, setRecent] = useState(recentInventories.list);
  useEffect(() => {
    if (open === null) return;
    setPath(open);
    setRecent(recentInventories.list()); // it has just become the most recent
  }, [open]);

  const choose = async () => {
    const chosen = await fleet.pick();
    if (chosen === null) return;
    setPath(chosen);
    await fleet.open(chosen, limit);
  };

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
      <Autocomplete
        freeSolo
        options={recent}
        inputValue={path}
        onInputChange={(_e, v) => setPath(v)}
        sx={{ flex: 3, minWidth: 260 }}
        renderInput={(params) => (
          <PlainField
            {...params}
            label="Ansible inventory"
            placeholder="/etc/ansible/hosts or inventory.yml"
            helperText="Each host needs rws_config: the path of its application.yaml"
          />
        )}
      />
      {props.desktop && (
        <Button variant="outlined" disabled={working} onClick={() => void choose()}>
          Choose…
        </Button>
      )}
      <PlainField
        label="Limit (optional)"
        placeholder="rws,!rws-3"
        value={limit}
        onChange={(e) => setLimit(e.target.value)}
        helperText="Hosts or groups, comma-separated"
        sx={{ flex: 1, minWidth: 160 }}
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
