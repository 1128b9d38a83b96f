// Name of the certificate inventory channel (certs-contract.ts holds its schema; no zod here).
export const certsChannelNames = ['certs.inventory'] as const;
