// Channel names of the keystore manager and the chain preview, without schemas (the renderer bundle
// carries no zod). channels.ts spreads them into the one list; contract.ts checks it matches.
export const keystoreChannelNames = [
  'keystore.state',
  'keystore.open',
  'keystore.close',
  'keystore.generate',
  'keystore.import',
  'keystore.csr',
  'keystore.reply',
  'keystore.export',
  'keystore.delete',
  'keystore.rename',
  'keystore.passwd',
  'keystore.undo',
  'keystore.save',
  'keystore.configStores',
] as const;

export const chainChannelNames = ['chain.trustChoices', 'chain.verify', 'probe.run'] as const;

/** Largest file a page accepts by drag and drop (the HTTP host takes 1 MiB of JSON). */
export const maxUploadBytes = 512 * 1024;
