// Names of the Fleet page's channels (fleet-contract.ts holds their schemas; no zod here).
export const fleetChannelNames = [
  'fleet.state',
  'fleet.open',
  'fleet.refresh',
  'fleet.close',
  'fleet.plan',
  'fleet.apply',
  'fleet.discard',
  'fleet.edit',
  'fleet.pick',
  'certs.fleet',
] as const;
