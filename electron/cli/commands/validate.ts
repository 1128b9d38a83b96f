import { terminalLines } from '../../../shared/terminal-safe';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../../shared/diagnostics';
import { pureRuleInfo } from '../../../shared/rules/index';
import { RwsDocument, YamlSyntaxError } from '../../../shared/yaml/document';
import { FileReadError } from '../../services/files/file-errors';
import { readTextFile } from '../../services/files/read-text';
import { fileRuleInfo } from '../../services/validate/file-rules';
import { validateConfig } from '../../services/validate/validate-config';
import { defineCommand } from '../cli-spec';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, type CliIo } from '../command';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatDiagnostics(file: string, list: readonly Diagnostic[]): string {
  const lines: string[] = [];
  for (const d of list) {
    lines.push(`${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`);
    if (d.fix) lines.push(`    fix: ${d.fix}`);
  }
  const count = (s: Diagnostic['severity']) => list.filter((d) => d.severity === s).length;
  const summary = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  if (count('info') > 0) summary.push(plural(count('info'), 'note'));
  lines.push(summary.join(', '));
  // Messages quote config values, which may hold control characters.
  return terminalLines(lines) + '\n';
}

/** Only the Diagnostic fields, in a fixed order: `--json` output is a stable contract. */
export function jsonDiagnostic(d: Diagnostic): Diagnostic {
  return {
    severity: d.severity,
    rule: d.rule,
    path: d.path,
    line: d.line,
    column: d.column,
    message: d.message,
    ...(d.fix === undefined ? {} : { fix: d.fix }),
    ...(d.quickFix === undefined ? {} : { quickFix: d.quickFix }),
  };
}

function rulesList(): string[] {
  const rules = [...pureRuleInfo, ...fileRuleInfo()];
  const width = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `  ${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}`);
}

/** Loaded only for --probe: the TLS/X.509 code it needs is large and slows every other run. */
async function probeDiagnostics(doc: RwsDocument, file: string): Promise<Diagnostic[]> {
  const { probeConfigDiagnostics } = await import('../../services/probe/config-probe');
  return probeConfigDiagnostics(doc, file);
}

export const validateCommand = defineCommand({
  name: 'validate',
  args: { usage: 'FILE', min: 1, max: 1 },
  options: {
    json: {
      type: 'boolean',
      help: [
        'print {"file": ..., "diagnostics": [...]} (sorted by line; stable fields:',
        'severity, rule, path, line, column, message, fix, quickFix {label, edits})',
      ],
    },
    probe: {
      type: 'boolean',
      help: [
        "also connect (TLS) to Configuration Server, the Cassandra nodes and RWS's own",
        'HTTPS URL as the file configures them, and judge what they serve (network!)',
      ],
    },
  },
  description: [
    'Checks an RWS application.yaml the way the server reads it (YAML 1.1) and reports problems',
    "in its security settings. Paths in the file are resolved against the file's folder; files",
    'are recognised by content (PEM, JKS, JCEKS, PKCS12, DER, PKCS7), not by extension.',
  ],
  epilogue: () => [
    'Exit status: 0 no errors (warnings allowed), 1 errors found, 2 the file cannot be read or',
    'is not valid YAML (reported as FILE:LINE:COLUMN: error: ...).',
    '',
    'Rules:',
    ...rulesList(),
  ],
  run: ({ values, args, io }) => validate(args[0] as string, values, io),
});

async function validate(
  file: string,
  values: { json: boolean; probe: boolean },
  io: CliIo,
): Promise<number> {
  const fail = (d: Omit<Diagnostic, 'severity' | 'path'>): number => {
    const where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
    io.err(terminalLines([`${where}: error: ${d.message}`]) + '\n');
    if (values.json) {
      const diagnostic: Diagnostic = { severity: 'error', path: '', ...d };
      io.out(JSON.stringify({ file, diagnostics: [jsonDiagnostic(diagnostic)] }, null, 2) + '\n');
    }
    return EXIT_UNREADABLE;
  };
  let text: string;
  try {
    // The same reader as get/set and the app: regular file, size limit, SnakeYAML's encodings.
    text = (await readTextFile(file)).text;
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    return fail({
      rule: 'file-unreadable',
      line: 0,
      column: 0,
      message: `cannot read the file: ${error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2) : error.message}`,
    });
  }
  let doc: RwsDocument;
  try {
    doc = RwsDocument.parse(text);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    return fail({
      rule: 'yaml-syntax',
      line: error.line,
      column: error.column,
      message: `not valid YAML: ${error.message}`,
      fix: 'Correct the YAML at that position; no other check runs until the file parses.',
    });
  }
  const diagnostics = sortDiagnostics([
    ...(await validateConfig(doc, file)),
    ...(values.probe ? await probeDiagnostics(doc, file) : []),
  ]);
  if (values.json) {
    io.out(JSON.stringify({ file, diagnostics: diagnostics.map(jsonDiagnostic) }, null, 2) + '\n');
  } else {
    io.out(formatDiagnostics(file, diagnostics));
  }
  return hasErrors(diagnostics) ? EXIT_FINDINGS : EXIT_OK;
}
