// `rwsec fleet set`: the same change on every node, reviewed (per-node diff) before any is written.
import { createInterface } from 'node:readline';
import type { Diagnostic } from '../../../../shared/diagnostics';
import {
  applyPlans,
  planNode,
  type NodePlan,
  type NodeResult,
} from '../../../services/fleet/fleet-set';
import { readFleetNodes } from '../../../services/fleet/fleet-status';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo } from '../../command';
import { defineCommand, type OptionSpecs, type ParsedValues } from '../../cli-spec';
import { UsageError } from '../../cli-parse';
import { SecretInputError } from '../../secret-input';
import { isSecretPath, parseEdits, resolveAssignments } from '../set-edits';
import { jsonDiagnostic } from '../validate';
import { hostsFrom, withSession } from './fleet-common';
import { fleetOptions, forksFrom, transportHelp } from './fleet-options';
import { terminalSafeIo } from '../../terminal-io';

const setOptions = {
  ...fleetOptions,
  unset: {
    type: 'string',
    arg: 'PATH',
    repeatable: true,
    help: 'remove the key at PATH (repeatable)',
  },
  'value-env': {
    type: 'string',
    arg: 'PATH=NAME',
    repeatable: true,
    help: 'the value of PATH from environment variable NAME (repeatable)',
  },
  yes: { type: 'boolean', short: 'y', help: 'write without asking' },
  force: { type: 'boolean', help: 'write even if the change adds validation errors' },
  'ansible-playbook': {
    type: 'string',
    arg: 'OUT',
    help: [
      'connect only to read; write OUT/playbook.yml and the per-node files',
      'for `ansible-playbook -i INVENTORY OUT/playbook.yml` to make the',
      'same change (OUT holds the new files, secrets included: protect',
      'it like the files themselves)',
    ],
  },
} as const satisfies OptionSpecs;

export const fleetSetCommand = defineCommand({
  name: 'fleet set',
  summary: 'the same change on every node, reviewed (a diff per node) before any is written',
  usage: [
    '-i INVENTORY PATH=VALUE... [--unset PATH] [--value-env PATH=NAME] [--limit PATTERN] [--yes] [--force] [--json] [--ansible-playbook OUT]',
  ],
  args: { usage: 'PATH=VALUE...', min: 0, max: Infinity },
  options: setOptions,
  description: [
    "Makes the same change in every node's application.yaml, each node's own file edited as",
    '`rwsec set` edits one (comments and unrelated differences kept). Every node is read, edited',
    'and validated with its own files before any is written; a diff per node is shown and',
    'confirmed (--yes skips the question). A change that adds an error on any node is refused',
    'unless --force. Nodes are then written one by one in inventory order with the safe save done',
    'on the node (temp file beside the file, fsync, rename, mode and owner kept, the previous',
    'version in .rwsec-backups/ there; refused if the file changed since it was read). The first',
    'failure stops the run, and the report says which nodes hold the new file and which the old.',
    '',
    'Secrets: PATH=- asks on a terminal, --value-env PATH=NAME reads environment variable NAME;',
    'secret values never appear in output, diffs, JSON or the command line of any process.',
  ],
  epilogue: [
    ...transportHelp,
    '',
    'Exit status: 0 written (or nothing to change); 1 refused (bad value, new errors, not',
    'confirmed, a file changed on a node: the report says which nodes were written); 2 a node',
    'could not be reached or read (nothing written), or a bad inventory/option.',
  ],
  // Node names, remote files, ssh errors and certificates reach the terminal: made safe.
  run: ({ values, args, io }) => runSet(values, args, terminalSafeIo(io, values.json === true)),
});

type SetValues = ParsedValues<typeof setOptions>;

function confirm(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    rl.question(question, (answer) => {
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
  });
}

function format(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

function describeResult(r: NodeResult): string {
  const holds = {
    new: 'holds the new file',
    old: 'holds the old file',
    other: 'holds a file changed there by someone else',
    unknown: 'could not be checked (its file is the old or the new one, never partial)',
  }[r.holds];
  if (r.outcome === 'written')
    return `${r.name}: written, ${holds}; previous version kept as ${r.backup ?? '?'}`;
  if (r.outcome === 'unchanged') return `${r.name}: already as requested, not written`;
  if (r.outcome === 'not-attempted')
    return `${r.name}: not attempted (an earlier node failed), ${holds}`;
  return `${r.name}: FAILED: ${r.error ?? ''}; ${holds}`;
}

async function runSet(values: SetValues, positionals: string[], io: CliIo): Promise<number> {
  const { unset, json } = values;
  const fromEnv = values['value-env'];
  if (positionals.length === 0 && unset.length === 0 && fromEnv.length === 0) {
    throw new UsageError('expected at least one PATH=VALUE, --value-env PATH=NAME or --unset PATH');
  }
  const playbook = values['ansible-playbook'];
  const hosts = await hostsFrom(values);
  let resolved;
  try {
    resolved = await resolveAssignments(positionals, fromEnv, io);
  } catch (error) {
    if (!(error instanceof SecretInputError)) throw error;
    resolved = { error: error.message };
  }
  if ('error' in resolved) throw new UsageError(`${resolved.error}; no node changed`);
  const { assignments } = resolved;
  for (const path of resolved.inline) {
    io.err(
      `rwsec fleet set: warning: the value of ${path} on the command line is visible to other users in \`ps\`; prefer ${path}=- or --value-env ${path}=NAME\n`,
    );
  }
  const secrets = assignments
    .filter((a) => isSecretPath(a.slice(0, Math.max(0, a.indexOf('='))).trim()))
    .map((a) => a.slice(a.indexOf('=') + 1));
  const out = (text: string) => {
    if (!json) io.out(text);
  };
  const report = (result: Record<string, unknown>) => {
    if (json) io.out(JSON.stringify(result, null, 2) + '\n');
  };

  return withSession(async (session) => {
    const nodes = await readFleetNodes(session, hosts, { forks: forksFrom(values) });
    const unread = nodes.filter((n) => n.doc === undefined);
    if (unread.length > 0) {
      for (const n of unread) io.err(`rwsec fleet set: ${n.error ?? `${n.host.name}: not read`}\n`);
      io.err(
        `rwsec fleet set: ${unread.length} of ${nodes.length} nodes could not be read; no node changed\n`,
      );
      report({
        written: false,
        reason: 'unreadable',
        nodes: nodes.map((n) => ({
          name: n.host.name,
          reachable: n.reachable,
          ...(n.error ? { error: n.error } : {}),
        })),
      });
      return EXIT_UNREADABLE;
    }
    const plans: NodePlan[] = [];
    for (const node of nodes) {
      plans.push(
        await planNode(
          node,
          (doc) => {
            const parsed = parseEdits(doc, assignments, unset);
            return 'error' in parsed ? parsed : parsed.edits;
          },
          secrets,
        ),
      );
    }
    const planJson = plans.map((p) => ({
      name: p.node.host.name,
      config: p.node.host.config,
      unchanged: p.unchanged,
      diff: p.diff,
      addedErrors: p.added.map(jsonDiagnostic),
      ...(p.error ? { error: p.error } : {}),
    }));
    const broken = plans.filter((p) => p.error !== undefined);
    if (broken.length > 0) {
      for (const p of broken) io.err(`rwsec fleet set: ${p.node.host.name}: ${p.error}\n`);
      io.err('rwsec fleet set: the change cannot be made on every node; no node changed\n');
      report({ written: false, reason: 'refused', plan: planJson });
      return EXIT_FINDINGS;
    }
    for (const p of plans) {
      out(p.unchanged ? `== ${p.node.host.name}: already as requested\n` : `${p.diff}`);
    }
    const adding = plans.filter((p) => p.added.length > 0);
    for (const p of adding)
      for (const d of p.added)
        io.err(format(`${p.node.host.name}:${p.node.host.config}`, d) + '\n');
    if (adding.length > 0 && !values.force) {
      io.err(
        `rwsec fleet set: the change adds errors on ${adding.map((p) => p.node.host.name).join(', ')}; no node changed (use --force to write anyway)\n`,
      );
      report({ written: false, reason: 'new-errors', plan: planJson });
      return EXIT_FINDINGS;
    }
    const changing = plans.filter((p) => !p.unchanged);
    if (playbook !== undefined) {
      const { writeAnsibleExport } = await import('../../../services/fleet/ansible-export');
      const written = await writeAnsibleExport(playbook, plans);
      out(
        `wrote ${written.playbook} and ${written.files.length} node files (they hold secrets: protect ${playbook} like the configs); no node changed\n`,
      );
      report({ written: false, playbook: written.playbook, files: written.files, plan: planJson });
      return EXIT_OK;
    }
    if (changing.length === 0) {
      out('every node is already as requested; nothing to write\n');
      report({ written: false, reason: 'unchanged', plan: planJson, results: [] });
      return EXIT_OK;
    }
    if (!values.yes) {
      if (!process.stdin.isTTY) {
        io.err(
          'rwsec fleet set: not confirmed (no terminal to ask): review the diffs and add --yes; no node changed\n',
        );
        report({ written: false, reason: 'not-confirmed', plan: planJson });
        return EXIT_FINDINGS;
      }
      if (!(await confirm(`Write ${changing.length} of ${plans.length} nodes? [y/N] `))) {
        io.err('rwsec fleet set: not confirmed; no node changed\n');
        return EXIT_FINDINGS;
      }
    }
    const results = await applyPlans(session, plans, {
      forks: forksFrom(values),
      onNode: (r, i, total) => out(`[${i + 1}/${total}] ${describeResult(r)}\n`),
    });
    const failed = results.find((r) => r.outcome === 'failed');
    if (failed) {
      const have = results.filter((r) => r.holds === 'new').map((r) => r.name);
      const old = results.filter((r) => r.holds === 'old').map((r) => r.name);
      io.err(`rwsec fleet set: stopped at ${failed.name}: ${failed.error ?? ''}\n`);
      io.err(
        `rwsec fleet set: new file on: ${have.join(', ') || 'none'}; old file on: ${old.join(', ') || 'none'}${
          results.some((r) => r.holds === 'unknown')
            ? `; not checked: ${results
                .filter((r) => r.holds === 'unknown')
                .map((r) => r.name)
                .join(', ')}`
            : ''
        }\n`,
      );
    }
    report({ written: !failed, plan: planJson, results });
    return failed
      ? failed.error && /unreachable|host key|login refused/.test(failed.error)
        ? EXIT_UNREADABLE
        : EXIT_FINDINGS
      : EXIT_OK;
  });
}
