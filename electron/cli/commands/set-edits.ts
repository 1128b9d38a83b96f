// The edits of `rwsec set` as data, shared with `rwsec fleet set`: PATH=VALUE assignments (secrets
// from a prompt or the environment, never required on the command line), the document edits they
// make, the changes described with secrets masked, (the errors an edit adds are the save policy's).
import { isSecretPath } from '../../../shared/catalog/secret-paths';
import { findOption } from '../../../shared/catalog/options';
import { splitPath, type DocumentEdit, type RwsDocument } from '../../../shared/yaml/document';
import { parseTypedValue } from '../../../shared/yaml/typed-value';
import type { CliIo } from '../command';
import { readSecret } from '../secret-input';

export { isSecretPath };

export interface Change {
  path: string;
  action: 'set' | 'add' | 'remove';
  old?: unknown;
  new?: unknown;
}

export function parseEdits(
  doc: RwsDocument,
  assignments: string[],
  unset: string[],
): { edits: DocumentEdit[] } | { error: string } {
  const edits: DocumentEdit[] = [];
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    const path = eq < 0 ? '' : assignment.slice(0, eq).trim();
    if (eq < 0 || path === '' || splitPath(path).some((p) => p === '')) {
      return { error: `'${assignment}' is not PATH=VALUE (use --unset PATH to remove a key)` };
    }
    const typed = parseTypedValue(assignment.slice(eq + 1), findOption(path)?.type, doc.get(path));
    if (!typed.ok) {
      // Never echo a secret, even a malformed one.
      const message = isSecretPath(path) ? 'invalid value' : typed.message;
      return { error: `${path}: ${message}` };
    }
    edits.push({ path, value: typed.value });
  }
  for (const path of unset) edits.push({ path, delete: true });
  return { edits };
}

/** PATH=VALUE assignments with the values of PATH=- (prompted) and --value-env filled in. */
export async function resolveAssignments(
  assignments: string[],
  fromEnv: string[],
  io: CliIo,
): Promise<{ assignments: string[]; inline: string[] } | { error: string }> {
  const out: string[] = [];
  const inline: string[] = [];
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    const path = assignment.slice(0, Math.max(eq, 0)).trim();
    if (eq < 0 || !isSecretPath(path)) {
      out.push(assignment);
      continue;
    }
    if (assignment.slice(eq + 1) !== '-') {
      inline.push(path);
      out.push(assignment);
      continue;
    }
    const value = await readSecret(io, { option: path, prompt: `Value for ${path}: ` });
    if (value === undefined) {
      return {
        error: `${path}=- asks for the value on a terminal, and there is none; use --value-env ${path}=NAME with the value in environment variable NAME`,
      };
    }
    out.push(`${path}=${value}`);
  }
  for (const pair of fromEnv) {
    const eq = pair.indexOf('=');
    const path = eq < 0 ? '' : pair.slice(0, eq).trim();
    const name = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (path === '' || name === '') return { error: `--value-env '${pair}' is not PATH=NAME` };
    const value = io.env[name];
    if (value === undefined) {
      return { error: `--value-env ${path}=${name}: environment variable ${name} is not set` };
    }
    out.push(`${path}=${value}`);
  }
  return { assignments: out, inline };
}

export function describeChanges(
  before: RwsDocument,
  after: RwsDocument,
  edits: DocumentEdit[],
): Change[] {
  return edits.map((edit) => {
    const old = before.get(edit.path);
    if ('delete' in edit) return { path: edit.path, action: 'remove', old };
    return {
      path: edit.path,
      action: before.has(edit.path) ? 'set' : 'add',
      old,
      new: after.get(edit.path),
    };
  });
}

export function masked(change: Change): Change {
  if (!isSecretPath(change.path)) return change;
  return {
    path: change.path,
    action: change.action,
    ...('old' in change && change.old !== undefined ? { old: '********' } : {}),
    ...('new' in change && change.new !== undefined ? { new: '********' } : {}),
  };
}
