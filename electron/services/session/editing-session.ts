// The editing session behind the UI: one open config file, its pending (unsaved) text, undo/redo
// of whole texts, live validation, the reviewed diff and a save that never overwrites a file that
// changed on disk unless the user chose to.
import { isAbsolute, resolve } from 'node:path';
import { options } from '../../../shared/catalog/options';
import type { Diagnostic } from '../../../shared/diagnostics';
import {
  DocumentEditError,
  RwsDocument,
  YamlSyntaxError,
  type DocumentEdit,
} from '../../../shared/yaml/document';
import type { ConfigState, SaveResult } from '../../../shared/api/contract';
import { uncoveredLeaves } from '../../../shared/api/option-layout';
import { UserFacingError } from '../../../shared/user-error';
import type { KeyOrder } from '../../../shared/yaml/apply-edits';
import { FileReadError } from '../files/file-errors';
import { validateConfig } from '../validate/validate-config';
import type { FileStore } from './file-store';
import { unifiedDiff } from './line-diff';
import { reviewSave, saveAllowed, type ErrorAcceptance, type SaveReview } from './save-policy';

type Parsed =
  | { doc: RwsDocument; syntaxError: null }
  | { doc: null; syntaxError: { message: string; line: number; column: number } };

/** Where the open file lives: the local disk by default, or a fleet node over SSH. */
export interface FileSource {
  store: FileStore;
  validate: Validator;
}

interface Loaded {
  file: string;
  source: FileSource;
  /** The file's text as last read from or written to disk. */
  diskText: string;
  /** diskText parsed, when an edit needed its key order (see diskKeyOrder). */
  diskDoc?: { text: string; doc: RwsDocument | null };
  diskStamp: string;
  text: string;
  parsed: Parsed;
  diagnostics: Diagnostic[];
  /** The findings of the file as on disk: what "new" errors of a save are measured against. */
  diskDiagnostics: Diagnostic[];
  undo: string[];
  redo: string[];
}

export type Validator = (doc: RwsDocument, file: string) => Promise<Diagnostic[]>;

const maxUndo = 200;
const coveredPaths = options.map((o) => o.path);

function parse(text: string): Parsed {
  try {
    return { doc: RwsDocument.parse(text), syntaxError: null };
  } catch (error) {
    if (error instanceof YamlSyntaxError) {
      return {
        doc: null,
        syntaxError: { message: error.message, line: error.line, column: error.column },
      };
    }
    throw error;
  }
}

function readFailure(error: unknown): UserFacingError {
  // The file service's messages already name the file and say what to do.
  if (error instanceof FileReadError)
    return new UserFacingError('unreadable', `Cannot open ${error.message}.`);
  return new UserFacingError(
    'unreadable',
    `Cannot open the file: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/**
 * The file as last read, as a key order: a key deleted and set again goes back to its place in
 * the file (no diff for a value that comes back). Parsed only when an edit adds a key.
 */
function diskKeyOrder(current: Loaded): KeyOrder {
  return {
    keys(path) {
      if (current.diskDoc?.text !== current.diskText) {
        let doc: RwsDocument | null = null;
        try {
          doc = RwsDocument.parse(current.diskText);
        } catch {
          // A file that was not valid YAML on disk has no order to keep.
        }
        current.diskDoc = { text: current.diskText, doc };
      }
      return current.diskDoc.doc?.keys(path);
    },
  };
}

/** The edited document; an edit the document layer refuses is the caller's bad request. */
function editedDocument(
  doc: RwsDocument,
  edits: readonly DocumentEdit[],
  file: string,
  keyOrder: KeyOrder,
) {
  try {
    return doc.withEdits(edits, { keyOrder });
  } catch (error) {
    if (error instanceof DocumentEditError || error instanceof YamlSyntaxError) {
      throw new UserFacingError(
        'bad-request',
        `${file}: ${error.message.replace(/\.$/, '')}. Nothing was changed; check the option path and value.`,
      );
    }
    throw error;
  }
}

export class EditingSession {
  private loaded: Loaded | null = null;
  /** Operations run one at a time: an edit never interleaves with a save or a reload. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: FileStore,
    private readonly validate: Validator = validateConfig,
  ) {}

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  get file(): string | null {
    return this.loaded?.file ?? null;
  }

  state(): Promise<ConfigState> {
    return this.serial(async () => this.snapshot());
  }

  open(path: string): Promise<ConfigState> {
    return this.openFrom(resolve(path), { store: this.store, validate: this.validate });
  }

  /**
   * Opens `file` through another store and validator (a fleet node's file over SSH): the edits,
   * undo, review and save policy are the same; only reading, writing and file-aware rules differ.
   */
  openFrom(file: string, source: FileSource): Promise<ConfigState> {
    return this.serial(async () => {
      let read;
      try {
        read = await source.store.read(file);
      } catch (error) {
        throw readFailure(error);
      }
      this.loaded = await this.load(file, source, read.text, read.stamp, read.text, [], []);
      return this.snapshot();
    });
  }

  /** The parsed pending document (null when nothing is open or the text is not valid YAML). */
  document(): Promise<RwsDocument | null> {
    return this.serial(async () => this.loaded?.parsed.doc ?? null);
  }

  edit(edits: readonly DocumentEdit[]): Promise<ConfigState> {
    return this.serial(async () => {
      const current = this.require();
      if (!current.parsed.doc) {
        const e = current.parsed.syntaxError;
        throw new UserFacingError(
          'bad-request',
          `${current.file}:${e.line}:${e.column}: the YAML cannot be read (${e.message}). Fix it in a text editor or reload the file, then edit again.`,
        );
      }
      const next = editedDocument(current.parsed.doc, edits, current.file, diskKeyOrder(current));
      if (next.text === current.text) return this.snapshot();
      const undo = [...current.undo, current.text].slice(-maxUndo);
      // The edited document is already parsed: reuse it instead of parsing its text again.
      await this.replaceText(next.text, undo, [], next);
      return this.snapshot();
    });
  }

  undo(): Promise<ConfigState> {
    return this.serial(async () => {
      const current = this.require();
      const previous = current.undo[current.undo.length - 1];
      if (previous !== undefined) {
        await this.replaceText(previous, current.undo.slice(0, -1), [
          ...current.redo,
          current.text,
        ]);
      }
      return this.snapshot();
    });
  }

  redo(): Promise<ConfigState> {
    return this.serial(async () => {
      const current = this.require();
      const next = current.redo[current.redo.length - 1];
      if (next !== undefined) {
        await this.replaceText(next, [...current.undo, current.text], current.redo.slice(0, -1));
      }
      return this.snapshot();
    });
  }

  diff(): Promise<string> {
    return this.serial(async () => {
      const current = this.require();
      return unifiedDiff(current.diskText, current.text, current.file);
    });
  }

  /** What a save now would leave: the errors and warnings, and which of them are new. */
  review(): Promise<SaveReview> {
    return this.serial(async () => {
      const current = this.require();
      return reviewSave(current.diskDiagnostics, current.diagnostics);
    });
  }

  /**
   * Saves through the save policy: refused when it adds errors that `acceptErrors` does not
   * accept, and when the file changed on disk unless `force` (overwrite) is set.
   */
  save(force = false, acceptErrors?: ErrorAcceptance): Promise<SaveResult> {
    return this.serial(async () => {
      const current = this.require();
      const review = reviewSave(current.diskDiagnostics, current.diagnostics);
      if (!saveAllowed(review, acceptErrors))
        return { saved: false, refused: 'new-errors', review };
      const result = await current.source.store.write(
        current.file,
        current.text,
        current.diskStamp,
        force,
        current.parsed.doc,
      );
      if (!result.saved) return result;
      current.diskText = current.text;
      current.diskStamp = result.stamp;
      current.diskDiagnostics = current.diagnostics;
      return { saved: true, backup: result.backup, state: this.snapshot() };
    });
  }

  reload(): Promise<ConfigState> {
    return this.serial(async () => {
      const current = this.require();
      let read;
      try {
        read = await current.source.store.read(current.file);
      } catch (error) {
        throw readFailure(error);
      }
      this.loaded = await this.load(
        current.file,
        current.source,
        read.text,
        read.stamp,
        read.text,
        [],
        [],
      );
      return this.snapshot();
    });
  }

  /** Resolves a path typed in a form the way the server does: relative to the config's folder. */
  resolvePath(path: string): string {
    if (isAbsolute(path)) return path;
    const base = this.loaded ? resolve(this.loaded.file, '..') : process.cwd();
    return resolve(base, path);
  }

  private require(): Loaded {
    if (!this.loaded) throw new UserFacingError('bad-request', 'No configuration file is open.');
    return this.loaded;
  }

  private async replaceText(
    text: string,
    undo: string[],
    redo: string[],
    doc?: RwsDocument,
  ): Promise<void> {
    const current = this.require();
    this.loaded = {
      ...(await this.load(
        current.file,
        current.source,
        current.diskText,
        current.diskStamp,
        text,
        undo,
        redo,
        doc,
      )),
      diskDiagnostics: current.diskDiagnostics,
      // The disk did not change: keep its parsed key order.
      ...(current.diskDoc ? { diskDoc: current.diskDoc } : {}),
    };
  }

  private async load(
    file: string,
    source: FileSource,
    diskText: string,
    diskStamp: string,
    text: string,
    undo: string[],
    redo: string[],
    doc?: RwsDocument,
  ): Promise<Loaded> {
    const parsed: Parsed = doc ? { doc, syntaxError: null } : parse(text);
    const diagnostics = parsed.doc ? await source.validate(parsed.doc, file) : [];
    // Loaded from disk: the text is the disk's. Otherwise replaceText keeps the disk's findings.
    const diskDiagnostics = text === diskText ? diagnostics : [];
    return {
      file,
      source,
      diskText,
      diskStamp,
      text,
      parsed,
      diagnostics,
      diskDiagnostics,
      undo,
      redo,
    };
  }

  private snapshot(): ConfigState {
    const current = this.loaded;
    if (!current) {
      return {
        file: null,
        values: null,
        diagnostics: [],
        syntaxError: null,
        dirty: false,
        canUndo: false,
        canRedo: false,
        uncoveredKeys: [],
      };
    }
    const values = current.parsed.doc ? current.parsed.doc.get('') : null;
    return {
      file: current.file,
      text: current.text,
      values: values ?? null,
      diagnostics: current.diagnostics,
      syntaxError: current.parsed.syntaxError,
      dirty: current.text !== current.diskText,
      canUndo: current.undo.length > 0,
      canRedo: current.redo.length > 0,
      uncoveredKeys: values ? uncoveredLeaves(values, coveredPaths) : [],
    };
  }
}
