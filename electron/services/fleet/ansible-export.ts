// `rwsec fleet set --ansible-playbook OUT`: the change as a playbook for shops where every change
// goes through Ansible. OUT/files/<host>/<name> holds each node's new file exactly as `fleet set`
// would write it; OUT/playbook.yml copies it with ansible.builtin.copy (backup: true, the file's
// owner and mode, node by node, the first failure stops) and a validate step, run on the node
// with its POSIX shell, that refuses the copy unless the node's file is still the one rwsec read
// and the copied temp file is the one rwsec computed. The playbook itself holds no secret; the
// files do, as the configs themselves do.
import { mkdir, writeFile } from 'node:fs/promises';
import { posix, join } from 'node:path';
import type { NodePlan } from './fleet-set';
import { posixCksum } from './posix-cksum';

export interface AnsibleExport {
  playbook: string;
  files: string[];
}

function q(value: string): string {
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

function shellDouble(value: string): string {
  return `"${value.replace(/["\\$`]/g, '\\$&')}"`;
}

export async function writeAnsibleExport(
  out: string,
  plans: readonly NodePlan[],
): Promise<AnsibleExport> {
  const changing = plans.filter((p) => !p.unchanged && p.next);
  await mkdir(join(out, 'files'), { recursive: true, mode: 0o700 });
  const files: string[] = [];
  const vars: string[] = [];
  for (const plan of changing) {
    const { node } = plan;
    const name = node.host.name;
    const dest = node.host.config as string;
    if (dest.includes("'"))
      throw new Error(`${name}: ${dest}: a path with a single quote cannot be exported`);
    const base = posix.basename(dest);
    const next = Buffer.from(plan.next?.text ?? '', 'utf8');
    await mkdir(join(out, 'files', name), { recursive: true, mode: 0o700 });
    const file = join(out, 'files', name, base);
    await writeFile(file, next, { mode: 0o600 });
    files.push(file);
    // Ansible runs validate without a shell (split like a command line): sh -c does the test.
    const check = `[ "$(cksum < %s)" = "${posixCksum(next)}" ] && [ "$(cksum < ${shellDouble(dest)})" = "${posixCksum(node.original as Buffer)}" ]`;
    vars.push(
      `      ${q(name)}:`,
      `        src: ${q(`files/${name}/${base}`)}`,
      `        dest: ${q(dest)}`,
      `        owner: ${q(String(node.uid))}`,
      `        group: ${q(String(node.gid))}`,
      `        mode: ${q(`0${(node.mode as number).toString(8)}`)}`,
      `        validate: ${q(`sh -c '${check}'`)}`,
    );
  }
  const hosts = changing.map((p) => p.node.host.name).join(',');
  const text = [
    '# Written by `rwsec fleet set --ansible-playbook`: running',
    '#   ansible-playbook -i INVENTORY playbook.yml',
    "# makes exactly the change `rwsec fleet set` would have made. files/ holds every node's new",
    '# file, secrets included: protect this folder like the configuration files themselves.',
    "# Each copy is refused (validate) when the node's file is no longer the one rwsec read.",
    '- name: rwsec fleet set',
    `  hosts: ${q(hosts || 'none')}`,
    '  gather_facts: false',
    '  order: inventory',
    '  serial: 1',
    '  any_errors_fatal: true',
    '  vars:',
    '    rwsec_nodes:',
    ...vars,
    '  tasks:',
    '    - name: application.yaml as rwsec fleet set computed it',
    '      ansible.builtin.copy:',
    '        src: "{{ rwsec_nodes[inventory_hostname].src }}"',
    '        dest: "{{ rwsec_nodes[inventory_hostname].dest }}"',
    '        owner: "{{ rwsec_nodes[inventory_hostname].owner }}"',
    '        group: "{{ rwsec_nodes[inventory_hostname].group }}"',
    '        mode: "{{ rwsec_nodes[inventory_hostname].mode }}"',
    '        backup: true',
    '        validate: "{{ rwsec_nodes[inventory_hostname].validate }}"',
    '',
  ].join('\n');
  const playbook = join(out, 'playbook.yml');
  await writeFile(playbook, text, { mode: 0o600 });
  return { playbook, files };
}
