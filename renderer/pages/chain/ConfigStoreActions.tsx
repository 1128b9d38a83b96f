// On the chain preview's empty state, what one click does with a store the config names: open it
// in the keystore manager (where each entry has "Preview chain"), or judge against it as the trust.
import Button from '@mui/material/Button';
import type { ConfigStore } from '../../../shared/api/keystore-contract';
import { requestPage } from '../keystores/page-requests';
import type { ChainCheck } from './use-chain-check';

export function ConfigStoreActions(props: { check: ChainCheck; store: ConfigStore }) {
  const { check, store } = props;
  const trustKey = `config:${store.key}`;
  const isTrust = check.choices.some((choice) => choice.key === store.key);
  const inUse = check.trust.choice === trustKey;
  return (
    <>
      <Button
        variant="outlined"
        disabled={!store.exists}
        aria-label={`Open ${store.label}`}
        onClick={() =>
          requestPage({ page: 'keystores', path: store.resolved, configKey: store.key })
        }
      >
        Open
      </Button>
      {isTrust && (
        <Button
          disabled={!store.exists || inUse}
          aria-label={`${inUse ? 'Used as trust' : 'Use as trust'}: ${store.label}`}
          onClick={() => check.setTrust({ choice: trustKey, path: '', password: '' })}
        >
          {inUse ? 'Used as trust' : 'Use as trust'}
        </Button>
      )}
    </>
  );
}
