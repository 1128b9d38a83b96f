// Judges each of RWS's TLS links from the configuration as the server reads it (YAML 1.1 values)
// and the diagnostics of the same text. Where the file cannot tell (SIP and Interaction Server
// follow ports set in Configuration Server), the link says so instead of guessing.
import { findOption, type OptionSection } from '../catalog/options';
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { asBoolean, asText, enableSslPath, presentText } from '../rules/rule';
import { trustedCaPath } from '../rules/trust';
import type { ConnectionLink, ConnectionMap, LinkId, LinkState } from './types';

const CA = 'serverSettings.caCertificate';
const CA_PASSWORD = 'serverSettings.jksPassword';
const TLS_ENABLED = 'onPremiseSettings.tlsEnabled';

/** Diagnostics about `paths` (or keys under them); case-blind so a mistyped key still counts. */
function findingsFor(paths: readonly string[], diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const wanted = paths.map((p) => p.toLowerCase());
  return diagnostics.filter((d) => {
    const path = d.path.toLowerCase();
    return wanted.some((p) => path === p || path.startsWith(`${p}.`));
  });
}

/** The form page and field a path is edited on (older layouts go to their primary field). */
function target(path: string): { section: OptionSection; path: string } {
  const spec = findOption(path);
  const primary = spec?.alternativeTo ? findOption(spec.alternativeTo) : spec;
  return { section: primary?.section ?? 'outbound', path: primary?.path ?? path };
}

interface Draft {
  id: LinkId;
  peer: string;
  direction: 'inbound' | 'outbound';
  paths: string[];
  /** The field clicking the link opens, unless an error points elsewhere. */
  main: string;
  /** Whether TLS is asked for: only then do errors make the link misconfigured. */
  tls: boolean;
  state: LinkState;
  summary: string;
  validation: string;
  reason?: string;
}

function finish(draft: Draft, diagnostics: readonly Diagnostic[]): ConnectionLink {
  const found = findingsFor(draft.paths, diagnostics);
  const firstError = found.find((d) => d.severity === 'error');
  const broken = draft.tls && firstError !== undefined;
  return {
    id: draft.id,
    peer: draft.peer,
    direction: draft.direction,
    state: broken ? 'misconfigured' : draft.state,
    summary: broken ? `${draft.summary} ${firstError.message}` : draft.summary,
    validation: draft.validation,
    ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
    diagnostics: found,
    target: target(broken ? firstError.path : draft.main),
    paths: draft.paths,
  };
}

function shown(value: unknown): string {
  return asText(value) ?? (value === undefined ? 'not set' : 'not a plain value');
}

function inboundHttps(view: ConfigView): Draft {
  const flag = enableSslPath(view);
  const on = asBoolean(view.get(flag)) === true;
  const base = {
    id: 'inbound-https' as const,
    peer: 'Clients (inbound HTTPS)',
    direction: 'inbound' as const,
    paths: [
      flag,
      'ssl.port',
      'ssl.keyStorePath',
      'ssl.keyStorePassword',
      'jetty.port',
      'serverSettings.externalApiUrlV2',
    ],
    main: flag,
    tls: on,
  };
  if (!on) {
    const httpPort = asText(view.get('jetty.port'));
    return {
      ...base,
      state: 'plain',
      summary: `${flag} is ${shown(view.get(flag))}: the HTTPS connector is off, clients reach RWS over plain HTTP${httpPort ? ` (jetty.port ${httpPort})` : ''}.`,
      validation: 'No TLS: nothing to validate.',
    };
  }
  const store = presentText(view, 'ssl.keyStorePath');
  const httpPort = asText(view.get('jetty.port'));
  // The plain-HTTP connector stays open beside HTTPS (the guide closes nothing), so clients are
  // not "encrypted, validated" as a whole: some may still use plain HTTP.
  return {
    ...base,
    state: 'partly-plain',
    summary: `HTTPS on port ${shown(view.get('ssl.port'))} with the keystore ${store ?? '(not set)'}; plain HTTP is still served on ${httpPort ? `jetty.port ${httpPort}` : 'the plain-HTTP port'}, so a client given an http:// URL is not encrypted.`,
    validation:
      "Over HTTPS, clients check RWS's certificate against their own trust: a self-signed certificate must be added to every client's trust store. Over plain HTTP nothing is encrypted or validated.",
  };
}

function caValidation(view: ConfigView): string {
  const ca = presentText(view, CA);
  return ca
    ? `Checked against the one CA in ${CA} (${ca}); the host name must match the Issuer CN, Subject CN or a SAN DNS name.`
    : `Not checked: ${CA} is not set, so any certificate is accepted (the guide's minimal configuration).`;
}

function configServer(view: ConfigView): Draft {
  const raw = view.get(TLS_ENABLED);
  const on = asBoolean(raw);
  const base = {
    id: 'config-server' as const,
    peer: 'Configuration Server',
    direction: 'outbound' as const,
    paths: [TLS_ENABLED, 'onPremiseSettings.cmeHost', 'onPremiseSettings.cmePort', CA, CA_PASSWORD],
    main: TLS_ENABLED,
    validation: caValidation(view),
  };
  const endpoint = [
    asText(view.get('onPremiseSettings.cmeHost')),
    asText(view.get('onPremiseSettings.cmePort')),
  ]
    .filter((p) => p !== undefined && p !== '')
    .join(':');
  const later =
    'Once synchronization runs, the connection follows the ports of the cluster application set in Configuration Server.';
  if (on === undefined) {
    return {
      ...base,
      tls: raw !== undefined,
      state: 'unknown',
      summary: `${TLS_ENABLED} is ${shown(raw)}.`,
      reason: `${TLS_ENABLED} is ${raw === undefined ? 'not set and the guide states no default' : 'not true or false'}. ${later}`,
    };
  }
  if (!on) {
    return {
      ...base,
      tls: false,
      state: 'plain',
      summary: `${TLS_ENABLED} is false: the sync node's first connection to Configuration Server${endpoint ? ` (${endpoint})` : ''} is not encrypted. ${later}`,
    };
  }
  return {
    ...base,
    tls: true,
    main: presentText(view, CA) ? CA : TLS_ENABLED,
    state: presentText(view, CA) ? 'validated' : 'not-validated',
    summary: `The sync node connects to Configuration Server${endpoint ? ` (${endpoint})` : ''} over TLS; the port must be a secured listening port, not an auto-upgrade one.`,
  };
}

function clusterPeer(view: ConfigView, id: 'sip-server' | 'interaction-server'): Draft {
  const peer = id === 'sip-server' ? 'SIP Server' : 'Interaction Server';
  return {
    id,
    peer,
    direction: 'outbound',
    paths: [CA, CA_PASSWORD],
    main: CA,
    tls: false,
    state: 'unknown',
    summary: `Set in Configuration Server: TLS to ${peer} is on when the cluster application RWS uses (IRWS_Cluster or WS_Cluster) connects to a secure port of ${peer}.`,
    validation: `When TLS is on: ${caValidation(view)}`,
    reason: `application.yaml does not hold the ports of ${peer}; they are set on the cluster application's connections in Configuration Server.`,
  };
}

const trustLinks = [
  { id: 'webdav', peer: 'WebDAV', prefix: 'webDAV', urlKey: /^webdav/i },
  {
    id: 'rcs',
    peer: 'Recording Crypto Server',
    prefix: 'rcs',
    urlKey: /^(rcs|recordCryptoServer)/i,
  },
  {
    id: 'speechminer',
    peer: 'SpeechMiner Interaction Receiver',
    prefix: 'speechMiner',
    urlKey: /^speechMiner/i,
  },
] as const;

/**
 * The https:// URL this file gives for a peer (a serverSettings key named after it, ending in
 * Url or Uri), the only way the file can say the connection uses TLS.
 */
function tlsUrlFor(view: ConfigView, urlKey: RegExp): { path: string; value: string } | undefined {
  for (const key of view.keys('serverSettings') ?? []) {
    if (!urlKey.test(key) || !/ur[li]$/i.test(key)) continue;
    const path = `serverSettings.${key}`;
    const value = asText(view.get(path))?.trim();
    if (value !== undefined && /^https:\/\//i.test(value)) return { path, value };
  }
  return undefined;
}

function trustedPeer(view: ConfigView, link: (typeof trustLinks)[number]): Draft {
  const trust = `serverSettings.${link.prefix}TrustedCA`;
  const password = `serverSettings.${link.prefix}JksPassword`;
  const raw = view.get(trust);
  const flag = asBoolean(raw);
  const file = trustedCaPath(raw);
  const tlsUrl = tlsUrlFor(view, link.urlKey);
  const base = {
    id: link.id,
    peer: link.peer,
    direction: 'outbound' as const,
    paths: [trust, password],
    main: trust,
    // A trust file that is missing or unreadable stops RWS at startup whether or not TLS is used.
    tls: true,
    summary: tlsUrl
      ? `RWS reaches ${link.peer} over TLS (${tlsUrl.path} is ${tlsUrl.value}).`
      : `Whether RWS reaches ${link.peer} over TLS is not known from this file: its address is set elsewhere. The trust settings below apply when it does.`,
  };
  const trustText =
    raw === undefined || raw === null || flag === true
      ? `${trust} is ${raw === undefined || raw === null ? 'not set (default true)' : 'true'}: checked against the JVM's default cacerts ($JAVA_HOME/jre/lib/security).`
      : flag === false
        ? `${trust} is false: any certificate is accepted, so a man in the middle goes unnoticed.`
        : file !== undefined
          ? `Checked against the CA certificate(s) in ${file}.`
          : `${trust} is not true, false or a file path.`;
  const judged: LinkState =
    raw === undefined || raw === null || flag === true || file !== undefined
      ? 'validated'
      : flag === false
        ? 'not-validated'
        : 'unknown';
  if (!tlsUrl) {
    return {
      ...base,
      state: 'unknown',
      validation: `When TLS is used: ${trustText}`,
      reason: `application.yaml does not say whether the connection to ${link.peer} uses TLS (its URL is configured elsewhere).`,
    };
  }
  return {
    ...base,
    state: judged,
    validation: trustText,
    ...(judged === 'unknown'
      ? { reason: `${trust} holds a value RWS does not document; see its diagnostics.` }
      : {}),
  };
}

function cassandra(view: ConfigView): Draft {
  const flag = 'cassandraCluster.useSSL';
  const on = asBoolean(view.get(flag)) === true;
  const store = presentText(view, 'cassandraCluster.trustStore');
  const base = {
    id: 'cassandra' as const,
    peer: 'Cassandra',
    direction: 'outbound' as const,
    paths: [flag, 'cassandraCluster.trustStore', 'cassandraCluster.truststorePassword'],
    main: flag,
    tls: on,
  };
  if (!on) {
    return {
      ...base,
      state: 'plain',
      summary: `${flag} is ${shown(view.get(flag))}: RWS talks to Cassandra without TLS.`,
      validation: 'No TLS: nothing to validate.',
    };
  }
  return {
    ...base,
    state: 'validated',
    summary: 'RWS connects to Cassandra over TLS.',
    validation: `Node certificates are checked against the truststore ${store ?? '(not set)'}.`,
  };
}

/** The connection map of one configuration: inbound HTTPS first, then the outbound links. */
export function deriveConnectionMap(
  view: ConfigView,
  diagnostics: readonly Diagnostic[],
): ConnectionMap {
  const drafts: Draft[] = [
    inboundHttps(view),
    configServer(view),
    clusterPeer(view, 'sip-server'),
    clusterPeer(view, 'interaction-server'),
    ...trustLinks.map((link) => trustedPeer(view, link)),
    cassandra(view),
  ];
  return { links: drafts.map((d) => finish(d, diagnostics)) };
}
