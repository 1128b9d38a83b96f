// Errors of the document layer, worded for an administrator reading a terminal or a dialog.
import { UserFacingError } from '../user-error';
import { isMap, isScalar, visit, type Document, type LineCounter, type YAMLError } from 'yaml';

/** The file is not valid YAML; `line`/`column` are 1-based. */
export class YamlSyntaxError extends UserFacingError {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super('unreadable', message);
  }
}

/** An edit the document layer will not make (it would lose or misplace something); text untouched. */
export class DocumentEditError extends UserFacingError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super('refused', message);
  }
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return typeof key.source === 'string' ? key.source : String(key.value);
}

/** "duplicate key 'port' (first at line 3)" for a duplicate whose second occurrence is at `offset`. */
function duplicateKeyMessage(doc: Document.Parsed, lines: LineCounter, offset: number): string {
  let message = 'duplicate key';
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const second = map.items.find((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (!second) return undefined;
      const name = keyText(second.key);
      const first = map.items.find((p) => p !== second && keyText(p.key) === name);
      const firstAt = isScalar(first?.key) ? first.key.range?.[0] : undefined;
      message =
        firstAt === undefined
          ? `duplicate key '${name}'`
          : `duplicate key '${name}' (first at line ${lines.linePos(firstAt).line})`;
      return visit.BREAK;
    },
  });
  return message;
}

const plainMessages: Record<string, string> = {
  TAB_AS_INDENT: 'tab character used for indentation (YAML allows spaces only)',
  MULTIPLE_DOCS: 'more than one YAML document (---) in the file; RWS reads a single document',
};

/** The first parse error as a YamlSyntaxError with a message a human understands. */
export function toSyntaxError(
  error: YAMLError,
  doc: Document.Parsed,
  lines: LineCounter,
): YamlSyntaxError {
  const pos = lines.linePos(error.pos[0]);
  let message: string;
  if (error.code === 'DUPLICATE_KEY') message = duplicateKeyMessage(doc, lines, error.pos[0]);
  else {
    // The library appends " at line L, column C:" and a source excerpt; we report those separately.
    const first = error.message.split('\n')[0] ?? error.message;
    message = plainMessages[error.code] ?? first.replace(/ at line \d+, column \d+:?$/, '');
  }
  return new YamlSyntaxError(message, pos.line, pos.col);
}
