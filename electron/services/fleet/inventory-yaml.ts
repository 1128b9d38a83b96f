// Ansible's YAML inventory form: groups (top level, usually just `all`) with `hosts`, `vars`
// and `children`; host entries hold the host's variables (or nothing).
import { parse } from 'yaml';
import { expandHostRange } from './inventory-ini';
import { InventoryBuilder, InventoryError, type Inventory, type Vars } from './inventory-model';

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function parseYamlInventory(text: string, file: string): Inventory {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new InventoryError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  if (!isMap(data)) {
    throw new InventoryError(
      `${file}: a YAML inventory is a mapping of groups (all: {hosts: ..., children: ...})`,
    );
  }
  const builder = new InventoryBuilder(file);
  const readGroup = (name: string, body: unknown, path: string) => {
    builder.group(name);
    if (body === null || body === undefined) return;
    if (!isMap(body))
      throw new InventoryError(`${file}: ${path} must be a mapping with hosts, vars or children`);
    for (const key of Object.keys(body)) {
      if (!['hosts', 'vars', 'children'].includes(key)) {
        throw new InventoryError(
          `${file}: ${path}.${key}: a group holds only hosts, vars and children`,
        );
      }
    }
    const { hosts, vars, children } = body;
    if (vars !== undefined && vars !== null) {
      if (!isMap(vars)) throw new InventoryError(`${file}: ${path}.vars must be a mapping`);
      Object.assign(builder.group(name).vars, vars);
    }
    if (hosts !== undefined && hosts !== null) {
      if (!isMap(hosts))
        throw new InventoryError(`${file}: ${path}.hosts must be a mapping of host names`);
      for (const [host, hv] of Object.entries(hosts)) {
        if (hv !== null && hv !== undefined && !isMap(hv)) {
          throw new InventoryError(`${file}: ${path}.hosts.${host} must be a mapping of variables`);
        }
        let names: string[];
        try {
          names = expandHostRange(host);
        } catch (error) {
          throw new InventoryError(`${file}: ${path}.hosts.${host}: ${(error as Error).message}`);
        }
        for (const n of names) builder.addHost(name, n, { ...((hv ?? {}) as Vars) });
      }
    }
    if (children !== undefined && children !== null) {
      if (!isMap(children))
        throw new InventoryError(`${file}: ${path}.children must be a mapping of groups`);
      for (const [child, childBody] of Object.entries(children)) {
        builder.addChild(name, child);
        readGroup(child, childBody, `${path}.children.${child}`);
      }
    }
  };
  for (const [name, body] of Object.entries(data)) readGroup(name, body, name);
  return builder.finish();
}
