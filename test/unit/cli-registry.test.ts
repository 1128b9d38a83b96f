import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands } from '../../electron/cli/commands/index';
import { runCli } from '../../electron/cli/main';

test('each registry summary is the one its command module declares', async () => {
  for (const entry of commands) {
    const command = await entry.load();
    assert.equal(command.name, entry.name);
    assert.equal(entry.summary, command.summary, `summary of '${entry.name}' drifted`);
  }
});

test('rwsec --help lists every command; an unknown command exits 2 with the usage', async () => {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), env: {} };
  assert.equal(await runCli(['--help'], io), 0);
  for (const entry of commands) assert.match(out, new RegExp(`\\b${entry.name}\\b`));
  assert.equal(await runCli(['frobnicate'], io), 2);
  assert.match(err, /unknown command 'frobnicate'/);
});
