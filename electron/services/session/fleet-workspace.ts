// The app's fleet: one open inventory, its nodes' status and drift, and one change planned on
// every node then written node by node, through the same services as `rwsec fleet status|set`.
// Reading and writing run in the background; `state()` reports their progress (nodes done /
// total), so the page can poll it while a long run goes on.
import { randomBytes } from 'node:crypto';
import type { FleetState } from '../../../shared/api/fleet-contract';
import { isSecretPath } from '../../../shared/catalog/secret-paths';
import { UserFacingError } from '../../../shared/user-error';
import type { DocumentEdit, RwsDocument } from '../../../shared/yaml/document';
import { parseTypedValue } from '../../../shared/yaml/typed-value';
import { findOption } from '../../../shared/catalog/options';
import { computeDrift } from '../fleet/drift';
import { applyPlans, planNode, type NodePlan } from '../fleet/fleet-set';
import { nodeStatus, readFleetNodes } from '../fleet/fleet-status';
import { readFleet, type FleetHost } from '../fleet/inventory';
import type { NodeRead } from '../fleet/node-read';
import { IdleSsh } from './idle-ssh';

type Activity = NonNullable<FleetState['activity']>;
/** Progress of the running work: which step, and nodes done of the step's total. */
type Report = (kind: Activity['kind'], done: number, total: number) => void;

/** Text values typed as `rwsec fleet set` types them: by the catalog, else the node's value. */
function typedEdits(doc: RwsDocument, edits: DocumentEdit[]): DocumentEdit[] | { error: string } {
  const out: DocumentEdit[] = [];
  for (const edit of edits) {
    if (!('value' in edit) || typeof edit.value !== 'string') {
      out.push(edit);
      continue;
    }
    const typed = parseTypedValue(edit.value, findOption(edit.path)?.type, doc.get(edit.path));
    if (!typed.ok) {
      return {
        error: `${edit.path}: ${isSecretPath(edit.path) ? 'invalid value' : typed.message}`,
      };
    }
    out.push({ path: edit.path, value: typed.value });
  }
  return out;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class FleetWorkspace {
  readonly ssh = new IdleSsh();
  private hosts: FleetHost[] = [];
  private current: FleetState = FleetWorkspace.empty();
  private plans: NodePlan[] = [];
  /** The last read of every node: the table and the drift are made from these. */
  private reads: NodeRead[] = [];
  /** Nodes saved from the editor while other fleet work ran: read again once it is done. */
  private savedWhileBusy = new Set<string>();

  private static empty(): FleetState {
    const none = { inventory: null, limit: null, nodes: [], drift: [] };
    return { ...none, activity: null, plan: null, results: null, error: null };
  }

  state(): FleetState {
    return structuredClone(this.current);
  }

  /** The open inventory's hosts (for the editor and the certificate inventory). */
  openHosts(): readonly FleetHost[] {
    return this.hosts;
  }

  host(name: string): FleetHost {
    const host = this.hosts.find((h) => h.name === name);
    if (!host) {
      throw new UserFacingError('bad-request', `${name} is not a node of the open inventory`);
    }
    return host;
  }

  async open(inventory: string, limit?: string): Promise<FleetState> {
    this.requireIdle();
    // A bad inventory is an InventoryError: a user-facing error the door shows as it is.
    const hosts = await readFleet(inventory, limit?.trim() || undefined);
    await this.ssh.close();
    this.hosts = hosts;
    this.plans = [];
    this.reads = [];
    this.savedWhileBusy.clear();
    this.current = { ...FleetWorkspace.empty(), inventory, limit: limit?.trim() || null };
    return this.refresh();
  }

  refresh(): FleetState {
    this.requireOpen();
    this.requireIdle();
    this.run('reading', async (report) => {
      await this.readAll(report);
    });
    return this.state();
  }

  async close(): Promise<FleetState> {
    this.requireIdle();
    await this.ssh.close();
    this.hosts = [];
    this.plans = [];
    this.reads = [];
    this.savedWhileBusy.clear();
    this.current = FleetWorkspace.empty();
    return this.state();
  }

  /** Reads every node again and plans `edits` on each; nothing is written. */
  plan(edits: DocumentEdit[]): FleetState {
    this.requireOpen();
    this.requireIdle();
    this.discard();
    const secrets = edits.flatMap((e) =>
      'value' in e && isSecretPath(e.path) && e.value != null ? [String(e.value)] : [],
    );
    // Every node is read again first: the plan starts from what the nodes hold now.
    this.run('reading', async (report) => {
      const reads = await this.readAll(report);
      const unread = reads.filter((n) => n.doc === undefined);
      if (unread.length > 0) {
        throw new Error(
          `${unread.length} of ${reads.length} nodes could not be read (${unread.map((n) => n.host.name).join(', ')}); nothing was planned`,
        );
      }
      this.plans = [];
      report('planning', 0, reads.length);
      for (const node of reads) {
        this.plans.push(await planNode(node, (doc) => typedEdits(doc, edits), secrets));
        report('planning', this.plans.length, reads.length);
      }
      this.current.plan = {
        id: randomBytes(8).toString('hex'),
        paths: edits.map((e) => e.path),
        nodes: this.plans.map((p) => ({
          name: p.node.host.name,
          config: p.node.host.config as string,
          unchanged: p.unchanged,
          diff: p.diff,
          addedErrors: p.added,
          ...(p.error !== undefined ? { error: p.error } : {}),
        })),
      };
    });
    return this.state();
  }

  /** Writes the reviewed plan node by node, then reads every node again. */
  apply(planId: string, force: boolean): FleetState {
    this.requireIdle();
    const plan = this.current.plan;
    if (!plan || plan.id !== planId) {
      throw new UserFacingError('bad-request', 'That change is no longer planned: review it again');
    }
    const broken = this.plans.filter((p) => p.error !== undefined);
    if (broken.length > 0) {
      throw new UserFacingError(
        'refused',
        `The change cannot be made on ${broken.map((p) => p.node.host.name).join(', ')}; no node was written`,
      );
    }
    const adding = this.plans.filter((p) => p.added.length > 0);
    if (adding.length > 0 && !force) {
      throw new UserFacingError(
        'refused',
        `The change adds errors on ${adding.map((p) => p.node.host.name).join(', ')}; no node was written (write anyway to accept them)`,
      );
    }
    const plans = this.plans;
    const changing = plans.filter((p) => !p.unchanged).length;
    this.current.results = [];
    // First every new file is uploaded beside the old one (the long part), then each node is
    // switched to it in inventory order, then every node is read again.
    this.run(
      'uploading',
      async (report) => {
        const results = await this.ssh.use((s) =>
          applyPlans(s, plans, {
            onStaged: (done, total) => report('uploading', done, total),
            onNode: (result, index, total) => {
              this.current.results?.push(result);
              report('writing', index + 1, total);
            },
          }),
        );
        // The whole list: nodes not attempted after a failure are not reported one by one.
        this.current.results = results;
        this.plans = [];
        this.current.plan = null;
        report('reading', 0, this.hosts.length);
        await this.readAll(report);
      },
      changing,
    );
    return this.state();
  }

  /**
   * A node's file was saved from the editor (over SSH): that node is read again, so the table,
   * its "last read" and the drift show what the node holds now. A host of an inventory that is
   * no longer open is ignored.
   */
  nodeSaved(saved: FleetHost): void {
    const host = this.hosts.find(
      (h) =>
        h.name === saved.name &&
        h.config === saved.config &&
        h.host === saved.host &&
        h.port === saved.port,
    );
    if (!host) return;
    if (this.current.activity) this.savedWhileBusy.add(host.name);
    else this.readAgain([host]);
  }

  discard(): FleetState {
    this.requireIdle();
    this.plans = [];
    this.current.plan = null;
    this.current.results = null;
    return this.state();
  }

  private async readAll(report: Report): Promise<NodeRead[]> {
    const reads = await this.readHosts(this.hosts, report);
    await this.show(reads);
    return reads;
  }

  /** Reads some nodes again; the others keep their last read. */
  private readAgain(hosts: FleetHost[]): void {
    this.run(
      'reading',
      async (report) => {
        const fresh = await this.readHosts(hosts, report);
        const byName = new Map([...this.reads, ...fresh].map((n) => [n.host.name, n]));
        await this.show(this.hosts.flatMap((h) => byName.get(h.name) ?? []));
      },
      hosts.length,
    );
  }

  private readHosts(hosts: readonly FleetHost[], report: Report): Promise<NodeRead[]> {
    return this.ssh.use((s) =>
      readFleetNodes(s, hosts, { onNode: (_n, done, total) => report('reading', done, total) }),
    );
  }

  private async show(reads: NodeRead[]): Promise<void> {
    this.reads = reads;
    this.current.nodes = reads.map(nodeStatus);
    this.current.drift = await computeDrift(reads);
  }

  private run(
    kind: Activity['kind'],
    body: (report: Report) => Promise<void>,
    total = this.hosts.length,
  ): void {
    this.current.activity = { kind, done: 0, total };
    this.current.error = null;
    const report: Report = (kind, done, total) => {
      this.current.activity = { kind, done, total };
    };
    void body(report)
      .catch((error: unknown) => {
        this.current.error = message(error);
      })
      .finally(() => {
        this.current.activity = null;
        this.readSavedWhileBusy();
      });
  }

  private readSavedWhileBusy(): void {
    const hosts = this.hosts.filter((h) => this.savedWhileBusy.has(h.name));
    this.savedWhileBusy.clear();
    if (hosts.length > 0) this.readAgain(hosts);
  }

  private requireOpen(): void {
    if (this.current.inventory === null) {
      throw new UserFacingError('bad-request', 'No inventory is open: open one on the Fleet page');
    }
  }

  private requireIdle(): void {
    if (this.current.activity) {
      throw new UserFacingError(
        'refused',
        `The fleet is busy ${this.current.activity.kind} (${this.current.activity.done}/${this.current.activity.total}); wait for it to finish`,
      );
    }
  }
}
