// The Fleet page's progress is the host's own count of nodes done, not a guess: with one node's
// sshd frozen (SIGSTOP of the listener and its session processes), a read stands at "2 of 3", and
// a write stands at "uploading 2 of 3" with every node still holding its old file; once the node
// runs again the same work finishes, each step counted up to its total. Real sshd nodes, the
// app's FleetWorkspace (what the Fleet page's channels call).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FleetState } from '../../shared/api/fleet-contract';
import { RwsDocument } from '../../shared/yaml/document';
import { FleetWorkspace } from '../../electron/services/session/fleet-workspace';
import { nodeMaterial, populateNode } from '../helpers/fleet-nodes';
import {
  childPids,
  fleetSkipReason,
  startFleet,
  type Fleet,
  type FleetNode,
} from '../helpers/ssh-fleet';

const skip = fleetSkipReason();
if (skip) console.log(`# skipped: ${skip}`);

type Activity = NonNullable<FleetState['activity']>;

/** The node's sshd and every process under it (its connections, shells, sftp servers). */
function sshdTree(node: FleetNode): number[] {
  const pid = node.process?.pid;
  if (!pid) throw new Error(`${node.name}: sshd not running`);
  const all: number[] = [];
  const walk = (p: number) => {
    all.push(p);
    for (const child of childPids(p)) walk(child);
  };
  walk(pid);
  return all;
}

function signal(node: FleetNode, sig: 'SIGSTOP' | 'SIGCONT'): void {
  for (const pid of sshdTree(node)) {
    try {
      process.kill(pid, sig);
    } catch {
      // ended meanwhile
    }
  }
}

/**
 * `seen` ("kind done/total", polled) holds the steps in this order, and within each step the
 * count only grows, never past its total. Polling can miss a state, never invent one.
 */
function assertCountsUp(seen: string[], order: string[]): void {
  const steps = seen
    .filter((s) => s !== 'idle')
    .map((s) => {
      const [kind, count] = s.split(' ') as [string, string];
      const [done, total] = count.split('/').map(Number) as [number, number];
      return { kind, done, total };
    });
  const kinds = steps.map((s) => s.kind).filter((k, i, all) => k !== all[i - 1]);
  assert.deepEqual(kinds, order, seen.join(', '));
  steps.forEach((s, i) => {
    assert.ok(s.done <= s.total, seen.join(', '));
    const prev = steps[i - 1];
    if (prev?.kind === s.kind) assert.ok(s.done >= prev.done, seen.join(', '));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Fleet page progress: nodes done / total, counted by the host', { skip }, () => {
  let fleet: Fleet;
  let workspace: FleetWorkspace;
  /** Every distinct activity seen while polling, in order. */
  let seen: string[] = [];

  const watch = (a: Activity | null) => {
    const text = a ? `${a.kind} ${a.done}/${a.total}` : 'idle';
    if (seen.at(-1) !== text) seen.push(text);
  };
  /** Polls the state (as the page does, but often) until `until` holds. */
  const pollUntil = async (until: (s: FleetState) => boolean, what: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const s = workspace.state();
      watch(s.activity);
      if (until(s)) return s;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${seen.join(', ')}`);
      await pause(5);
    }
  };
  const idle = () => pollUntil((s) => s.activity === null, 'the work to finish');
  const at = (kind: Activity['kind'], done: number, total: number) => (s: FleetState) =>
    s.activity?.kind === kind && s.activity.done === done && s.activity.total === total;

  before(async () => {
    fleet = await startFleet({
      nodes: 3,
      firstAddress: 51,
      populate: populateNode(await nodeMaterial()),
    });
    workspace = new FleetWorkspace();
    await workspace.open(await fleet.writeInventory(), undefined);
    await idle();
    assert.deepEqual(
      workspace.state().nodes.map((n) => n.reachable),
      [true, true, true],
    );
  });
  after(async () => {
    try {
      for (const n of fleet?.nodes ?? []) if (n.process) signal(n, 'SIGCONT');
      // A failed test may leave work running: close() refuses while it does.
      if (workspace) await idle().then(() => workspace.close());
    } finally {
      await fleet?.stop();
    }
  });

  test('reading: a frozen node keeps the count at 2 of 3 until it answers', async () => {
    const frozen = fleet.nodes[2]!;
    const before = workspace.state().nodes[2]!.readAt;
    seen = [];
    signal(frozen, 'SIGSTOP');
    try {
      workspace.refresh();
      await pollUntil(at('reading', 2, 3), 'two nodes read');
      await pause(400);
      assert.ok(at('reading', 2, 3)(workspace.state()), 'the frozen node is not counted');
    } finally {
      signal(frozen, 'SIGCONT');
    }
    await idle();
    assertCountsUp(seen, ['reading']);
    const after = workspace.state().nodes[2]!;
    assert.ok(after.reachable && after.readAt > before, 'the frozen node was read once it ran');
  });

  test('writing: uploads counted as they finish, nothing replaced meanwhile; then the switches', async () => {
    const port = (n: FleetNode) =>
      RwsDocument.parse(readFileSync(n.config, 'utf8')).get('ssl.port');
    const old = fleet.nodes.map(port);
    workspace.plan([{ path: 'ssl.port', value: '9444' }]);
    const planned = await idle();
    assert.ok(planned.plan, planned.error ?? 'no plan');
    assert.equal(planned.plan.nodes.filter((n) => !n.unchanged).length, 3);

    const frozen = fleet.nodes[2]!;
    seen = [];
    signal(frozen, 'SIGSTOP');
    try {
      workspace.apply(planned.plan.id, false);
      await pollUntil(at('uploading', 2, 3), 'two uploads');
      await pause(400);
      const waiting = workspace.state();
      assert.ok(at('uploading', 2, 3)(waiting), 'the frozen node is not counted');
      assert.deepEqual(waiting.results, [], 'no node switched while uploads run');
      assert.deepEqual(fleet.nodes.map(port), old, 'every node still holds its old file');
    } finally {
      signal(frozen, 'SIGCONT');
    }
    const done = await idle();
    assert.equal(done.error, null);
    assert.deepEqual(
      done.results?.map((r) => `${r.name} ${r.outcome}`),
      ['rws-1 written', 'rws-2 written', 'rws-3 written'],
    );
    assert.deepEqual(fleet.nodes.map(port), [9444, 9444, 9444]);
    // The steps in order (uploads, switches, the read that follows), each counting up.
    assertCountsUp(seen, ['uploading', 'writing', 'reading']);
  });
});
