// Every command declares its options once; help, parsing, usage errors and dispatch come from
// that declaration. These tests walk the real registry (every command, every subcommand), so a
// command that parses or documents an option on its own side fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commands } from '../../electron/cli/commands/index';
import { runCli } from '../../electron/cli/main';
import type { CliCommand, LeafCommand } from '../../electron/cli/cli-spec';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { out: (t: string) => (out += t), err: (t: string) => (err += t), env: {} },
    out: () => out,
    err: () => err,
  };
}

async function leaves(): Promise<LeafCommand[]> {
  const found: LeafCommand[] = [];
  const walk = (cmd: CliCommand): void => {
    if (cmd.kind === 'leaf') found.push(cmd);
    else cmd.subcommands.forEach(walk);
  };
  for (const entry of commands) walk(await entry.load());
  return found;
}

describe('help derived from the declaration', () => {
  it('`rwsec CMD --help` shows every declared option of every command and subcommand', async () => {
    const all = await leaves();
    assert.ok(all.length >= 25, `only ${all.length} commands found`);
    for (const cmd of all) {
      const c = capture();
      assert.equal(await runCli([...cmd.name.split(' '), '--help'], c.io), 0, cmd.name);
      const help = c.out();
      assert.match(help, new RegExp(`^Usage: rwsec ${cmd.name}\\b`), cmd.name);
      for (const [name, spec] of Object.entries(cmd.options)) {
        if (spec.hidden) continue;
        assert.ok(help.includes(`--${name}`), `${cmd.name} --help lacks --${name}`);
        if (spec.short) assert.ok(help.includes(`-${spec.short}, --${name}`), name);
      }
    }
  });

  it('a secret option says it shows in `ps`, and names its -env companion', async () => {
    const c = capture();
    await runCli(['keystore', 'delete', '--help'], c.io);
    assert.match(c.out(), /--storepass P\s+store password\n\s+\(visible to other users in `ps`/);
    assert.match(c.out(), /--storepass-env NAME\s+read it from environment variable NAME/);
  });

  it('a group lists its subcommands with their summaries; `rwsec help CMD SUB` is `CMD SUB --help`', async () => {
    const group = capture();
    assert.equal(await runCli(['fleet', '--help'], group.io), 0);
    assert.match(group.out(), /^Usage: rwsec fleet <subcommand>/);
    for (const sub of ['status', 'set', 'push-kit'])
      assert.match(group.out(), new RegExp(`\\n  ${sub}\\s+\\S`));
    const viaHelp = capture();
    const direct = capture();
    assert.equal(await runCli(['help', 'kit', 'trust'], viaHelp.io), 0);
    await runCli(['kit', 'trust', '--help'], direct.io);
    assert.equal(viaHelp.out(), direct.out());
    assert.match(direct.out(), /--target config-server\|webdav\|rcs\|speechminer/);
  });
});

describe('usage errors: exit 2, the option named, the usage line shown', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown option', ['validate', 'a.yaml', '--jsn'], /rwsec validate: unknown option --jsn\./],
    ['unknown short option', ['fleet', 'status', '-x'], /rwsec fleet status: unknown option -x\./],
    ['missing required', ['keystore', 'delete', 'k.p12'], /--alias A is required\./],
    ['missing value', ['keystore', 'delete', 'k.p12', '--alias'], /--alias needs a value/],
    [
      'required in a group',
      ['fleet', 'status'],
      /rwsec fleet status: --inventory FILE is required/,
    ],
    ['flag with a value', ['get', 'f', 'p', '--json=yes'], /--json takes no value/],
    ['not a number', ['fleet', 'status', '-i', 'h', '--forks', 'ten'], /--forks must be a whole/],
    ['out of range', ['serve', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
    ['not a choice', ['kit', 'trust', '--target', 'x', '--out', 'o'], /--target must be one of/],
    ['argument count', ['get', 'only-file'], /rwsec get: expected FILE PATH \(got 1 argument\)/],
    ['no argument taken', ['schema', 'extra'], /rwsec schema: takes no argument/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const c = capture();
      assert.equal(await runCli(argv, c.io), 2, c.err());
      assert.match(c.err(), message);
      const name = argv[0] === 'keystore' || argv[0] === 'fleet' || argv[0] === 'kit';
      const shown = name ? `${argv[0]} ${argv[1]}` : argv[0];
      assert.match(c.err(), new RegExp(`\\nUsage: rwsec ${shown}\\b`), c.err());
      assert.equal(c.out(), '', 'nothing on stdout');
    });
  }

  it('a secret value is never repeated in a message', async () => {
    const c = capture();
    // --storepass is secret; a bad --days after it must not echo it, nor must any error.
    await runCli(
      ['keystore', 'selfsigned', 's.p12', '--storepass', 'Hunter2-secret', '--days', 'x'],
      c.io,
    );
    assert.match(c.err(), /--days must be a whole number/);
    assert.doesNotMatch(c.err(), /Hunter2-secret/);
  });

  it('an unknown subcommand exits 2 and lists the subcommands', async () => {
    const c = capture();
    assert.equal(await runCli(['keystore', 'lsit'], c.io), 2);
    assert.match(c.err(), /rwsec keystore: unknown subcommand 'lsit'; choose one of: list, /);
    const none = capture();
    assert.equal(await runCli(['kit'], none.io), 2);
    assert.match(
      none.err(),
      /rwsec kit: a subcommand is needed; choose one of: https, cassandra, trust/,
    );
  });

  it('`--` ends the options: what follows is an argument, even --help', async () => {
    const c = capture();
    // obf encodes its one argument; "--help" after "--" is that argument, not a help request.
    assert.equal(await runCli(['obf', '--', '--help'], c.io), 0, c.err());
    assert.match(c.out(), /^OBF:/);
  });
});
