// Ansible's INI inventory form: [group] host lines with key=value variables, [group:vars] and
// [group:children] sections, host ranges (rws-[1:3], db[a:c]) and host:port.
import { InventoryBuilder, InventoryError, type Inventory, type Vars } from './inventory-model';

/** shlex-style split: whitespace separates, quotes group, `#` starts a comment outside quotes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      break;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error('unterminated quote');
  if (inWord) words.push(word);
  return words;
}

/** Ansible reads INI values as Python literals when they are one (numbers, quoted strings). */
function iniValue(text: string): unknown {
  const t = text.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^-?\d+\.\d+$/.test(t)) return Number(t);
  if (t === 'True' || t === 'False') return t === 'True';
  const quoted = /^(['"])(.*)\1$/s.exec(t);
  if (quoted) return quoted[2];
  return t;
}

/** rws-[1:3] -> rws-1 rws-2 rws-3; db[01:03] keeps the zero padding; [a:c] letters. */
export function expandHostRange(pattern: string): string[] {
  const m = /^(.*?)\[([0-9a-z]+):([0-9a-z]+)(?::(\d+))?\](.*)$/i.exec(pattern);
  if (!m) return [pattern];
  const [, head = '', from = '', to = '', step = '1', tail = ''] = m;
  const out: string[] = [];
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const width = from.startsWith('0') ? from.length : 0;
    for (let n = Number(from); n <= Number(to); n += Number(step)) {
      out.push(...expandHostRange(`${head}${String(n).padStart(width, '0')}${tail}`));
    }
  } else if (/^[a-z]$/i.test(from) && /^[a-z]$/i.test(to)) {
    for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c += Number(step)) {
      out.push(...expandHostRange(`${head}${String.fromCharCode(c)}${tail}`));
    }
  } else {
    throw new Error(`bad host range [${from}:${to}]`);
  }
  return out;
}

export function parseIniInventory(text: string, file: string): Inventory {
  const builder = new InventoryBuilder(file);
  let section = 'ungrouped';
  let kind: 'hosts' | 'vars' | 'children' = 'hosts';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const where = `${file}:${index + 1}`;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[([^\]:]+)(?::(vars|children))?\]\s*(?:[#;].*)?$/.exec(line);
    if (header) {
      section = header[1] as string;
      kind = (header[2] as 'vars' | 'children' | undefined) ?? 'hosts';
      builder.group(section);
      return;
    }
    if (line.startsWith('[')) {
      throw new InventoryError(
        `${where}: '${line}' is not a section header ([group], [group:vars] or [group:children])`,
      );
    }
    try {
      if (kind === 'vars') {
        const eq = line.indexOf('=');
        if (eq < 1) throw new Error(`expected key=value in [${section}:vars]`);
        builder.group(section).vars[line.slice(0, eq).trim()] = iniValue(line.slice(eq + 1));
      } else if (kind === 'children') {
        builder.addChild(section, shellWords(line)[0] as string);
      } else {
        const [hostWord, ...rest] = shellWords(line);
        if (hostWord === undefined) return;
        const vars: Vars = {};
        for (const word of rest) {
          const eq = word.indexOf('=');
          if (eq < 1) throw new Error(`'${word}' is not key=value`);
          vars[word.slice(0, eq)] = iniValue(word.slice(eq + 1));
        }
        let host = hostWord;
        const port = /^([^:[\]]+):(\d+)$/.exec(hostWord);
        if (port) {
          host = port[1] as string;
          vars['ansible_port'] = Number(port[2]);
        }
        for (const name of expandHostRange(host)) builder.addHost(section, name, { ...vars });
      }
    } catch (error) {
      if (error instanceof InventoryError) throw error;
      throw new InventoryError(`${where}: ${(error as Error).message}`);
    }
  });
  return builder.finish();
}
