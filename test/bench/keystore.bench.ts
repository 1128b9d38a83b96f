// Reading Debian's JDK cacerts (JKS, ~144 trusted certificates) in-process; goal <= 50 ms.
import { existsSync, readFileSync } from 'node:fs';
import { readKeystore } from '../../electron/services/keystore/read';
import { median, type BenchFigure } from './figure';

const CACERTS = '/etc/ssl/certs/java/cacerts';

export async function run(): Promise<BenchFigure[]> {
  if (!existsSync(CACERTS)) {
    console.log(`keystore bench: ${CACERTS} is missing; skipped`);
    return [];
  }
  const bytes = readFileSync(CACERTS);
  const count = readKeystore(bytes, { password: 'changeit' }).entries.length;
  // A few warm-up reads so the figure is the steady state of a running app, not JIT start-up.
  for (let i = 0; i < 3; i++) readKeystore(bytes, { password: 'changeit' });
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    readKeystore(bytes, { password: 'changeit' });
    times.push(performance.now() - start);
  }
  return [
    {
      name: `read JDK cacerts (${count} entries), in-process`,
      value: Math.round(median(times) * 10) / 10,
      unit: 'ms',
      goal: 50,
      better: 'lower',
      method:
        'after 3 warm-up reads, median of 20 runs of readKeystore on /etc/ssl/certs/java/cacerts (password checked)',
    },
  ];
}
