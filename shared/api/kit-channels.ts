// Names of the kit, secret and connection-map channels (contract-kits.ts holds their schemas).
export const kitChannelNames = [
  'kit.https.plan',
  'kit.https.run',
  'kit.cassandra.plan',
  'kit.cassandra.run',
  'kit.trust.probe',
  'kit.trust.plan',
  'kit.trust.run',
  'kit.verify.store',
  'kit.verify.endpoint',
  'secret.obf',
  'secret.crypt',
  'map.state',
] as const;
