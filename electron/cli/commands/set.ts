import { SECRET_MASK } from '../../../shared/catalog/secret-paths';
import { describeType } from '../../../shared/catalog/help';
import { options } from '../../../shared/catalog/options';
import { hasErrors, type Diagnostic } from '../../../shared/diagnostics';
import { DocumentEditError, type RwsDocument } from '../../../shared/yaml/document';
import { terminalLines, terminalSafe } from '../../../shared/terminal-safe';
import { SaveError } from '../../services/files/file-errors';
import {
  newErrorsText,
  reviewSave,
  saveAllowed,
  writeConfig,
} from '../../services/session/save-policy';
import { validateConfig } from '../../services/validate/validate-config';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo } from '../command';
import { defineCommand } from '../cli-spec';
import { UsageError } from '../cli-parse';
import { reportUserError } from '../cli-errors';
import { SecretInputError } from '../secret-input';
import { describeChanges, isSecretPath, masked, parseEdits, resolveAssignments } from './set-edits';
import { loadDocument } from './get';

export { isSecretPath };

function knownOptions(): string[] {
  const width = Math.max(...options.map((o) => o.path.length));
  return options.map((o) => `  ${o.path.padEnd(width)}  ${describeType(o)}`);
}

function show(value: unknown, secret: boolean): string {
  if (value === undefined) return '(absent)';
  if (secret) return SECRET_MASK;
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

export const setCommand = defineCommand({
  name: 'set',
  usage: [
    'FILE PATH=VALUE [PATH=VALUE ...] [--value-env PATH=NAME ...] [--unset PATH ...] [--force] [--json]',
  ],
  args: { usage: 'FILE PATH=VALUE...', min: 1, max: Infinity },
  options: {
    'value-env': {
      type: 'string',
      arg: 'PATH=NAME',
      repeatable: true,
      help: [
        'read the value of PATH from environment variable NAME',
        '(repeatable; works for any PATH)',
      ],
    },
    unset: {
      type: 'string',
      arg: 'PATH',
      repeatable: true,
      help: 'remove the key at PATH (repeatable)',
    },
    force: {
      type: 'boolean',
      help: [
        'save even if the change adds validation errors, the file is',
        'read-only, or its owner and group cannot be kept (non-root)',
      ],
    },
    json: {
      type: 'boolean',
      help: 'print {"file", "saved", "changes", "backup", "errors"} as JSON',
    },
  },
  description: [
    'Changes values in an application.yaml without touching anything else (comments, blank',
    'lines, order, quoting and line endings stay byte for byte). A missing key is added after',
    'the last key of its section; a missing section is added at the end of the file.',
    'VALUE is read by the type of the option (below); for other keys by the type of the value',
    'already there, else as YAML 1.1 reads it. Strings that YAML 1.1 would misread (yes, on,',
    '012, ...) are written quoted. A key reached through an alias or <<: merge is written as an',
    "own key of its section; the anchor's value is never changed.",
    '',
    'The file is checked before and after the change: if the change adds an error it is not',
    'saved (the new errors are printed) unless --force is given. The previous version is kept',
    'in .rwsec-backups/ beside the file (the newest 5 are kept); the file is written',
    'atomically and not at all if it changed on disk meanwhile.',
    '',
    'Secrets (options of type secret, and keys whose name contains "password"):',
    '  PATH=SECRET            visible to other users in `ps` and kept in shell history:',
    '                         prefer one of the next two',
    '  PATH=-                 a terminal is asked for the value (no echo)',
    '  --value-env PATH=NAME  the value from an environment variable (below)',
  ],
  epilogue: () => [
    'Exit status: 0 saved (or nothing to change), 1 refused (bad value, new errors, file',
    'changed on disk), 2 the file cannot be read or is not valid YAML.',
    '',
    'Known options:',
    ...knownOptions(),
  ],
  run: ({ values, args, io }) => set(args, values, io),
});

async function set(
  positionals: string[],
  values: { 'value-env': string[]; unset: string[]; force: boolean; json: boolean },
  io: CliIo,
): Promise<number> {
  const [file = '', ...given] = positionals;
  const fromEnv = values['value-env'];
  if (given.length === 0 && values.unset.length === 0 && fromEnv.length === 0) {
    throw new UsageError('expected FILE and at least one PATH=VALUE or --unset PATH');
  }
  const report = (result: Record<string, unknown>): void => {
    if (values.json) io.out(JSON.stringify({ file, ...result }, null, 2) + '\n');
  };
  const refuse = (message: string, extra: Record<string, unknown> = {}): number => {
    io.err(`rwsec set: ${terminalSafe(message)}\n`);
    report({ saved: false, reason: message, ...extra });
    return EXIT_FINDINGS;
  };

  let resolved;
  try {
    resolved = await resolveAssignments(given, fromEnv, io);
  } catch (error) {
    if (!(error instanceof SecretInputError)) throw error;
    resolved = { error: error.message };
  }
  if ('error' in resolved) {
    io.err(`rwsec set: ${resolved.error}; ${file} not changed\n`);
    report({ saved: false, reason: resolved.error });
    return EXIT_UNREADABLE;
  }
  const { assignments } = resolved;
  for (const path of resolved.inline) {
    io.err(
      `rwsec set: warning: the value of ${path} on the command line is visible to other users in \`ps\` and kept in shell history; prefer ${path}=- or --value-env ${path}=NAME\n`,
    );
  }

  const loaded = await loadDocument(file, io, 'set');
  if (!loaded) {
    report({ saved: false, reason: 'unreadable' });
    return EXIT_UNREADABLE;
  }
  const { doc, hash } = loaded;
  const requested = parseEdits(doc, assignments, values.unset);
  if ('error' in requested) return refuse(`${requested.error}; ${file} not changed`);

  let next: RwsDocument;
  try {
    next = doc.withEdits(requested.edits);
  } catch (error) {
    if (!(error instanceof DocumentEditError)) throw error;
    return refuse(`${error.message}; ${file} not changed`);
  }
  const changes = describeChanges(doc, next, requested.edits).map(masked);
  if (next.text === doc.text) {
    if (!values.json) io.out(`${file}: already as requested, nothing to change\n`);
    report({ saved: false, changes, reason: 'unchanged' });
    return EXIT_OK;
  }

  const [before, after] = await Promise.all([
    validateConfig(doc, file),
    validateConfig(next, file),
  ]);
  // The app's save applies the same policy (services/session/save-policy.ts).
  const review = reviewSave(before, after);
  const added = review.newErrors;
  if (!saveAllowed(review, values.force)) {
    for (const d of added) io.err(terminalSafe(formatDiagnostic(file, d)) + '\n');
    return refuse(`${newErrorsText(review)}; ${file} not changed (use --force to save anyway)`, {
      errors: added,
    });
  }

  let saved;
  try {
    saved = await writeConfig(file, next.text, {
      expected: hash,
      doc: next,
      ...(values.force ? { allowReadOnly: true, allowOwnerChange: true } : {}),
      forceHint: 'use --force',
    });
  } catch (error) {
    if (!(error instanceof SaveError)) throw error;
    // Changed on disk meanwhile, read-only, owner not kept, or not written: nothing changed.
    report({ saved: false, reason: error.message });
    return reportUserError(io, 'rwsec set', error);
  }
  if (values.json) {
    report({ saved: true, changes, backup: saved.backup ?? null, errors: added });
    return EXIT_OK;
  }
  const lines: string[] = [];
  for (const c of changes) {
    const secret = isSecretPath(c.path);
    if (c.action === 'remove') lines.push(`${c.path}: removed (was ${show(c.old, secret)})`);
    else if (c.action === 'add') lines.push(`${c.path}: added ${show(c.new, secret)}`);
    else lines.push(`${c.path}: ${show(c.old, secret)} -> ${show(c.new, secret)}`);
  }
  for (const d of added) lines.push(formatDiagnostic(file, d) + ' (saved with --force)');
  lines.push(`saved ${file}${saved.backup ? `; previous version kept as ${saved.backup}` : ''}`);
  if (hasErrors(before)) {
    lines.push(`note: ${file} still has errors it had before; run rwsec validate ${file}`);
  }
  io.out(terminalLines(lines) + '\n');
  return EXIT_OK;
}
