// One click from a keystore/trust path field: "Open" in the keystore manager when the file is a
// store, "Preview chain" with this trust file chosen when the option is a trust option.
import Button from '@mui/material/Button';
import type { Response } from '../../../shared/api/contract';
import { requestPage } from './page-requests';

const storeFormats = new Set(['JKS', 'JCEKS', 'PKCS12']);
const trustOptions = new Set([
  'serverSettings.caCertificate',
  'serverSettings.webDAVTrustedCA',
  'serverSettings.rcsTrustedCA',
  'serverSettings.speechMinerTrustedCA',
  'cassandraCluster.trustStore',
]);

export function StoreLinks(props: {
  check: Response<'file.check'> | 'checking' | null;
  optionPath: string;
  value: string;
}) {
  const { check } = props;
  if (check === null || check === 'checking' || !check.exists) return null;
  const isStore = check.format !== null && storeFormats.has(check.format);
  return (
    <>
      {isStore && (
        <Button
          size="small"
          onClick={() =>
            requestPage({ page: 'keystores', path: props.value, configKey: props.optionPath })
          }
        >
          Open
        </Button>
      )}
      {trustOptions.has(props.optionPath) && (
        <Button
          size="small"
          sx={{ whiteSpace: 'nowrap' }}
          onClick={() => requestPage({ page: 'chain', trustKey: props.optionPath })}
        >
          Preview chain
        </Button>
      )}
    </>
  );
}
