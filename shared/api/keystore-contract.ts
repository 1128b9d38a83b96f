// The keystore manager's channels. The open store lives in the main process with its password;
// no response ever carries a password or a private key (except an explicitly requested,
// passphrase-encrypted PKCS#8 export).
import { z } from 'zod';
import { storeTypes, writableStoreTypes } from '../store-formats';
import { maxUploadBytes } from './keystore-channels';

export const certificateDescriptionSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  sha256: z.string(),
  sha1: z.string(),
  keyAlgorithm: z.string(),
  keySize: z.number(),
  curve: z.string().optional(),
  signatureAlgorithm: z.string(),
  san: z.array(z.string()),
  keyUsage: z.array(z.string()),
  extendedKeyUsage: z.array(z.string()),
  isCA: z.boolean(),
  pathLen: z.number().optional(),
  subjectKeyId: z.string().optional(),
  authorityKeyId: z.string().optional(),
  /** The certificate as PEM, where the view offers to copy it (the chain preview). */
  pem: z.string().optional(),
});

const entrySchema = z.object({
  alias: z.string(),
  kind: z.enum(['key', 'trusted']),
  created: z.string(),
  chain: z.array(certificateDescriptionSchema),
});

export const keystoreViewSchema = z.object({
  /** Changes when another store is opened: requests name it so a stale page cannot edit the wrong store. */
  handle: z.number().int(),
  file: z.string(),
  type: z.string(),
  /** What Save writes: JKS, PKCS12 or PEM; null when this format cannot be written back. */
  writableType: z.enum(writableStoreTypes).nullable(),
  exists: z.boolean(),
  entries: z.array(entrySchema),
  /** Certificates Java does not see as entries (PKCS12 bags that are neither keys nor trusted). */
  hiddenCertificates: z.number().int(),
  /** The pending changes, oldest first ("generated key pair rws", "deleted ca"...). */
  pending: z.array(z.string()),
  /** What the last operation wants the user to know. */
  notes: z.array(z.string()),
});

const handle = z.number().int();
const alias = z.string().trim().min(1).max(200);
const secret = z.string().max(1024);
const upload = z
  .object({
    name: z.string().max(260),
    base64: z
      .string()
      .max(Math.ceil(maxUploadBytes / 3) * 4)
      .regex(/^[A-Za-z0-9+/=\r\n]*$/),
  })
  .strict();
/** A file to read: a path (resolved against the config's folder), dropped bytes, or pasted PEM. */
const inputSchema = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ upload }).strict(),
  z.object({ pem: z.string().min(1).max(maxUploadBytes) }).strict(),
]);

/** A store file the open config names (the keystore manager's and chain preview's first offer). */
export const configStoreSchema = z.object({
  /** The option that names it, e.g. ssl.keyStorePath. */
  key: z.string(),
  label: z.string(),
  /** As written in the config, and resolved against its folder. */
  value: z.string(),
  resolved: z.string(),
  exists: z.boolean(),
  /** Judged by the file's bytes; null when missing. */
  format: z.enum([...storeTypes, 'empty', 'unknown']).nullable(),
  /** none: no password option set; known: plain or OBF in the config; crypt: must be typed. */
  password: z.enum(['none', 'known', 'crypt']),
});

const view = keystoreViewSchema;
const noView = z.object({ view: keystoreViewSchema.nullable() });

export const keystoreContract = {
  /** The store open in the manager, if any. */
  'keystore.state': { request: z.object({}).strict(), response: noView },
  /**
   * Opens a store. The password is given, or read from the open config (`configKey` names the
   * path option; its password option is looked up and OBF decoded). `create` starts a new empty
   * store of that type when the file does not exist.
   */
  'keystore.open': {
    request: z
      .object({
        path: z.string().min(1).max(4096),
        password: secret.optional(),
        configKey: z.string().max(200).optional(),
        create: z.enum(['JKS', 'PKCS12']).optional(),
      })
      .strict(),
    response: view,
  },
  'keystore.close': { request: z.object({}).strict(), response: noView },
  'keystore.generate': {
    request: z
      .object({
        handle,
        alias,
        dname: z.string().trim().min(1).max(1024),
        /** keytool syntax: dns:host,ip:10.0.0.5 */
        san: z.string().max(8192),
        keyAlgorithm: z.enum(['rsa', 'ec']),
        keySize: z.number().int(),
        days: z.number().int().min(1).max(36500),
        ca: z.boolean().optional(),
      })
      .strict(),
    response: view,
  },
  /**
   * Certificates become trusted entries; a private key with its chain (PEM key + certificates, or
   * a PKCS12/JKS source) becomes a key entry. `password` opens a source store or encrypted key.
   */
  'keystore.import': {
    request: z
      .object({
        handle,
        input: inputSchema,
        alias: alias.optional(),
        password: secret.optional(),
      })
      .strict(),
    response: view,
  },
  'keystore.csr': {
    request: z.object({ handle, alias }).strict(),
    response: z.object({ pem: z.string(), fileName: z.string() }),
  },
  'keystore.reply': {
    request: z.object({ handle, alias, input: inputSchema }).strict(),
    response: view,
  },
  /** A certificate (or chain) as PEM; the private key only with a passphrase, encrypted PKCS#8. */
  'keystore.export': {
    request: z
      .object({
        handle,
        alias,
        what: z.enum(['certificate', 'chain', 'private-key']),
        passphrase: secret.optional(),
      })
      .strict(),
    response: z.object({ pem: z.string(), fileName: z.string() }),
  },
  'keystore.delete': { request: z.object({ handle, alias }).strict(), response: view },
  'keystore.rename': {
    request: z.object({ handle, from: alias, to: alias }).strict(),
    response: view,
  },
  /** The new password applies when the store is saved (pending and undoable like the rest). */
  'keystore.passwd': {
    request: z.object({ handle, password: z.string().min(6).max(1024) }).strict(),
    response: view,
  },
  'keystore.undo': { request: z.object({ handle }).strict(), response: view },
  'keystore.save': {
    request: z.object({ handle }).strict(),
    response: z.object({ view, backup: z.string().nullable() }),
  },
  /** Every store file the open config names (true/false trust flags are not files). */
  'keystore.configStores': {
    request: z.object({}).strict(),
    response: z.object({ stores: z.array(configStoreSchema) }),
  },
} as const;

export type KeystoreView = z.infer<typeof keystoreViewSchema>;
export type ConfigStore = z.infer<typeof configStoreSchema>;
export type CertificateDescriptionView = z.infer<typeof certificateDescriptionSchema>;
export type KeystoreInput = z.infer<typeof inputSchema>;
