// The ONE API contract between the UI and the process that owns files (Electron main or the
// `rwsec serve` host). Every channel names its request and response schema; the preload, the IPC
// handlers, the HTTP host and the renderer client are all typed from this table, and both hosts
// parse requests (and their own responses) with these schemas, so a drift fails loudly.
import { z } from 'zod';
import { storeTypes } from '../store-formats';
import type { Diagnostic } from '../diagnostics';
import { diagnosticSchema } from '../diagnostic-schema';
import { documentEditSchema } from '../yaml/edit-schema';
import { channelNames, type MenuCommand } from './channels';
import { chainContract } from './chain-contract';
import { certsContract } from './certs-contract';
import { fleetContract } from './fleet-contract';
import { kitContract } from './contract-kits';
import { keystoreContract } from './keystore-contract';

export { bridgeKey, menuChannel, type MenuCommand } from './channels';

export { diagnosticSchema } from '../diagnostic-schema';

/** A YAML syntax error: the file cannot be read as YAML, so there are no values to edit. */
export const syntaxErrorSchema = z.object({
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
});

export const configStateSchema = z.object({
  /** Absolute path of the open file; null when nothing is open. */
  file: z.string().nullable(),
  /** The current (possibly unsaved) text; absent when nothing is open. */
  text: z.string().optional(),
  /** The whole document as Java reads it (YAML 1.1, merges applied); null when unreadable. */
  values: z.unknown(),
  diagnostics: z.array(diagnosticSchema),
  /** Set when the current text is not valid YAML; the editor shows it and stays usable. */
  syntaxError: syntaxErrorSchema.nullable(),
  dirty: z.boolean(),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** Dotted paths of leaf keys the forms do not cover, listed read-only so nothing is hidden. */
  uncoveredKeys: z.array(z.string()),
});

const editSchema = documentEditSchema;

const pathRequest = z.object({ path: z.string().min(1).max(4096) }).strict();
const empty = z.object({}).strict();

/** A file's kind judged by its bytes (electron/services/files/detect-format.ts). */
export const fileFormatSchema = z.enum([...storeTypes, 'empty', 'unknown']);

/**
 * What a save would leave (the one save policy of the app and `rwsec set`): the errors and
 * warnings of the text to be written, and which of them the file on disk does not have yet.
 */
export const saveReviewSchema = z.object({
  errors: z.array(diagnosticSchema),
  warnings: z.array(diagnosticSchema),
  newErrors: z.array(diagnosticSchema),
  newWarnings: z.array(diagnosticSchema),
});

export const saveResultSchema = z.union([
  z.object({ saved: z.literal(true), backup: z.string().nullable(), state: configStateSchema }),
  z.object({ saved: z.literal(false), conflict: z.literal('changed-on-disk') }),
  /** The save would add errors and the request did not accept exactly that many. */
  z.object({ saved: z.literal(false), refused: z.literal('new-errors'), review: saveReviewSchema }),
]);

export const contract = {
  'app.info': {
    request: empty,
    response: z.object({
      version: z.string(),
      /** desktop: Electron window (native dialogs); browser: `rwsec serve`. */
      mode: z.enum(['desktop', 'browser']),
    }),
  },
  /** The document currently loaded (GET /api/config in serve mode). */
  'config.state': { request: empty, response: configStateSchema },
  'config.open': { request: pathRequest, response: configStateSchema },
  /** Desktop only: the native open dialog; null path when cancelled. */
  'config.pick': {
    request: empty,
    response: z.object({ path: z.string().nullable() }),
  },
  'config.edit': {
    request: z.object({ edits: z.array(editSchema).min(1).max(200) }).strict(),
    response: configStateSchema,
  },
  'config.undo': { request: empty, response: configStateSchema },
  'config.redo': { request: empty, response: configStateSchema },
  /** Unified diff of the pending changes against the file as last read (empty when clean). */
  'config.diff': { request: empty, response: z.object({ diff: z.string() }) },
  /** The save's review before saving: shown with the diff, new errors must be accepted. */
  'config.review': { request: empty, response: saveReviewSchema },
  /**
   * force: overwrite a file that changed on disk (after the user chose to). acceptErrors: the
   * number of new errors the user accepted; a save that adds errors needs exactly that count.
   */
  'config.save': {
    request: z
      .object({ force: z.boolean().optional(), acceptErrors: z.number().int().min(0).optional() })
      .strict(),
    response: saveResultSchema,
  },
  /** Drops pending edits and reads the file from disk again. */
  'config.reload': { request: empty, response: configStateSchema },
  'file.check': {
    request: pathRequest,
    response: z.object({
      exists: z.boolean(),
      /** Resolved against the open config's folder when relative. */
      resolved: z.string(),
      format: fileFormatSchema.nullable(),
      /** Human wording of the format, e.g. "a JKS keystore". */
      description: z.string().nullable(),
    }),
  },
  ...keystoreContract,
  ...chainContract,
  ...kitContract,
  ...certsContract,
  ...fleetContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Request<C extends Channel> = z.infer<Contract[C]['request']>;
export type Response<C extends Channel> = z.infer<Contract[C]['response']>;

export type ConfigState = z.infer<typeof configStateSchema>;
/** The contract carries the one Diagnostic of shared/diagnostics.ts. */
export type ApiDiagnostic = Diagnostic;
export type { DocumentEditRequest } from '../yaml/edit-schema';
export type SaveResult = z.infer<typeof saveResultSchema>;
export type SaveReview = z.infer<typeof saveReviewSchema>;
export type FileFormat = z.infer<typeof fileFormatSchema>;

/** The API as callable functions: what the preload exposes and the browser client implements. */
export type RwsApi = { [C in Channel]: (request: Request<C>) => Promise<Response<C>> };

/** Main-side implementation of the API (same shape; kept separate for readability at call sites). */
export type ApiHandlers = RwsApi;

export const channels: readonly Channel[] = channelNames;
// Compile-time proof that channels.ts names exactly the contract's channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<(typeof channelNames)[number], Channel> = true;
void namesMatch;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What the desktop preload exposes: the API plus one subscription that returns its unsubscribe. */
export type DesktopBridge = RwsApi & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};
