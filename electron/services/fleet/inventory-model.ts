// The inventory as Ansible builds it from either file form: groups with their variables and
// children, hosts in the order the file names them, and each host's own variables. The INI and
// YAML readers fill an InventoryBuilder; `resolveHosts` then applies variable precedence.
import { UserFacingError } from '../../../shared/user-error';

export type Vars = Record<string, unknown>;

export interface InventoryGroup {
  name: string;
  vars: Vars;
  children: string[];
  /** Hosts listed directly in this group, in file order. */
  hosts: string[];
}

export interface Inventory {
  file: string;
  groups: Map<string, InventoryGroup>;
  /** Every host, in the order the file first names it. */
  hosts: string[];
  /** Each host's own variables (from its host line or its YAML entry). */
  hostVars: Map<string, Vars>;
}

/** An inventory that cannot be used as Ansible would read it: the message names file and line. */
export class InventoryError extends UserFacingError {
  constructor(message: string) {
    super('unreadable', message);
  }
}

export class InventoryBuilder {
  readonly inventory: Inventory;

  constructor(file: string) {
    this.inventory = { file, groups: new Map(), hosts: [], hostVars: new Map() };
    this.group('all');
    this.group('ungrouped');
  }

  group(name: string): InventoryGroup {
    let group = this.inventory.groups.get(name);
    if (!group) {
      group = { name, vars: {}, children: [], hosts: [] };
      this.inventory.groups.set(name, group);
    }
    return group;
  }

  addHost(groupName: string, host: string, vars: Vars): void {
    const { inventory } = this;
    if (!inventory.hostVars.has(host)) {
      inventory.hosts.push(host);
      inventory.hostVars.set(host, {});
    }
    Object.assign(inventory.hostVars.get(host) as Vars, vars);
    const group = this.group(groupName);
    if (!group.hosts.includes(host)) group.hosts.push(host);
  }

  addChild(parent: string, child: string): void {
    this.group(child);
    const group = this.group(parent);
    if (!group.children.includes(child)) group.children.push(child);
  }

  /** As Ansible does after parsing: top groups are children of all; lone hosts are ungrouped. */
  finish(): Inventory {
    const { groups, hosts } = this.inventory;
    const isChild = new Set([...groups.values()].flatMap((g) => g.children));
    for (const name of groups.keys()) {
      if (name !== 'all' && !isChild.has(name)) this.addChild('all', name);
    }
    const grouped = new Set(
      [...groups.values()]
        .filter((g) => g.name !== 'all' && g.name !== 'ungrouped')
        .flatMap((g) => g.hosts),
    );
    const ungrouped = this.group('ungrouped');
    for (const host of hosts) {
      if (!grouped.has(host) && !ungrouped.hosts.includes(host)) ungrouped.hosts.push(host);
    }
    ungrouped.hosts = ungrouped.hosts.filter((h) => !grouped.has(h));
    return this.inventory;
  }
}

/** Hosts of a group and of all its descendants, in inventory order. */
export function groupHosts(inventory: Inventory, name: string): Set<string> {
  const seen = new Set<string>();
  const out = new Set<string>();
  const visit = (groupName: string) => {
    if (seen.has(groupName)) return;
    seen.add(groupName);
    const group = inventory.groups.get(groupName);
    if (!group) return;
    if (groupName === 'all') {
      for (const h of inventory.hosts) out.add(h);
      return;
    }
    for (const h of group.hosts) out.add(h);
    for (const c of group.children) visit(c);
  };
  visit(name);
  return out;
}

/** The groups a host belongs to, directly or through a child group (all included). */
export function hostGroups(inventory: Inventory, host: string): string[] {
  return [...inventory.groups.keys()].filter((g) => groupHosts(inventory, g).has(host));
}

/** A group's depth below `all` (the longest path, as Ansible orders group vars). */
function depths(inventory: Inventory): Map<string, number> {
  const depth = new Map<string, number>([['all', 0]]);
  const visit = (name: string, d: number, path: Set<string>) => {
    if (path.has(name)) return;
    if ((depth.get(name) ?? -1) < d) depth.set(name, d);
    const group = inventory.groups.get(name);
    for (const child of group?.children ?? []) visit(child, d + 1, new Set([...path, name]));
  };
  visit('all', 0, new Set());
  return depth;
}

/**
 * A host's variables as Ansible resolves them: `all` first, then its groups from the shallowest
 * to the deepest (same depth: by ansible_group_priority, then by name), then the host's own.
 */
export function resolvedVars(inventory: Inventory, host: string): Vars {
  const depth = depths(inventory);
  const groups = hostGroups(inventory, host)
    .map((name) => inventory.groups.get(name) as InventoryGroup)
    .sort((a, b) => {
      const byDepth = (depth.get(a.name) ?? 0) - (depth.get(b.name) ?? 0);
      if (byDepth !== 0) return byDepth;
      const priority = (g: InventoryGroup) => Number(g.vars['ansible_group_priority'] ?? 1);
      const byPriority = priority(a) - priority(b);
      return byPriority !== 0 ? byPriority : a.name.localeCompare(b.name);
    });
  const vars: Vars = {};
  for (const g of groups) Object.assign(vars, g.vars);
  Object.assign(vars, inventory.hostVars.get(host) ?? {});
  return vars;
}
