// Inbound HTTPS: enableSsl (top level or jetty.enableSsl) and the ssl section.
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { asText, diagnostic, enableSslPath, presentText, sslEnabled, type RuleInfo } from './rule';

export const sslRuleInfo: RuleInfo[] = [
  {
    id: 'ssl-keystore-missing',
    severity: 'error',
    summary: 'enableSsl is true but ssl.keyStorePath is not set',
  },
  {
    id: 'ssl-port-privileged',
    severity: 'warning',
    summary: 'HTTPS port below 1024 (needs root on Unix)',
  },
];

export function sslRule(view: ConfigView): Diagnostic[] {
  if (!sslEnabled(view)) return [];
  const flag = enableSslPath(view);
  const out: Diagnostic[] = [];
  if (presentText(view, 'ssl.keyStorePath') === undefined) {
    out.push(
      diagnostic(
        view,
        'error',
        'ssl-keystore-missing',
        'ssl.keyStorePath',
        `${flag} is true but ssl.keyStorePath is not set: Jetty has no certificate to serve HTTPS with.`,
        'Set ssl.keyStorePath to the keystore holding the server key and certificate (relative paths start at the folder of application.yaml).',
      ),
    );
  }
  const port = Number(asText(view.get('ssl.port')));
  if (Number.isInteger(port) && port >= 1 && port < 1024) {
    out.push(
      diagnostic(
        view,
        'warning',
        'ssl-port-privileged',
        'ssl.port',
        `ssl.port ${port} is below 1024: on Unix only root can open it, and running RWS as root is not recommended.`,
        'Use a port above 1024 such as 9443 (or grant the port to the RWS user by other means).',
      ),
    );
  }
  return out;
}
