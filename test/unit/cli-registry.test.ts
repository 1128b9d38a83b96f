import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commands } from '../../electron/cli/commands/index';
import { runCli } from '../../electron/cli/main';

test('each registry entry loads the command of its name (summaries live only in the registry)', async () => {
  for (const entry of commands) {
    const command = await entry.load();
    assert.equal(command.name, entry.name);
    assert.ok(entry.summary.length > 0);
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

test('`CMD SUB --help` shows that subcommand; `CMD --help` the command overview', async () => {
  const capture = async (argv: string[]) => {
    let out = '';
    const code = await runCli(argv, { out: (t) => (out += t), err: () => undefined, env: {} });
    return { code, out };
  };
  const importHelp = await capture(['keystore', 'import', '--help']);
  assert.equal(importHelp.code, 0);
  assert.match(importHelp.out, /^Usage: rwsec keystore import /);
  assert.doesNotMatch(importHelp.out, /rwsec keystore selfsigned/);
  const httpsHelp = await capture(['kit', 'https', '--help']);
  assert.match(httpsHelp.out, /rwsec kit https/);
  assert.doesNotMatch(httpsHelp.out, /rwsec kit cassandra --nodes/);
  const validateHelp = await capture(['validate', 'some.yaml', '--help']);
  assert.match(validateHelp.out, /^Usage: rwsec validate FILE/);
});
