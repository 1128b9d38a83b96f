// The option catalog: one source for forms, validation, CLI help and `rwsec schema`.
// Facts come from the vendor guide "Configuring Security" (RWS); where the guide says nothing,
// the entry says so (`secretFormsNote`, no `default`) instead of guessing.
export type OptionType =
  | 'boolean'
  | 'integer'
  | 'port'
  | 'string'
  | 'path'
  | 'secret'
  | 'trust' // true | false | path
  | 'list'; // comma-separated string

export type SecretForm = 'plain' | 'OBF' | 'CRYPT';

/** UI grouping of the options. */
export type OptionSection = 'https' | 'outbound' | 'cassandra' | 'cors-csrf' | 'on-premise';

export interface OptionSpec {
  /** Dotted path from the document root. */
  path: string;
  type: OptionType;
  /** The server's default when the key is absent, only where the guide states one. */
  default?: unknown;
  /** A typical value (the guide's example), for forms and schema completion; not a default. */
  example?: unknown;
  allowed?: readonly string[];
  /** For secrets: the forms the server can read for this option. */
  secretForms?: readonly SecretForm[];
  /** Where the guide is silent or vague about `secretForms`, what we assumed and why. */
  secretFormsNote?: string;
  /** One line under the field; `help` is the full explanation behind its info button. */
  summary: string;
  help: string;
  /** The guide's procedure this option belongs to. */
  procedure: string;
  section: OptionSection;
  /** Short label for forms. */
  label: string;
  /** Another path with the same meaning (older file layouts). */
  alternativeTo?: string;
  /** For integers: the smallest value the server accepts (the rules say "must be MIN or more"). */
  min?: number;
  /**
   * Options the guide does not document but some files carry: forms show them only when the
   * file has this mapping (e.g. `jetty.cookies`), and nothing adds them otherwise.
   */
  onlyWhenPresent?: string;
}

export const PROCEDURE = {
  serverTls: 'Configuring TLS on the Server Side',
  configServerTls:
    'Configuring TLS connections to Configuration Server, SIP Server, and Interaction Server',
  validateCa: 'Validate the Certificate Against the CA',
  webDav: 'Configuring TLS for Connections to WebDAV',
  rcs: 'Configuring TLS for Connections to Recording Crypto Server',
  speechMiner: 'Configuring TLS for Connections to SpeechMiner Interaction Receiver',
  cassandraTls: 'Secure Connections from Interaction Recording Web Services to Cassandra',
  cassandraAuth: 'Cassandra Authentication',
  passwordEncryption: 'Password Encryption',
  csrf: 'CSRF Protection',
  cors: 'CORS Filter',
  sessions: 'Configuring Security (user sessions have a timeout option)',
} as const;

const CRYPT_ONLY: readonly SecretForm[] = ['plain', 'CRYPT'];
const CORS = 'serverSettings.crossOriginSettings';

function trustPair<P extends 'webDAV' | 'rcs' | 'speechMiner'>(
  prefix: P,
  peer: string,
  procedure: string,
) {
  return [
    {
      path: `serverSettings.${prefix}TrustedCA` as const,
      type: 'trust' as const,
      default: true,
      allowed: ['true', 'false'],
      summary: `How RWS checks the certificate of ${peer}.`,
      help: `How RWS checks the certificate of ${peer}: true uses the JVM's default cacerts, false turns checking off, any other value is the path of a PEM or JKS file with the CA certificate(s). A missing file stops RWS at startup.`,
      procedure,
      section: 'outbound' as const,
      label: `${peer}: trusted CA`,
    },
    {
      path: `serverSettings.${prefix}JksPassword` as const,
      type: 'secret' as const,
      default: '',
      secretForms: CRYPT_ONLY,
      summary: `Password of the ${prefix}TrustedCA JKS file.`,
      help: `Password of the JKS file named in ${prefix}TrustedCA; not needed for PEM. May be stored as CRYPT: (gir.jar --encrypt).`,
      procedure,
      section: 'outbound' as const,
      label: `${peer}: JKS password`,
    },
  ] as const satisfies readonly OptionSpec[];
}

const catalog = [
  // --- inbound HTTPS (Jetty connector) ---
  {
    path: 'enableSsl',
    type: 'boolean',
    example: true,
    help: 'Turns on the HTTPS connector of the embedded Jetty server, using the keystore in the ssl section.',
    summary: 'Turns on the HTTPS connector.',
    procedure: PROCEDURE.serverTls,
    section: 'https',
    label: 'Enable HTTPS',
  },
  {
    path: 'jetty.enableSsl',
    type: 'boolean',
    help: 'Older layout of enableSsl, inside the jetty section. Keep the flag where your file already has it.',
    summary: 'Older place of enableSsl, in the jetty section.',
    procedure: PROCEDURE.serverTls,
    section: 'https',
    label: 'Enable HTTPS (jetty section)',
    alternativeTo: 'enableSsl',
  },
  {
    path: 'ssl.port',
    type: 'port',
    example: 9443,
    help: 'TCP port of the HTTPS connector. Ports below 1024 need root on Unix; a port such as 9443 avoids running the server as root.',
    summary: 'TCP port of the HTTPS connector.',
    procedure: PROCEDURE.serverTls,
    section: 'https',
    label: 'HTTPS port',
  },
  {
    path: 'ssl.keyStorePath',
    type: 'path',
    example: 'keystore',
    help: "Java keystore holding the server's private key and certificate (alias jetty in the guide). Relative paths are taken from the folder of application.yaml.",
    summary: "Keystore with the server's key and certificate.",
    procedure: PROCEDURE.serverTls,
    section: 'https',
    label: 'Keystore file',
  },
  {
    path: 'ssl.keyStorePassword',
    type: 'secret',
    example: 'storepwd',
    secretForms: ['plain', 'OBF'],
    secretFormsNote:
      "Jetty reads this value: it understands its own OBF: obfuscation, but not RWS's CRYPT: (Jetty takes CRYPT: and MD5: as one-way hashes, useless for opening a keystore).",
    help: 'Password of the HTTPS keystore. Jetty accepts it in plain text or in its reversible OBF: form (rwsec obf).',
    summary: 'Password of the HTTPS keystore (plain or OBF:).',
    procedure: PROCEDURE.serverTls,
    section: 'https',
    label: 'Keystore password',
  },
  {
    path: 'jetty.port',
    type: 'port',
    example: 8090,
    help: 'TCP port of the plain-HTTP connector (the GWS 8.5.2 sample uses 8090). It stays open when HTTPS is turned on; the HTTPS port must differ from it.',
    summary: 'Plain-HTTP port; must differ from the HTTPS port.',
    procedure: PROCEDURE.serverTls,
    section: 'https',
    label: 'Plain HTTP port',
  },
  {
    path: 'jetty.sessionMaxInactiveInterval',
    type: 'integer',
    example: 1800,
    help: 'Seconds of inactivity after which a user session expires (the guide lists the session timeout among RWS protections; the GWS 8.5.2 sample uses 1800). Zero or a negative number means sessions never expire.',
    summary: 'Idle seconds before a user session expires.',
    procedure: PROCEDURE.sessions,
    section: 'https',
    label: 'Session timeout (seconds)',
  },
  {
    path: 'jetty.cookies.httpOnly',
    type: 'boolean',
    example: true,
    help: 'Marks the session cookie HttpOnly so page scripts cannot read it. Not in the RWS guide: shown because this file has a jetty.cookies section.',
    summary: 'Hide the session cookie from page scripts.',
    procedure: PROCEDURE.sessions,
    section: 'https',
    label: 'Session cookie HttpOnly',
    onlyWhenPresent: 'jetty.cookies',
  },
  {
    path: 'jetty.cookies.secure',
    type: 'boolean',
    example: true,
    help: 'Marks the session cookie Secure so browsers send it over HTTPS only. Not in the RWS guide: shown because this file has a jetty.cookies section.',
    summary: 'Send the session cookie over HTTPS only.',
    procedure: PROCEDURE.sessions,
    section: 'https',
    label: 'Session cookie Secure',
    onlyWhenPresent: 'jetty.cookies',
  },
  {
    path: 'jetty.cookies.sameSite',
    type: 'string',
    example: 'Lax',
    allowed: ['Strict', 'Lax', 'None'],
    help: 'SameSite attribute of the session cookie (Strict, Lax or None). Not in the RWS guide: shown because this file has a jetty.cookies section.',
    summary: 'SameSite attribute of the session cookie.',
    procedure: PROCEDURE.sessions,
    section: 'https',
    label: 'Session cookie SameSite',
    onlyWhenPresent: 'jetty.cookies',
  },
  // --- on-premise (Configuration Server) ---
  {
    path: 'onPremiseSettings.tlsEnabled',
    type: 'boolean',
    example: true,
    help: 'On the sync node: open the first connection to Configuration Server over TLS. The port RWS connects to must be a secured listening port, not an auto-upgrade one.',
    summary: 'Sync node: TLS to Configuration Server.',
    procedure: PROCEDURE.configServerTls,
    section: 'on-premise',
    label: 'TLS to Configuration Server',
  },
  {
    path: 'onPremiseSettings.cmeHost',
    type: 'string',
    help: 'Host name of Configuration Server for the first connection of the sync node.',
    summary: 'Configuration Server host for the sync node.',
    procedure: PROCEDURE.configServerTls,
    section: 'on-premise',
    label: 'Configuration Server host',
  },
  {
    path: 'onPremiseSettings.cmePort',
    type: 'port',
    help: 'Port of Configuration Server for the first connection; with tlsEnabled it must be a secured port.',
    summary: 'Configuration Server port (a secured port with TLS).',
    procedure: PROCEDURE.configServerTls,
    section: 'on-premise',
    label: 'Configuration Server port',
  },
  // --- outbound TLS trust ---
  {
    path: 'serverSettings.caCertificate',
    type: 'path',
    example: '/opt/ca_cert.jks',
    help: 'The one CA certificate (PEM or JKS file; JKS recommended) used to check the certificates of Configuration Server, SIP Server and Interaction Server.',
    summary: 'CA that checks Config, SIP and Interaction Server.',
    procedure: PROCEDURE.validateCa,
    section: 'outbound',
    label: 'CA for Genesys servers',
  },
  {
    path: 'serverSettings.jksPassword',
    type: 'secret',
    secretForms: CRYPT_ONLY,
    secretFormsNote:
      'The guide shows this field in plain text only; CRYPT: is assumed from its general Password Encryption advice for application.yaml passwords, not stated for this field.',
    help: 'Password of the JKS file named in caCertificate; not needed for PEM.',
    summary: 'Password of the caCertificate JKS file.',
    procedure: PROCEDURE.validateCa,
    section: 'outbound',
    label: 'CA JKS password',
  },
  ...trustPair('webDAV', 'WebDAV', PROCEDURE.webDav),
  ...trustPair('rcs', 'Recording Crypto Server', PROCEDURE.rcs),
  ...trustPair('speechMiner', 'SpeechMiner Interaction Receiver', PROCEDURE.speechMiner),
  {
    path: 'serverSettings.externalApiUrlV2',
    type: 'string',
    example: 'https://rws.example.com:9443/api/v2',
    help: 'Public URL of the RWS API as clients reach it; its scheme and port should match the HTTPS connector when HTTPS is on.',
    summary: 'Public URL of the RWS API, as clients use it.',
    procedure: PROCEDURE.serverTls,
    section: 'https',
    label: 'External API URL',
  },
  // --- CSRF and CORS ---
  {
    path: 'serverSettings.enableCsrfProtection',
    type: 'boolean',
    example: true,
    help: 'Turns on Cross Site Request Forgery protection. Browser clients then need the CSRF headers exposed by the CORS settings; SpeechMiner labeling/tagging and deletion prevention stop working.',
    summary: 'Require a CSRF token from browser clients.',
    procedure: PROCEDURE.csrf,
    section: 'cors-csrf',
    label: 'CSRF protection',
  },
  {
    path: `${CORS}.corsFilterCacheTimeToLive`,
    type: 'integer',
    example: 120,
    help: 'How long the CORS filter may cache its decisions; a whole number, zero or more.',
    summary: 'How long the CORS filter caches its decisions.',
    min: 0,
    procedure: PROCEDURE.cors,
    section: 'cors-csrf',
    label: 'CORS cache time to live',
  },
  {
    path: `${CORS}.allowedOrigins`,
    type: 'list',
    example: 'https://*.example.com, https://portal.example.com:8443',
    help: 'Comma-separated origins (scheme://host[:port]) allowed to call the API from a browser. A host may start with a *. wildcard; a lone * is refused.',
    summary: 'Browser origins allowed to call the API.',
    procedure: PROCEDURE.cors,
    section: 'cors-csrf',
    label: 'Allowed origins',
  },
  {
    path: `${CORS}.allowedMethods`,
    type: 'list',
    example: 'GET,POST,PUT,DELETE,OPTIONS',
    help: 'Comma-separated HTTP methods cross-origin callers may use.',
    summary: 'HTTP methods cross-origin callers may use.',
    procedure: PROCEDURE.cors,
    section: 'cors-csrf',
    label: 'Allowed methods',
  },
  {
    path: `${CORS}.allowedHeaders`,
    type: 'list',
    example:
      'X-Requested-With,Content-Type,Accept,Origin,Cookie,authorization,ssid,surl,ContactCenterId,X-CSRF-TOKEN',
    help: 'Comma-separated request headers cross-origin callers may send; include X-CSRF-TOKEN when CSRF protection is on.',
    summary: 'Request headers cross-origin callers may send.',
    procedure: PROCEDURE.cors,
    section: 'cors-csrf',
    label: 'Allowed headers',
  },
  {
    path: `${CORS}.allowCredentials`,
    type: 'boolean',
    example: true,
    help: 'Whether browsers may send cookies and authorization with cross-origin requests.',
    summary: 'Allow cookies and authorization cross-origin.',
    procedure: PROCEDURE.cors,
    section: 'cors-csrf',
    label: 'Allow credentials',
  },
  {
    path: `${CORS}.exposedHeaders`,
    type: 'list',
    example: 'X-CSRF-HEADER,X-CSRF-TOKEN',
    help: 'Comma-separated response headers browser scripts may read; must name X-CSRF-HEADER and X-CSRF-TOKEN when CSRF protection is on.',
    summary: 'Response headers browser scripts may read.',
    procedure: PROCEDURE.cors,
    section: 'cors-csrf',
    label: 'Exposed headers',
  },
  // --- Cassandra ---
  {
    path: 'cassandraCluster.useSSL',
    type: 'boolean',
    example: true,
    help: 'Connect to Cassandra over TLS, trusting the certificates in trustStore.',
    summary: 'Connect to Cassandra over TLS.',
    procedure: PROCEDURE.cassandraTls,
    section: 'cassandra',
    label: 'TLS to Cassandra',
  },
  {
    path: 'cassandraCluster.trustStore',
    type: 'path',
    example: '/path/to/client.jks',
    help: "JKS truststore with the Cassandra nodes' certificates or their root CA.",
    summary: "Truststore for the Cassandra nodes' certificates.",
    procedure: PROCEDURE.cassandraTls,
    section: 'cassandra',
    label: 'Cassandra truststore',
  },
  {
    path: 'cassandraCluster.truststorePassword',
    type: 'secret',
    secretForms: CRYPT_ONLY,
    secretFormsNote:
      'The guide shows this field in plain text only; CRYPT: is assumed from its general Password Encryption advice, not stated for this field. Mind the casing: truststorePassword, unlike trustStore.',
    help: 'Password of the Cassandra truststore. Note the lower-case s, unlike trustStore.',
    summary: 'Password of the Cassandra truststore.',
    procedure: PROCEDURE.cassandraTls,
    section: 'cassandra',
    label: 'Cassandra truststore password',
  },
  {
    path: 'cassandraCluster.userName',
    type: 'string',
    help: 'Cassandra user RWS logs in as; leave out together with password for an anonymous connection.',
    summary: 'Cassandra user RWS logs in as.',
    procedure: PROCEDURE.cassandraAuth,
    section: 'cassandra',
    label: 'Cassandra user',
  },
  {
    path: 'cassandraCluster.password',
    type: 'secret',
    secretForms: CRYPT_ONLY,
    help: 'Password of the Cassandra user; may be stored as CRYPT: (gir.jar --encrypt).',
    summary: 'Password of the Cassandra user (plain or CRYPT:).',
    procedure: PROCEDURE.cassandraAuth,
    section: 'cassandra',
    label: 'Cassandra password',
  },
  {
    path: 'cassandraCluster.thrift_port',
    type: 'port',
    example: 9160,
    help: 'Thrift port of the Cassandra nodes.',
    summary: 'Thrift port of the Cassandra nodes.',
    procedure: PROCEDURE.cassandraAuth,
    section: 'cassandra',
    label: 'Cassandra Thrift port',
  },
  {
    path: 'cassandraCluster.jmx_port',
    type: 'port',
    example: 7199,
    help: 'JMX port of the Cassandra nodes.',
    summary: 'JMX port of the Cassandra nodes.',
    procedure: PROCEDURE.cassandraAuth,
    section: 'cassandra',
    label: 'Cassandra JMX port',
  },
] as const satisfies readonly OptionSpec[];

/** Every option path the catalog knows: rules read options through these, never free strings. */
export type OptionPath = (typeof catalog)[number]['path'];

/** An option of the catalog: its path is one of the known ones. */
export type CatalogOption = OptionSpec & { path: OptionPath };

export const options: readonly CatalogOption[] = catalog;

/**
 * Keys the forms do not edit whose values are secrets all the same, so every output masks them
 * (isSecretPath). The catalog's secret flag decides masking, never a key's name.
 */
export const knownSecretKeys: readonly { path: string; why: string }[] = [
  { path: 'serverSettings.cryptoSecurityKey', why: 'the key RWS encrypts with' },
  {
    path: 'cassandraCluster.trustStorePassword',
    why: 'the truststore password under the casing admins often type (the guide writes truststorePassword)',
  },
];

/**
 * Mappings whose keys we check. `strict`: every key must be in the catalog (unknown ones are
 * warned about); otherwise only near misses of our own keys are reported, since these sections
 * hold many legitimate keys we do not own.
 */
export interface SectionSpec {
  path: string;
  strict: boolean;
}

export const sections: readonly SectionSpec[] = [
  { path: '', strict: false },
  { path: 'jetty', strict: false },
  { path: 'jetty.cookies', strict: false },
  { path: 'ssl', strict: true },
  { path: 'onPremiseSettings', strict: false },
  { path: 'serverSettings', strict: false },
  { path: CORS, strict: true },
  { path: 'cassandraCluster', strict: false },
];

const byPath = new Map<string, CatalogOption>(options.map((o) => [o.path, o]));

export function findOption(path: string): CatalogOption | undefined {
  return byPath.get(path);
}

/** Catalog options directly under the mapping at `parent` ('' = document root). */
export function optionsIn(parent: string): CatalogOption[] {
  return options.filter((o) => parentOf(o.path) === parent);
}

export function parentOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

export function leafOf(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** Paths that must be mappings because catalog options live under them. */
export const mappingPaths: readonly string[] = [
  ...new Set(
    options.flatMap((o) => {
      const parts = o.path.split('.');
      return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
    }),
  ),
];
