// The CI slice of `npm run fuzz`: every parser gets a few thousand damaged real files (and random
// bytes/text) under a fixed fast-check seed, about 30 s in all. Each input must parse or end in the
// parser's typed error with a clear message, within 2 s. A failure prints the seed, the replay
// path and the input as base64: keep it as a regression test (test/unit/regressions-*.test.ts).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fuzz, type FuzzTarget } from '../fuzz/harness';
import { makeSeeds, type SeedSet } from '../fuzz/seeds';
import { allTargets } from '../fuzz/targets';

const SEED = 20_260_108;
/** Inputs per target: sized so that the whole smoke run stays well under 60 s on 2 cores. */
const RUNS: Record<string, number> = {
  jks: 4000,
  jceks: 4000,
  pkcs12: 1500,
  pem: 4000,
  'der-x509': 4000,
  pkcs7: 3000,
  asn1: 5000,
  'detect-format': 5000,
  'yaml-document': 1200,
  obf: 5000,
};

let seedSet: SeedSet;
let targets: Map<string, FuzzTarget<never>>;

before(async () => {
  seedSet = await makeSeeds();
  targets = new Map(allTargets(seedSet.seeds).map((t) => [t.name, t]));
});

for (const [name, numRuns] of Object.entries(RUNS)) {
  test(`fuzz smoke: ${name} (${numRuns} inputs, seed ${SEED})`, async (t) => {
    const target = targets.get(name);
    if (!target) {
      t.skip(`no seed files for ${name} here (missing: ${seedSet.missing.join(', ') || 'none'})`);
      return;
    }
    // The time limit only guards a slow machine; the count actually run is asserted below.
    const report = await fuzz(target, { numRuns, seed: SEED, timeLimitMs: 15_000 });
    t.diagnostic(
      `${report.runs} inputs in ${report.ms} ms, slowest ${report.slowestMs} ms: ${JSON.stringify(report.outcomes)}`,
    );
    assert.equal(report.failure, undefined, report.failure);
    assert.ok(report.runs >= Math.min(numRuns, 200), `only ${report.runs} inputs ran`);
    // The seeds must reach the parsers' success path too, not only their first length check.
    if (name !== 'detect-format') assert.ok(Object.keys(report.outcomes).length >= 2);
  });
}
