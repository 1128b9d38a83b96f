import { maskSecrets } from '../../../shared/catalog/mask-values';
import { terminalSafe } from '../../../shared/terminal-safe';
import { stringify } from 'yaml';
import { RwsDocument, splitPath, YamlSyntaxError } from '../../../shared/yaml/document';
import { readTextFile } from '../../services/files/read-text';
import { FileReadError } from '../../services/files/file-errors';
import { defineCommand } from '../cli-spec';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo } from '../command';

/** Reads and parses FILE, printing the FILE:LINE:COL reason on failure. */
export async function loadDocument(
  file: string,
  io: CliIo,
  command: string,
): Promise<{ doc: RwsDocument; hash: string } | undefined> {
  try {
    const read = await readTextFile(file);
    return { doc: RwsDocument.parse(read.text), hash: read.hash };
  } catch (error) {
    if (error instanceof FileReadError)
      io.err(`rwsec ${command}: ${terminalSafe(error.message)}\n`);
    else if (error instanceof YamlSyntaxError) {
      io.err(
        terminalSafe(
          `${file}:${error.line}:${error.column}: error: not valid YAML: ${error.message}`,
        ) + '\n',
      );
    } else throw error;
    return undefined;
  }
}

/** "'ssl.port' is not in FILE ('ssl' exists, at line 35)". */
export function absentMessage(doc: RwsDocument, file: string, path: string): string {
  const parts = splitPath(path);
  let n = parts.length - 1;
  while (n > 0 && !doc.has(parts.slice(0, n).join('.'))) n--;
  if (n === 0) return `'${path}' is not in ${file} (no top-level '${parts[0] ?? ''}' section)`;
  const ancestor = parts.slice(0, n).join('.');
  const { line } = doc.position(ancestor);
  const value = doc.get(ancestor);
  const what = value !== null && typeof value === 'object' ? 'exists' : 'exists but holds a value';
  return `'${path}' is not in ${file} ('${ancestor}' ${what}, at line ${line})`;
}

function plainText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return String(value);
  return stringify(value, { version: '1.1' }).replace(/\n$/, '');
}

export const getCommand = defineCommand({
  name: 'get',
  args: { usage: 'FILE PATH', min: 2, max: 2 },
  options: {
    json: {
      type: 'boolean',
      help: 'print the value as JSON (strings quoted, sections as objects)',
    },
    reveal: {
      type: 'boolean',
      help: [
        'print secrets (passwords, cryptoSecurityKey, clientSecret, ...) as they are;',
        'without it they print as ******** so a terminal or log never shows them',
      ],
    },
  },
  description: [
    'Prints the value at PATH (dotted, e.g. ssl.keyStorePath) the way the server reads it',
    '(YAML 1.1, aliases resolved, <<: merges applied). Single values print as plain text,',
    'sections and lists as YAML.',
  ],
  epilogue: [
    'Exit status: 0 printed, 1 no such key (the message names the nearest existing section),',
    '2 the file cannot be read or is not valid YAML.',
  ],
  async run({ values, args, io }) {
    const [file = '', path = ''] = args;
    const loaded = await loadDocument(file, io, 'get');
    if (!loaded) return EXIT_UNREADABLE;
    const { doc } = loaded;
    if (path !== '' && !doc.has(path)) {
      io.err(`rwsec get: ${absentMessage(doc, file, path)}\n`);
      return EXIT_FINDINGS;
    }
    const value = values.reveal ? doc.get(path) : maskSecrets(path, doc.get(path));
    io.out(
      (values.json ? JSON.stringify(value, null, 2) : terminalSafe(plainText(value), true)) + '\n',
    );
    return EXIT_OK;
  },
});
