// Issue 14 item 9, on a fleet of real sshd nodes on loopback addresses (test/helpers/ssh-fleet.ts):
//  - `rwsec fleet set` of one CORS key on 10 nodes against an Ansible playbook making the same
//    change with ansible.builtin.replace + backup: true (forks 10), side by side, interleaved, on
//    the same fleet; goal: ours takes at most 1/10 of Ansible's time;
//  - `rwsec fleet status` of 50 nodes, each with a keystore and a trust file; goal <= 3 s.
// Both sides run as separate processes from a cold start, each ssh connection made fresh
// (Ansible's persisted masters are closed after each of its runs). The nodes are this machine's
// own Debian sshd 9.2 processes, sharing its 2 cores with rwsec and Ansible; root's login shell
// is bash, whose ~/.bashrc here runs `pyenv init`; the ssh client's default key exchange
// (sntrup761x25519) is left as it is. Two sftp set-ups are measured: `internal-sftp` (the test
// fleet's; no program starts on the node) and Debian's default external sftp-server (started
// through the login shell). A floor figure times the bare ssh connections of the same nodes
// (`ssh -s HOST sftp` with nothing sent), which no transport over ssh can go below.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ansibleEnv } from '../helpers/ansible';
import { nodeMaterial, populateNode } from '../helpers/fleet-nodes';
import { rwsecBin } from '../helpers/paths';
import { fleetSkipReason, startFleet, type Fleet, type SftpMode } from '../helpers/ssh-fleet';
import { median, type BenchFigure } from './figure';

const RUNS = 5;
const STATUS_RUNS = 3;

/** The 1-minute load average, for the figures: the machine may be shared. */
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

function timed(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0 && !(args.includes('status') && code === 1)) {
        reject(
          new Error(
            `${command} ${args.slice(0, 3).join(' ')} failed (${code}): ${out.slice(-600)}`,
          ),
        );
      } else resolve(ms);
    });
  });
}

/**
 * Ansible keeps its master connections for 60 s after a run (ControlPersist): without closing
 * them, its later runs would reuse the connections of the earlier ones while rwsec starts cold.
 */
async function closeAnsibleMasters(dir: string): Promise<void> {
  const cp = join(dir, 'ansible', 'cp');
  await Promise.all(
    readdirSync(cp).map((socket) =>
      timed('ssh', ['-o', `ControlPath=${join(cp, socket)}`, '-O', 'exit', 'any']).catch(
        () => undefined,
      ),
    ),
  );
}

/** Every node's bare ssh connection at once (handshake, login, sftp started, ended): the floor. */
async function connectionFloor(fleet: Fleet, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await Promise.all(
      fleet.nodes.map((n) =>
        timed('ssh', ['-F', fleet.sshConfig, '-p', String(n.port), '-s', n.address, 'sftp']),
      ),
    );
    times.push(performance.now() - start);
  }
  return median(times);
}

const SETUP = (sftp: SftpMode) =>
  sftp === 'internal'
    ? 'nodes: sshd with internal-sftp'
    : "nodes: sshd with Debian's default external sftp-server (started by the login shell)";

const PLAYBOOK = `- hosts: rws
  gather_facts: false
  tasks:
    - name: one CORS key, as an administrator would change it with Ansible
      ansible.builtin.replace:
        path: "{{ rws_config }}"
        regexp: '^(\\s*allowedOrigins:).*$'
        replace: '\\1 {{ origins }}'
        backup: true
`;

async function setBench(): Promise<BenchFigure[]> {
  const fleet = await startFleet({ nodes: 10, populate: populateNode(await nodeMaterial()) });
  try {
    const inventory = await fleet.writeInventory();
    const playbook = join(fleet.dir, 'cors.yml');
    writeFileSync(playbook, PLAYBOOK);
    const env = { ...process.env, ...ansibleEnv(fleet.dir) };
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      theirs.push(
        await timed(
          'ansible-playbook',
          ['-i', inventory, '-f', '10', '-e', `origins=https://a${i}.example`, playbook],
          env,
        ),
      );
      await closeAnsibleMasters(fleet.dir);
      ours.push(
        await timed(process.execPath, [
          rwsecBin,
          'fleet',
          'set',
          '-i',
          inventory,
          '--forks',
          '10',
          '--yes',
          `serverSettings.crossOriginSettings.allowedOrigins=https://r${i}.example`,
        ]),
      );
    }
    const a = median(theirs);
    const r = median(ours);
    const floor = await connectionFloor(fleet, RUNS);
    return [
      {
        name: 'fleet set one CORS key, 10 nodes: ansible-playbook replace + backup (forks 10)',
        value: a / 1000,
        unit: 's',
        goal: a / 1000,
        better: 'lower',
        method: `baseline, median of ${RUNS} runs on the same sshd fleet (no goal of its own)`,
      },
      {
        name: 'fleet set one CORS key, 10 nodes: rwsec fleet set',
        value: r / 1000,
        unit: 's',
        goal: a / 10000,
        better: 'lower',
        method: `median of ${RUNS} runs interleaved with Ansible's (read, validate with each node's files, plan, write node by node); ${SETUP('internal')}`,
      },
      {
        name: 'rwsec fleet set time / ansible-playbook time (10 nodes)',
        value: r / a,
        unit: 'ratio',
        goal: 0.1,
        better: 'lower',
        method: `rwsec ${(r / 1000).toFixed(2)} s vs ansible-playbook ${(a / 1000).toFixed(2)} s (${load()}); ${SETUP('internal')}`,
      },
      {
        name: '10 bare ssh connections at once (ssh -s sftp, nothing sent) / ansible-playbook time',
        value: floor / a,
        unit: 'ratio',
        goal: 0.1,
        better: 'lower',
        method: `the floor of any ssh transport: ${(floor / 1000).toFixed(2)} s, median of ${RUNS}, same fleet (${load()})`,
      },
    ];
  } finally {
    await fleet.stop();
  }
}

async function statusBench(sftp: SftpMode): Promise<BenchFigure[]> {
  const fleet = await startFleet({
    nodes: 50,
    sftp,
    populate: populateNode(await nodeMaterial()),
  });
  try {
    const inventory = await fleet.writeInventory();
    const runs: number[] = [];
    for (let i = 0; i < STATUS_RUNS; i++) {
      runs.push(
        await timed(process.execPath, [
          rwsecBin,
          'fleet',
          'status',
          '-i',
          inventory,
          '--forks',
          '50',
          '--json',
        ]),
      );
    }
    const figures: BenchFigure[] = [
      {
        name: `rwsec fleet status, 50 nodes (keystore + trust file each)${sftp === 'internal' ? '' : ', external sftp-server'}`,
        value: median(runs) / 1000,
        unit: 's',
        goal: 3,
        better: 'lower',
        method: `median of ${STATUS_RUNS} CLI runs, --forks 50, fresh ssh connections each run; ${SETUP(sftp)} (${load()})`,
      },
    ];
    if (sftp === 'internal') {
      figures.push({
        name: '50 bare ssh connections at once (ssh -s sftp, nothing sent)',
        value: (await connectionFloor(fleet, STATUS_RUNS)) / 1000,
        unit: 's',
        goal: 3,
        better: 'lower',
        method: `the floor of any ssh transport on this machine, median of ${STATUS_RUNS}; ${SETUP(sftp)} (${load()})`,
      });
    }
    return figures;
  } finally {
    await fleet.stop();
  }
}

export async function run(): Promise<BenchFigure[]> {
  const skip = fleetSkipReason();
  if (skip) throw new Error(`fleet bench needs the sshd fleet: ${skip}`);
  return [
    ...(await setBench()),
    ...(await statusBench('internal')),
    ...(await statusBench('external')),
  ];
}
