// Reads an Ansible inventory (INI or YAML form, told apart as Ansible does: by extension) and
// turns the hosts a --limit selects into fleet nodes: where to connect and which application.yaml.
import { extname } from 'node:path';
import { MAX_CONFIG_BYTES, readRegularFile } from '../files/bounded-read';
import { FileReadError } from '../files/file-errors';
import { parseIniInventory } from './inventory-ini';
import {
  InventoryError,
  groupHosts,
  resolvedVars,
  type Inventory,
  type Vars,
} from './inventory-model';
import { parseYamlInventory } from './inventory-yaml';

export { InventoryError } from './inventory-model';

export interface FleetHost {
  /** The inventory name (what reports show). */
  name: string;
  /** ansible_host, else the name. */
  host: string;
  port?: number;
  user?: string;
  privateKey?: string;
  /** ansible_ssh_common_args, split into words as the shell would. */
  sshArgs: string[];
  /** rws_config: the node's application.yaml path, or undefined when the inventory lacks it. */
  config?: string;
  vars: Vars;
}

export async function readInventory(file: string): Promise<Inventory> {
  let text: string;
  try {
    // Bounded like a config: a FIFO or /dev/zero given as -i is refused, not waited on.
    text = (await readRegularFile(file, MAX_CONFIG_BYTES)).toString('utf8');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    throw new InventoryError(
      error.code === 'missing'
        ? `${file}: no such inventory file; check the -i path`
        : `${error.message} (the -i inventory)`,
    );
  }
  const yaml = ['.yml', '.yaml', '.json'].includes(extname(file).toLowerCase());
  return yaml ? parseYamlInventory(text, file) : parseIniInventory(text, file);
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** Hosts one pattern term names: a group, a host, a glob over both, or ~regex. */
function matchTerm(inventory: Inventory, term: string): Set<string> {
  if (term === 'all' || term === '*') return new Set(inventory.hosts);
  if (inventory.groups.has(term)) return groupHosts(inventory, term);
  if (inventory.hostVars.has(term)) return new Set([term]);
  const re = term.startsWith('~')
    ? new RegExp(term.slice(1))
    : /[*?]/.test(term)
      ? globToRegExp(term)
      : undefined;
  const out = new Set<string>();
  if (!re) return out;
  for (const group of inventory.groups.keys()) {
    if (re.test(group)) for (const h of groupHosts(inventory, group)) out.add(h);
  }
  for (const host of inventory.hosts) if (re.test(host)) out.add(host);
  return out;
}

/**
 * The hosts a --limit pattern selects, in inventory order: terms separated by commas (or colons),
 * `!term` removes, `&term` intersects, as Ansible evaluates them. An unmatched term is an error.
 */
export function limitHosts(inventory: Inventory, pattern: string | undefined): string[] {
  if (pattern === undefined || pattern.trim() === '') return [...inventory.hosts];
  const terms = (pattern.includes(',') ? pattern.split(',') : pattern.split(':'))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const positive = terms.filter((t) => !t.startsWith('!') && !t.startsWith('&'));
  let selected = new Set<string>();
  for (const term of positive) {
    const hosts = matchTerm(inventory, term);
    if (hosts.size === 0) {
      throw new InventoryError(`--limit '${term}' matches no group or host in ${inventory.file}`);
    }
    for (const h of hosts) selected.add(h);
  }
  if (positive.length === 0) selected = new Set(inventory.hosts);
  for (const term of terms.filter((t) => t.startsWith('&'))) {
    const keep = matchTerm(inventory, term.slice(1));
    selected = new Set([...selected].filter((h) => keep.has(h)));
  }
  for (const term of terms.filter((t) => t.startsWith('!'))) {
    for (const h of matchTerm(inventory, term.slice(1))) selected.delete(h);
  }
  return inventory.hosts.filter((h) => selected.has(h));
}

/** ansible_ssh_common_args as words (quotes group, as the shell reads them). */
export function splitArgs(text: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let current = '';
  let last = -1;
  for (const m of text.matchAll(re)) {
    const piece = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3] ?? '');
    const index = m.index ?? 0;
    if (last === index) current += piece;
    else {
      if (last !== -1) words.push(current);
      current = piece;
    }
    last = index + m[0].length;
  }
  if (last !== -1) words.push(current);
  return words;
}

function text(vars: Vars, key: string): string | undefined {
  const v = vars[key];
  if (v === undefined || v === null || v === '') return undefined;
  return String(v);
}

export function fleetHost(inventory: Inventory, name: string): FleetHost {
  const vars = resolvedVars(inventory, name);
  const port = text(vars, 'ansible_port') ?? text(vars, 'ansible_ssh_port');
  if (port !== undefined && !/^\d+$/.test(port)) {
    throw new InventoryError(
      `${inventory.file}: host ${name}: ansible_port '${port}' is not a port number`,
    );
  }
  const user = text(vars, 'ansible_user') ?? text(vars, 'ansible_ssh_user');
  const privateKey =
    text(vars, 'ansible_ssh_private_key_file') ?? text(vars, 'ansible_private_key_file');
  const config = text(vars, 'rws_config');
  return {
    name,
    host: text(vars, 'ansible_host') ?? text(vars, 'ansible_ssh_host') ?? name,
    ...(port !== undefined ? { port: Number(port) } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(privateKey !== undefined ? { privateKey } : {}),
    sshArgs: splitArgs(text(vars, 'ansible_ssh_common_args') ?? ''),
    ...(config !== undefined ? { config } : {}),
    vars,
  };
}

/** The selected hosts, with or without rws_config (Cassandra hosts have none). */
export async function readHosts(file: string, limit?: string): Promise<FleetHost[]> {
  const inventory = await readInventory(file);
  const names = limitHosts(inventory, limit);
  if (names.length === 0) {
    throw new InventoryError(`${file}: no hosts selected${limit ? ` by --limit '${limit}'` : ''}`);
  }
  return names.map((n) => fleetHost(inventory, n));
}

/** The selected hosts as fleet nodes; every one must say where its application.yaml is. */
export async function readFleet(file: string, limit?: string): Promise<FleetHost[]> {
  const inventory = await readInventory(file);
  const names = limitHosts(inventory, limit);
  if (names.length === 0)
    throw new InventoryError(`${file}: no hosts selected${limit ? ` by --limit '${limit}'` : ''}`);
  const hosts = names.map((n) => fleetHost(inventory, n));
  const missing = hosts.filter((h) => h.config === undefined).map((h) => h.name);
  if (missing.length > 0) {
    throw new InventoryError(
      `${file}: ${missing.length === 1 ? 'host' : 'hosts'} ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no rws_config (the path of the node's application.yaml): set it as a host or group variable, or leave ${missing.length === 1 ? 'it' : 'them'} out with --limit`,
    );
  }
  return hosts;
}
