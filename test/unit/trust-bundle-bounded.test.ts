// A 10,000-certificate bundle named as caCertificate gives a bounded diagnostic: one finding that
// summarises the expired certificates and one that says the bundle holds more than one CA, each
// naming a few certificates and the count, not 10,000 findings or a 90 KB line. (How long it takes
// is a figure for the bench, not a test.)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { issue } from '../helpers/chain-pki';
import { rwsecSync } from '../helpers/rwsec-run';

const DAY = 86_400_000;
let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-bundle-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Finding {
  rule: string;
  path: string;
  message: string;
}

async function bundleConfig(copies: number, expired: boolean): Promise<string> {
  const now = Date.now();
  const ca = await issue({
    subject: 'CN=Bundled CA',
    ca: true,
    ...(expired ? { notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - DAY) } : {}),
  });
  const bundle = join(dir, `bundle-${copies}.pem`);
  writeFileSync(bundle, ca.certPem.repeat(copies));
  const config = join(dir, `app-${copies}.yaml`);
  writeFileSync(config, `serverSettings:\n  caCertificate: ${bundle}\n`);
  return config;
}

function findings(config: string): Finding[] {
  const r = rwsecSync(['validate', config, '--json'], { timeoutMs: 300_000 });
  assert.ok(r.code === 1 || r.code === 0, r.err);
  const out = JSON.parse(r.out) as { diagnostics: Finding[] };
  return out.diagnostics.filter((d) => d.path === 'serverSettings.caCertificate');
}

test('10,000 expired certificates: one summarising finding per rule, each line bounded', async () => {
  const list = findings(await bundleConfig(10_000, true));
  assert.deepEqual(list.map((d) => d.rule).sort(), [
    'ca-certificate-several',
    'trust-certificate-expired',
  ]);
  for (const d of list) {
    assert.ok(d.message.length < 1_000, `${d.rule}: ${d.message.length} characters`);
    assert.match(d.message, /10,000/);
    assert.match(d.message, /and 9,995 more/);
  }
});

test('a few expired certificates are still reported one by one', async () => {
  const list = findings(await bundleConfig(2, true));
  assert.deepEqual(
    list.filter((d) => d.rule === 'trust-certificate-expired').map((d) => d.message.length > 0),
    [true, true],
  );
});
