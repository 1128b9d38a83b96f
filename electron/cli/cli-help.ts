// Help text derived from a command's declaration (cli-spec.ts): the usage line, the option list
// (flag, value name, help, `ps` warning for secrets) and, for groups, the subcommands.
import {
  argName,
  type CliCommand,
  type GroupCommand,
  type LeafCommand,
  type OptionSpec,
} from './cli-spec';

const FLAG_COLUMN = 24;
const USAGE_WIDTH = 100;

function valueName(spec: OptionSpec): string {
  return spec.type === 'boolean' ? '' : ` ${argName(spec)}`;
}

function flagText(name: string, spec: OptionSpec): string {
  return `${spec.short ? `-${spec.short}, ` : ''}--${name}${valueName(spec)}`;
}

/** The option list: `  -i, --inventory FILE  help`, continuation lines under the help. */
export function optionLines(options: LeafCommand['options']): string[] {
  const lines: string[] = [];
  for (const [name, spec] of Object.entries(options)) {
    if (spec.hidden) continue;
    const help = typeof spec.help === 'string' ? [spec.help] : [...spec.help];
    const flag = `  ${flagText(name, spec)}`;
    const pad = ' '.repeat(FLAG_COLUMN);
    // A long flag gets a line of its own, so the help column stays straight.
    if (flag.length + 2 > FLAG_COLUMN) lines.push(flag);
    else lines.push(`${flag.padEnd(FLAG_COLUMN)}${help.shift() ?? ''}`.trimEnd());
    for (const more of help) lines.push(`${pad}${more}`);
  }
  return lines;
}

/** `FILE --alias A [--json] [-i FILE]`, wrapped; `[options]` when there are many. */
function derivedUsage(cmd: LeafCommand): string {
  const words: string[] = cmd.args?.usage ? [cmd.args.usage] : [];
  const shown = Object.entries(cmd.options).filter(([, s]) => !s.hidden);
  const required = shown.filter(([, s]) => s.type !== 'boolean' && s.required);
  const optional = shown.filter(([, s]) => !(s.type !== 'boolean' && s.required));
  for (const [name, spec] of required) words.push(`--${name}${valueName(spec)}`);
  if (optional.length > 6) words.push('[options]');
  else for (const [name, spec] of optional) words.push(`[--${name}${valueName(spec)}]`);
  return words.join(' ');
}

/** Usage words: a bracketed group (`[--trust FILE [--trust-password P]]`) stays whole unless long. */
function usageWords(text: string): string[] {
  const words: string[] = [];
  let depth = 0;
  let word = '';
  for (const ch of text) {
    if (ch === ' ' && depth === 0) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    if (ch === '[' || ch === '(') depth++;
    if (ch === ']' || ch === ')') depth = Math.max(0, depth - 1);
    word += ch;
  }
  if (word) words.push(word);
  return words.flatMap((w) => {
    if (w.length <= USAGE_WIDTH / 2) return [w];
    const bracketed =
      (w.startsWith('(') && w.endsWith(')')) || (w.startsWith('[') && w.endsWith(']'));
    if (!bracketed) return w.split(/ +/);
    // A long group is broken one level down: `(--config FILE [--probe] | -i INVENTORY ...)`.
    const inner = usageWords(w.slice(1, -1));
    return inner.map(
      (x, i) => `${i === 0 ? w[0] : ''}${x}${i === inner.length - 1 ? w.at(-1) : ''}`,
    );
  });
}

function wrap(prefix: string, text: string): string[] {
  if (prefix.length + 1 + text.length <= USAGE_WIDTH) return [`${prefix} ${text}`.trimEnd()];
  const lines: string[] = [];
  let line = prefix;
  for (const word of usageWords(text)) {
    if (line.length + word.length + 1 > USAGE_WIDTH && line.trim().length > prefix.trim().length) {
      lines.push(line);
      line = ' '.repeat(prefix.length);
    }
    line += (line.endsWith(' ') ? '' : ' ') + word;
  }
  return [...lines, line];
}

/** `Usage: rwsec NAME ...` (several lines when the command declares several modes). */
export function usageLines(cmd: CliCommand): string[] {
  if (cmd.kind === 'group') return [`Usage: rwsec ${cmd.name} <subcommand> [options]`];
  const forms = cmd.usage ?? [derivedUsage(cmd)];
  return forms.flatMap((form, i) =>
    wrap(`${i === 0 ? 'Usage:' : '      '} rwsec ${cmd.name}`, form),
  );
}

function leafHelp(cmd: LeafCommand): string[] {
  const epilogue = typeof cmd.epilogue === 'function' ? cmd.epilogue() : cmd.epilogue;
  const options = optionLines(cmd.options);
  return [
    ...usageLines(cmd),
    // A subcommand without prose of its own is described by its one-line summary.
    ...(cmd.description?.length
      ? ['', ...cmd.description]
      : cmd.summary
        ? ['', `${cmd.summary[0]?.toUpperCase() ?? ''}${cmd.summary.slice(1)}.`]
        : []),
    ...(options.length ? ['', 'Options:', ...options] : []),
    ...(epilogue?.length ? ['', ...epilogue] : []),
  ];
}

function groupHelp(group: GroupCommand): string[] {
  const width = Math.max(...group.subcommands.map((s) => s.name.length)) - group.name.length - 1;
  const subs = group.subcommands.map((s) => {
    const word = s.name.slice(group.name.length + 1);
    return `  ${word.padEnd(width)}  ${s.summary ?? ''}`.trimEnd();
  });
  return [
    ...usageLines(group),
    ...(group.description?.length ? ['', ...group.description] : []),
    '',
    'Subcommands:',
    ...subs,
    ...(group.epilogue?.length ? ['', ...group.epilogue] : []),
    '',
    `Run \`rwsec ${group.name} <subcommand> --help\` for the options of one subcommand.`,
  ];
}

/** The whole help of a command, as `rwsec NAME --help` prints it. */
export function helpText(cmd: CliCommand): string {
  return (cmd.kind === 'group' ? groupHelp(cmd) : leafHelp(cmd)).join('\n');
}
