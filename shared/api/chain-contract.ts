// The chain preview's channels: judge a chain from a file, a keystore alias, pasted PEM or a live
// endpoint against a trust source as RWS would use it.
import { z } from 'zod';
import type { ChainReport, ProbeReport } from '../tls/verdicts';
import { certificateDescriptionSchema } from './keystore-contract';

const secret = z.string().max(1024);
const upload = z.object({ name: z.string().max(260), base64: z.string().max(700_000) }).strict();

const sourceSchema = z.union([
  z
    .object({
      kind: z.literal('file'),
      path: z.string().min(1).max(4096),
      password: secret.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('upload'), upload, password: secret.optional() }).strict(),
  /** An entry of the store open in the keystore manager (its pending state). */
  z.object({ kind: z.literal('keystore'), alias: z.string().min(1).max(200) }).strict(),
  z
    .object({
      kind: z.literal('pem'),
      text: z
        .string()
        .min(1)
        .max(512 * 1024),
    })
    .strict(),
]);

const trustSchema = z.union([
  /** A trust option of the open config; its password comes from the config unless given. */
  z
    .object({
      kind: z.literal('config'),
      key: z.string().min(1).max(200),
      password: secret.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('jdk') }).strict(),
  z.object({ kind: z.literal('system') }).strict(),
  z
    .object({
      kind: z.literal('file'),
      path: z.string().min(1).max(4096),
      password: secret.optional(),
    })
    .strict(),
]);

const ruleSchema = z.enum(['rfc6125', 'rws']);

// The verifier's report is plain data built by our own code (shared/tls/verdicts.ts); it is
// checked for shape here, not field by field.
const chainReportSchema = z.custom<ChainReport>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as ChainReport).certificates),
);
const probeReportSchema = z.custom<ProbeReport>(
  (v) => typeof v === 'object' && v !== null && typeof (v as ProbeReport).connected === 'boolean',
);

export const trustChoiceSchema = z.object({
  /** Option path, e.g. serverSettings.caCertificate. */
  key: z.string(),
  label: z.string(),
  /** The value in the config (as written) and where it resolves to. */
  value: z.string(),
  resolved: z.string(),
  /** none: PEM-like or no password option set; known: plain or OBF in the config; crypt: CRYPT:, ask. */
  password: z.enum(['none', 'known', 'crypt']),
});

const chainResult = z.object({
  report: chainReportSchema,
  /** Full descriptions, one per report.certificates entry (same order). */
  details: z.array(certificateDescriptionSchema),
  /** What was judged, in words: "alias rws in /x/keystore.p12". */
  source: z.string(),
});

export const chainContract = {
  /** The config's trust files (only options that name a file). */
  'chain.trustChoices': {
    /** With `alias`: the default for that entry of the store open in the keystore manager. */
    request: z.object({ alias: z.string().min(1).max(200).optional() }).strict(),
    response: z.object({
      choices: z.array(trustChoiceSchema),
      /**
       * The trust source to choose first: `config:<key>` (a trust file of the config that exists,
       * for a keystore entry the one that store is used against) or `jdk`.
       */
      preferred: z.string(),
    }),
  },
  'chain.verify': {
    request: z
      .object({
        source: sourceSchema,
        trust: trustSchema,
        host: z.string().max(253).optional(),
        rule: ruleSchema.optional(),
      })
      .strict(),
    response: chainResult,
  },
  'probe.run': {
    request: z
      .object({
        hostPort: z.string().min(3).max(300),
        servername: z.string().max(253).optional(),
        trust: trustSchema,
        rule: ruleSchema.optional(),
        timeoutMs: z.number().int().min(500).max(30_000).optional(),
      })
      .strict(),
    response: z.object({
      report: probeReportSchema,
      details: z.array(certificateDescriptionSchema),
    }),
  },
} as const;

export type TrustChoice = z.infer<typeof trustChoiceSchema>;
export type ChainSource = z.infer<typeof sourceSchema>;
export type ChainTrust = z.infer<typeof trustSchema>;
