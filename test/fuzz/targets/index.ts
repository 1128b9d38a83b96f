// Every fuzz target, built over one set of seed files.
import type { FuzzTarget } from '../harness';
import type { Seed } from '../seeds';
import { asn1Target, detectTarget } from './binary';
import { storeTargets } from './keystore';
import { obfTarget, yamlTarget } from './text';

export function allTargets(seeds: Seed[]): FuzzTarget<never>[] {
  return [
    ...storeTargets(seeds),
    asn1Target(seeds),
    detectTarget(seeds),
    yamlTarget(),
    obfTarget(),
  ] as unknown as FuzzTarget<never>[];
}
