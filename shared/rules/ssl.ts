// Inbound HTTPS: enableSsl (top level or jetty.enableSsl) and the ssl section.
import { defineRule, enableSslPath, presentText, sslEnabled, wholeNumber } from './rule';

export const sslRule = defineRule({
  name: 'ssl',
  findings: {
    'ssl-keystore-missing': {
      severity: 'error',
      summary: 'enableSsl is true but ssl.keyStorePath is not set',
    },
    'ssl-port-privileged': {
      severity: 'warning',
      summary: 'HTTPS port below 1024 (needs root on Unix)',
    },
  },
  check(view, report) {
    if (!sslEnabled(view)) return;
    const flag = enableSslPath(view);
    if (presentText(view, 'ssl.keyStorePath') === undefined) {
      report({
        id: 'ssl-keystore-missing',
        path: 'ssl.keyStorePath',
        message: `${flag} is true but ssl.keyStorePath is not set: Jetty has no certificate to serve HTTPS with.`,
        fix: 'Set ssl.keyStorePath to the keystore holding the server key and certificate (relative paths start at the folder of application.yaml).',
      });
    }
    const port = wholeNumber(view, 'ssl.port');
    if (port !== undefined && port >= 1 && port < 1024) {
      report({
        id: 'ssl-port-privileged',
        path: 'ssl.port',
        message: `ssl.port ${port} is below 1024: on Unix only root can open it, and running RWS as root is not recommended.`,
        fix: 'Use a port above 1024 such as 9443 (or grant the port to the RWS user by other means).',
      });
    }
  },
});
