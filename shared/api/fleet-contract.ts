// The Fleet page's channels: one inventory open at a time, its nodes read over SSH (what
// `rwsec fleet status --json` reports), one change planned on every node with a per-node review
// (what `rwsec fleet set` shows before asking), then written node by node. Long work runs in the
// host and the page polls `fleet.state` for its progress (nodes done / total).
import { z } from 'zod';
import { diagnosticSchema } from '../diagnostic-schema';
import { documentEditSchema } from '../yaml/edit-schema';
import { inventorySchema } from './certs-contract';

const nodeSchema = z.object({
  name: z.string(),
  /** Address (and port) ssh connects to. */
  host: z.string(),
  config: z.string(),
  reachable: z.boolean(),
  /** Why the node could not be read, with the step to take (e.g. the ssh-keyscan line). */
  error: z.string().optional(),
  readAt: z.string(),
  diagnostics: z.array(diagnosticSchema),
});

const driftSchema = z.object({
  path: z.string(),
  mustMatch: z.boolean(),
  byCertificates: z.boolean().optional(),
  secret: z.boolean().optional(),
  groups: z.array(
    z.object({
      nodes: z.array(z.string()),
      /** Absent for secrets (compared by equality only) and for an absent key. */
      value: z.unknown().optional(),
      absent: z.boolean().optional(),
    }),
  ),
});

const nodePlanSchema = z.object({
  name: z.string(),
  config: z.string(),
  unchanged: z.boolean(),
  /** Unified diff of the node's file, secrets masked. */
  diff: z.string(),
  /** Errors the change adds on this node. */
  addedErrors: z.array(diagnosticSchema),
  /** The change cannot be made on this node. */
  error: z.string().optional(),
});

const planSchema = z.object({
  id: z.string(),
  /** The paths changed (values are in the diffs, secrets masked). */
  paths: z.array(z.string()),
  nodes: z.array(nodePlanSchema),
});

const nodeResultSchema = z.object({
  name: z.string(),
  outcome: z.enum(['written', 'unchanged', 'failed', 'not-attempted']),
  /** Which version the node's file holds after the run. */
  holds: z.enum(['new', 'old', 'other', 'unknown']),
  backup: z.string().optional(),
  error: z.string().optional(),
});

export const fleetStateSchema = z.object({
  /** The open inventory file; null when none is open. */
  inventory: z.string().nullable(),
  limit: z.string().nullable(),
  nodes: z.array(nodeSchema),
  drift: z.array(driftSchema),
  /**
   * Work in progress, nodes done of the step's total: reading the nodes, planning a change on
   * each, uploading each node's new file beside the old one, switching nodes to it one by one.
   */
  activity: z
    .object({
      kind: z.enum(['reading', 'planning', 'uploading', 'writing']),
      done: z.number().int(),
      total: z.number().int(),
    })
    .nullable(),
  plan: planSchema.nullable(),
  /** Per-node results of the last write (filled in as nodes are written). */
  results: z.array(nodeResultSchema).nullable(),
  /** The last failure of the whole operation (a bad inventory, say). */
  error: z.string().nullable(),
});

const state = { response: fleetStateSchema };
const empty = z.object({}).strict();

export const fleetContract = {
  'fleet.state': { request: empty, ...state },
  /** Opens an inventory (INI or YAML, --limit as Ansible reads it) and starts reading its nodes. */
  'fleet.open': {
    request: z
      .object({
        inventory: z.string().min(1).max(4096),
        limit: z.string().max(1000).optional(),
      })
      .strict(),
    ...state,
  },
  'fleet.refresh': { request: empty, ...state },
  'fleet.close': { request: empty, ...state },
  /** Reads every node again and plans the change on each (nothing is written). */
  'fleet.plan': {
    request: z.object({ edits: z.array(documentEditSchema).min(1).max(50) }).strict(),
    ...state,
  },
  /** Writes the reviewed plan; `force` accepts the errors the review showed. */
  'fleet.apply': {
    request: z
      .object({ planId: z.string().min(1).max(100), force: z.boolean().optional() })
      .strict(),
    ...state,
  },
  /** Drops the plan and the last results. */
  'fleet.discard': { request: empty, ...state },
  /** Opens a node's application.yaml in the editor; saving writes it back over SSH. */
  'fleet.edit': {
    request: z.object({ node: z.string().min(1).max(500) }).strict(),
    response: z.object({ file: z.string() }),
  },
  /** Desktop only: the native open dialog for an inventory (as `config.pick`); null when cancelled. */
  'fleet.pick': { request: empty, response: z.object({ path: z.string().nullable() }) },
  /** Every node's certificates (`rwsec certs -i`); null when no inventory is open. */
  'certs.fleet': {
    request: z.object({ warnDays: z.number().int().min(0).max(3650).optional() }).strict(),
    response: z.object({ inventory: inventorySchema.nullable() }),
  },
} as const;

export type FleetState = z.infer<typeof fleetStateSchema>;
