// The certificate inventory channel (the Certificates page): the same Inventory `rwsec certs
// --json` prints, taken from the open configuration's current (possibly unsaved) text.
import { z } from 'zod';

const certificate = z.object({
  role: z.enum(['server', 'intermediate', 'root', 'trust-anchor']),
  subject: z.string(),
  issuer: z.string(),
  subjectCN: z.string(),
  issuerCN: z.string(),
  serial: z.string(),
  san: z.array(z.string()),
  notBefore: z.string(),
  notAfter: z.string(),
  daysLeft: z.number(),
  state: z.enum(['expired', 'expiring', 'valid', 'not-yet-valid']),
  sha256: z.string(),
  node: z.string(),
  file: z.string(),
  alias: z.string().optional(),
  index: z.number().int(),
  configKey: z.string(),
  origin: z.enum(['file', 'probe']),
});

const readError = z.object({
  node: z.string(),
  file: z.string(),
  configKey: z.string(),
  kind: z.enum(['missing', 'wrong-password', 'password-unknown', 'unreadable', 'unreachable']),
  message: z.string(),
});

const cacerts = z.object({
  node: z.string(),
  file: z.string(),
  configKeys: z.array(z.string()),
  count: z.number().int(),
  expired: z.number().int(),
  earliestNotAfter: z.string().optional(),
});

export const inventorySchema = z.object({
  config: z.string(),
  node: z.string(),
  takenAt: z.string(),
  warnDays: z.number().int(),
  certificates: z.array(certificate),
  errors: z.array(readError),
  cacerts: z.array(cacerts),
});

export const certsContract = {
  /** Every certificate the open config depends on; null when no readable config is open. */
  'certs.inventory': {
    request: z.object({ warnDays: z.number().int().min(0).max(3650).optional() }).strict(),
    response: z.object({ inventory: inventorySchema.nullable() }),
  },
} as const;
