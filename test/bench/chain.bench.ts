// Chain figures: loading the JDK cacerts as a trust source, verifying a 3-link chain against it
// plus a private root, and a full local probe (TCP + TLS handshake + verdicts).
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:tls';
import {
  jdkCacertsPath,
  loadJdkCacerts,
  trustSourceOf,
} from '../../electron/services/chain/trust-source';
import { verifyChain } from '../../electron/services/chain/verify';
import { probeEndpoint } from '../../electron/services/probe/probe-endpoint';
import { makeTestPki } from '../helpers/chain-pki';
import { median, type BenchFigure } from './figure';

async function timed(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const pki = await makeTestPki();
  const root = trustSourceOf('root', [pki.root.cert]);
  if (jdkCacertsPath()) {
    const load = await timed(10, () => loadJdkCacerts());
    figures.push({
      name: 'chain: load JDK cacerts as trust source',
      value: load,
      unit: 'ms',
      goal: 100,
      better: 'lower',
      method: 'median of 10 loads',
    });
    const cacerts = loadJdkCacerts();
    const verify = await timed(50, () =>
      verifyChain({
        certificates: [pki.good.cert, pki.intermediate.cert],
        leafFirst: true,
        trust: [cacerts, root],
        host: 'localhost',
      }),
    );
    figures.push({
      name: 'chain: verify 3-link chain (cacerts + private root)',
      value: verify,
      unit: 'ms',
      goal: 50,
      better: 'lower',
      method: 'median of 50 runs',
    });
  }
  const server = createServer(
    { key: pki.good.keyPem, cert: pki.good.certPem + pki.intermediate.certPem },
    (s) => s.end(),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const probe = await timed(20, () =>
    probeEndpoint({ host: '127.0.0.1', port, servername: 'localhost', trust: [root] }),
  );
  server.close();
  figures.push({
    name: 'probe: local TLS endpoint, connect + judge',
    value: probe,
    unit: 'ms',
    goal: 200,
    better: 'lower',
    method: 'median of 20 probes on 127.0.0.1',
  });
  return figures;
}
