// Channels of the kit wizards, secret encryption and the connection map (spread into the one
// contract in contract.ts). Kept apart so the contract file stays readable; same rules apply: the
// hosts parse every request and response with these schemas.
import { z } from 'zod';
import { linkStates } from '../connections/types';
import { diagnosticSchema } from '../diagnostic-schema';
import { certificateDescriptionSchema } from './keystore-contract';

const text = z.string().max(4096);
const path = z.string().min(1).max(4096);
const secret = z.string().max(1024);

/** Key choices the kits offer (RSA sizes and EC curves that keytool and Jetty accept). */
export const kitKeyChoices = ['rsa-2048', 'rsa-3072', 'rsa-4096', 'ec-p256', 'ec-p384'] as const;
const keyChoice = z.enum(kitKeyChoices);

/** One file a kit writes (or would write): for the preview tree and the summary. */
const kitFile = z.object({
  path: z.string(),
  bytes: z.number().int(),
  /** True when a file of that name exists already (it is replaced; the old one kept in .rwsec-backups/). */
  exists: z.boolean(),
  /** Holds a private key or a password (written readable by the owner only). */
  secret: z.boolean(),
});

/** A config value the wizard applies to the open session (pending until the reviewed save). */
const kitEdit = z.object({
  path: z.string(),
  value: z.unknown().optional(),
  /** Remove the key (e.g. a stale JKS password beside a PEM trust file). */
  delete: z.boolean().optional(),
});

const kitResult = z.object({
  files: z.array(kitFile),
  warnings: z.array(z.string()),
  summary: z.array(z.string()),
  edits: z.array(kitEdit),
  /** Run only: previous versions kept. */
  backups: z.array(z.string()).optional(),
  /**
   * Run only: the edits were applied to the open session in the main process as pending edits
   * (one undo step, saved through the reviewed save); the UI reads the session again.
   */
  applied: z.boolean().optional(),
  /** Folders that do not exist yet and that writing creates (the outermost of each branch). */
  newFolders: z.array(z.string()).optional(),
  /** The certificate the kit installs (HTTPS: the keystore entry's leaf), for the review. */
  certificate: certificateDescriptionSchema.optional(),
});

const httpsRequest = z
  .object({
    mode: z.enum(['self-signed', 'csr', 'reply', 'import']),
    keystore: path,
    alias: z.string().min(1).max(128),
    storeType: z.enum(['JKS', 'PKCS12']),
    password: secret,
    port: z.number().int().min(1).max(65535),
    dname: text.optional(),
    san: text.optional(),
    key: keyChoice.optional(),
    days: z.number().int().min(1).max(36500).optional(),
    csrOut: path.optional(),
    replyFile: path.optional(),
    keyFile: path.optional(),
    certFile: path.optional(),
    keyPassword: secret.optional(),
    replace: z.boolean().optional(),
  })
  .strict();

const cassandraRequest = z
  .object({
    outDir: path,
    nodes: z.array(z.string().min(1).max(253)).min(1).max(200),
    key: keyChoice,
    days: z.number().int().min(1).max(36500),
    password: secret,
    /** Encrypts the kit CA's key; required unless legacy, and never equal to `password`. */
    caPassword: secret.optional(),
    legacy: z.boolean().optional(),
    /** A CRYPT: value of the password (secret.crypt) for cassandraCluster.truststorePassword. */
    crypt: z.string().max(4096).optional(),
  })
  .strict();

export const trustTargetIds = ['config-server', 'webdav', 'rcs', 'speechminer'] as const;

const servedCert = z.object({
  subject: z.string(),
  issuer: z.string(),
  selfSigned: z.boolean(),
  ca: z.boolean(),
  notAfter: z.string(),
  fingerprint256: z.string(),
});

const trustRequest = z
  .object({
    target: z.enum(trustTargetIds),
    /** A certificate file (PEM, DER, P7B or keystore) or a live HOST:PORT. */
    source: z.union([
      z.object({ file: path, password: secret.optional() }).strict(),
      z.object({ endpoint: z.string().min(3).max(300) }).strict(),
    ]),
    out: path,
    format: z.enum(['jks', 'pem']),
    password: secret.optional(),
    crypt: z.string().max(4096).optional(),
  })
  .strict();

const check = z.object({ mark: z.enum(['ok', 'warn', 'fail']), text: z.string() });

const connectionLink = z.object({
  id: z.enum([
    'inbound-https',
    'config-server',
    'sip-server',
    'interaction-server',
    'webdav',
    'rcs',
    'speechminer',
    'cassandra',
  ]),
  peer: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  state: z.enum(linkStates),
  summary: z.string(),
  validation: z.string(),
  reason: z.string().optional(),
  diagnostics: z.array(diagnosticSchema),
  target: z.object({
    section: z.enum(['https', 'outbound', 'cassandra', 'cors-csrf', 'on-premise']),
    path: z.string(),
  }),
  paths: z.array(z.string()),
});

export const kitContract = {
  /** What the HTTPS kit would write (nothing is written). */
  'kit.https.plan': { request: httpsRequest, response: kitResult },
  /** Writes the keystore (and CSR) at once; returns the ssl.* values for the open session. */
  'kit.https.run': { request: httpsRequest, response: kitResult },
  'kit.cassandra.plan': { request: cassandraRequest, response: kitResult },
  'kit.cassandra.run': { request: cassandraRequest, response: kitResult },
  /** The chain a live server sends, to choose the CA to trust. */
  'kit.trust.probe': {
    request: z.object({ endpoint: z.string().min(3).max(300) }).strict(),
    response: z.object({
      protocol: z.string(),
      chain: z.array(servedCert),
      /** Whether the server sent a self-signed (root) certificate. */
      rootSent: z.boolean(),
    }),
  },
  /** What the trust kit would write and set (nothing is written). */
  'kit.trust.plan': { request: trustRequest, response: kitResult },
  'kit.trust.run': { request: trustRequest, response: kitResult },
  /** Opens a written store with our reader and checks its entries (and a chain against a trust file). */
  'kit.verify.store': {
    request: z
      .object({
        store: path,
        password: secret,
        alias: z.string().max(128).optional(),
        trustFile: path.optional(),
        trustPassword: secret.optional(),
        host: z.string().max(253).optional(),
        /** More names to check the certificate against (every SAN, not only the first). */
        hosts: z.array(z.string().min(1).max(253)).max(100).optional(),
        /**
         * Which host-name rules judge the names: both (RWS is the client, e.g. of Cassandra), or
         * only the standard one (browsers and API clients of RWS's own HTTPS).
         */
        hostnameRules: z.enum(['both', 'standard']).optional(),
      })
      .strict(),
    response: z.object({ checks: z.array(check) }),
  },
  /** Probes a live endpoint and judges its chain against a trust file. */
  'kit.verify.endpoint': {
    request: z
      .object({
        endpoint: z.string().min(3).max(300),
        trustFile: path,
        trustPassword: secret.optional(),
      })
      .strict(),
    response: z.object({ checks: z.array(check) }),
  },
  /** Jetty's OBF: form (reversible obfuscation, for ssl.keyStorePassword). */
  'secret.obf': {
    request: z.object({ password: secret }).strict(),
    response: z.object({ value: z.string() }),
  },
  /** CRYPT: made by the admin's gir.jar (`java -jar gir.jar --encrypt`). */
  'secret.crypt': {
    // No `java`: the binary run is the running app's own (JAVA_HOME, then PATH), never one an API
    // caller names.
    request: z.object({ girJar: path, password: secret.min(1) }).strict(),
    response: z.object({ value: z.string() }),
  },
  /** The connection map of the open configuration (no links when nothing is open). */
  'map.state': {
    request: z.object({}).strict(),
    response: z.object({ open: z.boolean(), links: z.array(connectionLink) }),
  },
} as const;
