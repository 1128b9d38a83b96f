// The chain preview's other sources: pasted PEM, an entry of the store open in the keystore
// manager, a live endpoint.
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { commonName } from '../../components/certificate/expiry';
import type { ChainCheck } from './use-chain-check';

export function PemSourceField(props: { check: ChainCheck }) {
  const c = props.check;
  return (
    <TextField
      id="chain-pem"
      label="PEM certificates, leaf first or in any order"
      value={c.pem}
      multiline
      minRows={5}
      maxRows={12}
      onChange={(e) => c.setPem(e.target.value)}
      slotProps={{
        htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12 } },
      }}
    />
  );
}

export function KeystoreSourceField(props: { check: ChainCheck }) {
  const { store, alias, setAlias } = props.check;
  if (!store || store.entries.length === 0) {
    return (
      <Alert severity="info">
        Open a store in the Keystores page first; its entries are listed here.
      </Alert>
    );
  }
  return (
    <TextField
      select
      id="chain-alias"
      label={`Entry of ${store.file}`}
      value={store.entries.some((e) => e.alias === alias) ? alias : ''}
      onChange={(e) => setAlias(e.target.value)}
    >
      {store.entries.map((e) => (
        <MenuItem key={e.alias} value={e.alias}>
          {e.alias} ({e.kind === 'key' ? `key, chain of ${e.chain.length}` : 'trusted'}
          {e.chain[0] ? `, ${commonName(e.chain[0].subject)}` : ''})
        </MenuItem>
      ))}
    </TextField>
  );
}

export function EndpointSourceField(props: { check: ChainCheck }) {
  const c = props.check;
  return (
    <TextField
      id="chain-endpoint"
      label="Host and port"
      value={c.hostPort}
      placeholder="cfg.example.com:8443"
      helperText="The app connects from this machine and judges the chain the server sends."
      onChange={(e) => c.setHostPort(e.target.value)}
      slotProps={{ htmlInput: { spellCheck: false } }}
    />
  );
}
