// Rules that read HTTPS together with the rest of the node: the URLs that still say http:// or
// the plain port, an HTTPS port that another connector already binds, and the plain-HTTP
// connector that stays open next to HTTPS.
import type { OptionPath } from '../catalog/options';
import type { ConfigView } from '../config-view';
import { effectivePort, httpsUrl, nodeUrls } from './node-urls';
import { defineRule, enableSslPath, sslEnabled, wholeNumber } from './rule';

const HTTP_PORT: OptionPath = 'jetty.port';
const SSL_PORT: OptionPath = 'ssl.port';
/** Keys that hold ports this node listens on, besides the two connectors. */
const OTHER_LISTENERS = ['management.port', 'server.port'];

/** Other ports this file makes the node bind, with the key that says so. */
export function boundPorts(view: ConfigView): { path: string; port: number }[] {
  const out: { path: string; port: number }[] = [];
  const http = wholeNumber(view, HTTP_PORT);
  if (http !== undefined) out.push({ path: HTTP_PORT, port: http });
  const jettyPorts = (view.keys('jetty') ?? [])
    .filter((k) => k !== 'port' && /port$/i.test(k))
    .map((k) => `jetty.${k}`);
  for (const path of [...jettyPorts, ...OTHER_LISTENERS]) {
    const value = view.get(path);
    const n = typeof value === 'number' ? value : Number(typeof value === 'string' ? value : NaN);
    if (Number.isInteger(n) && n > 0) out.push({ path, port: n });
  }
  return out;
}

/** A free port to suggest for HTTPS: the guide's 9443 unless something else has it. */
function freePort(taken: readonly number[]): number {
  return [9443, 8443, 9444, 10443].find((p) => !taken.includes(p)) ?? 9443;
}

export const httpsCrossFieldRule = defineRule({
  name: 'https-cross-field',
  findings: {
    'https-url-plain': {
      severity: 'warning',
      summary:
        'HTTPS is on but externalApiUrlV2 (or another URL of this node) says http:// or the plain-HTTP port',
    },
    'ssl-port-conflict': {
      severity: 'error',
      summary: 'ssl.port is a port this file already binds (jetty.port or another listener)',
    },
    'https-plain-http-open': {
      severity: 'info',
      summary: 'HTTPS is on and the plain-HTTP connector (jetty.port) still serves clients',
    },
  },
  check(view, report) {
    if (!sslEnabled(view)) return;
    const httpPort = wholeNumber(view, HTTP_PORT);
    const sslPort = wholeNumber(view, SSL_PORT);
    const validSsl = sslPort !== undefined && sslPort >= 1 && sslPort <= 65535;
    const others = boundPorts(view);
    const clash = validSsl ? others.find((o) => o.port === sslPort) : undefined;
    if (clash) {
      const suggestion = freePort(others.map((o) => o.port));
      report({
        id: 'ssl-port-conflict',
        path: SSL_PORT,
        message: `ssl.port ${sslPort} is also ${clash.path}: Jetty cannot bind two connectors to one port, so RWS fails to start HTTPS.`,
        fix: `Give HTTPS a port of its own, e.g. ssl.port: ${suggestion}, and use it in the URLs clients call.`,
        quickFix: {
          label: `Set ssl.port to ${suggestion}`,
          edits: [{ path: SSL_PORT, value: suggestion }],
        },
      });
    }
    for (const url of nodeUrls(view, httpPort)) {
      const onPlainPort = httpPort !== undefined && effectivePort(url) === httpPort;
      if (url.scheme === 'https' && !onPlainPort) continue;
      const target = validSsl && !clash ? httpsUrl(url, sslPort) : undefined;
      const what =
        url.scheme === 'http'
          ? 'says http://'
          : `points at the plain-HTTP port ${String(httpPort)} (jetty.port)`;
      report({
        id: 'https-url-plain',
        path: url.path,
        message: `HTTPS is on (${enableSslPath(view)}) but ${url.path} ${what}: clients given this URL still talk plain HTTP to this node${url.scheme === 'https' ? ', or fail the TLS handshake' : ''}.`,
        fix: target
          ? `Use ${target} (scheme https and the HTTPS port ssl.port).`
          : 'Use https:// and the HTTPS port (ssl.port) in this URL.',
        ...(target === undefined
          ? {}
          : { quickFix: { label: `Use ${target}`, edits: [{ path: url.path, value: target }] } }),
      });
    }
    report({
      id: 'https-plain-http-open',
      path: httpPort === undefined ? enableSslPath(view) : HTTP_PORT,
      message: `HTTPS is on, and the plain-HTTP connector stays open${httpPort === undefined ? ' (on its default port)' : ` on jetty.port ${httpPort}`}: the guide's procedure adds HTTPS without closing plain HTTP, so clients can still reach RWS, credentials included, unencrypted.`,
      fix: `The guide documents no setting that closes it: block ${httpPort === undefined ? 'the plain-HTTP port' : `port ${httpPort}`} to clients (firewall or load balancer) and give them the https:// URL.`,
    });
  },
});
