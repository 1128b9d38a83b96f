// A fleet of real OpenSSH servers for the fleet tests: one Debian `sshd` per node, each on its
// own loopback address (127.0.0.11, 127.0.0.12, ...), key-only login with a key made here, a
// known_hosts file and an ssh_config of the test's own (passed with -F, so ~/.ssh is never read or
// written), and per node a folder with its own application.yaml. Every sshd is stopped by
// `stop()`, and by a process exit hook if a test dies before calling it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SSHD = '/usr/sbin/sshd';

/** Why the fleet cannot run here, or undefined when it can. */
export function fleetSkipReason(): string | undefined {
  if (!existsSync(SSHD)) return 'sshd is not installed (Debian openssh-server)';
  if (spawnSync('ssh', ['-V'], { stdio: 'ignore' }).status !== 0) {
    return 'ssh is not installed (Debian openssh-client)';
  }
  if (process.getuid?.() !== 0) {
    return 'the test sshd logs in as the current user and needs root to run (CI runs as root)';
  }
  return undefined;
}

export interface FleetNode {
  /** Inventory name: rws-1, rws-2, ... */
  name: string;
  address: string;
  port: number;
  /** The node's own folder (its "file system" for the tests). */
  dir: string;
  /** Its application.yaml. */
  config: string;
  /** sshd's host public key line, as known_hosts holds it. */
  hostKey: string;
  process?: ChildProcess;
  /** The listening sshd's pid. */
  pid?: number;
}

export interface Fleet {
  dir: string;
  nodes: FleetNode[];
  /** ssh_config to pass with -F (User, IdentityFile, known_hosts, BatchMode). */
  sshConfig: string;
  knownHosts: string;
  identity: string;
  /** `-F <sshConfig>`, for ansible_ssh_common_args. */
  sshArgs: string;
  /** An INI inventory of all nodes in group [rws] (extra lines appended). */
  writeInventory(options?: { name?: string; extra?: string; nodes?: FleetNode[] }): Promise<string>;
  stopNode(node: FleetNode): Promise<void>;
  /** SIGKILL of the node's sshd and its session processes. */
  killNode(node: FleetNode): void;
  startNode(node: FleetNode): Promise<void>;
  /** A new host key for the node (its sshd restarted), known_hosts left alone. */
  rekeyNode(node: FleetNode): Promise<void>;
  stop(): Promise<void>;
}

const FIRST_HOST = 11;

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

function canListen(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, address, () => server.close(() => resolve(true)));
  });
}

/** A port free on every address of the fleet (fleets of different test files may overlap). */
async function freePort(addresses: string[]): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 9000);
    const free = await Promise.all(addresses.map((a) => canListen(a, port)));
    if (free.every(Boolean)) return port;
  }
  throw new Error('no free port for the test fleet');
}

function listening(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * How the nodes serve the sftp subsystem: in sshd's own process ('internal', no program and no
 * shell started), Debian's default external /usr/lib/openssh/sftp-server (run through the user's
 * login shell, rc files and all), or not at all ('none': rwsec falls back to the node's shell).
 */
export type SftpMode = 'internal' | 'external' | 'none';

const SUBSYSTEM: Record<SftpMode, string[]> = {
  internal: ['Subsystem sftp internal-sftp'],
  external: ['Subsystem sftp /usr/lib/openssh/sftp-server'],
  none: [],
};

function sshdConfig(fleetDir: string, node: FleetNode, sftp: SftpMode): string {
  return [
    `ListenAddress ${node.address}:${node.port}`,
    `HostKey ${join(node.dir, '.sshd', 'host_key')}`,
    `PidFile ${join(node.dir, '.sshd', 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(fleetDir, 'authorized_keys')}`,
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password',
    // The test folders live under /tmp, whose modes sshd's StrictModes would refuse.
    'StrictModes no',
    'UsePAM no',
    'MaxSessions 64',
    'MaxStartups 200',
    'LogLevel ERROR',
    ...SUBSYSTEM[sftp],
    '',
  ].join('\n');
}

async function makeHostKey(node: FleetNode): Promise<void> {
  const keyDir = join(node.dir, '.sshd');
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  await rm(join(keyDir, 'host_key'), { force: true });
  await rm(join(keyDir, 'host_key.pub'), { force: true });
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(keyDir, 'host_key')]);
  const pub = (await readFile(join(keyDir, 'host_key.pub'), 'utf8')).trim().split(' ');
  node.hostKey = `[${node.address}]:${node.port} ${pub[0]} ${pub[1]}`;
}

async function startSshd(fleetDir: string, node: FleetNode, sftp: SftpMode): Promise<void> {
  const configFile = join(node.dir, '.sshd', 'sshd_config');
  await writeFile(configFile, sshdConfig(fleetDir, node, sftp));
  // sshd's privilege separation folder; a PidFile of our own keeps /run/sshd.pid alone.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child = spawn(SSHD, ['-D', '-e', '-f', configFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  running.add(child);
  child.once('exit', () => running.delete(child));
  node.process = child;
  node.pid = child.pid;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`sshd for ${node.name} exited: ${stderr}`);
    if (await listening(node.address, node.port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`sshd for ${node.name} did not listen on ${node.address}:${node.port}`);
}

async function stopSshd(node: FleetNode): Promise<void> {
  const child = node.process;
  if (!child) return;
  node.process = undefined;
  if (child.exitCode !== null || child.signalCode !== null) return;
  // The listener's session processes (one per client connection, multiplexed masters included)
  // would outlive it: end them first, by pid.
  for (const pid of child.pid ? childPids(child.pid) : []) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

/** Pids of the processes whose parent is `pid` (sshd's per-connection processes). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

export interface FleetOptions {
  nodes: number;
  /** Writes each node's files; default: a copy of `config` text as application.yaml. */
  populate?: (node: FleetNode, index: number) => Promise<void>;
  /** Last byte of the first node's loopback address (default 11); test suites that may run at
   * once beside the fleet tests use their own range. */
  firstAddress?: number;
  /** The nodes' sftp subsystem (default 'internal'). */
  sftp?: SftpMode;
}

export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const sftp = options.sftp ?? 'internal';
  const dir = await mkdtemp(join(tmpdir(), 'rwsec-fleet-'));
  await chmod(dir, 0o700);
  const addresses = Array.from(
    { length: options.nodes },
    (_, i) => `127.0.0.${(options.firstAddress ?? FIRST_HOST) + i}`,
  );
  const port = await freePort(addresses);
  const identity = join(dir, 'id_ed25519');
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'rwsec-fleet-test', '-f', identity]);
  await writeFile(join(dir, 'authorized_keys'), await readFile(`${identity}.pub`));
  const knownHosts = join(dir, 'known_hosts');
  const sshConfig = join(dir, 'ssh_config');
  await writeFile(
    sshConfig,
    [
      'Host *',
      '  User root',
      `  IdentityFile ${identity}`,
      '  IdentitiesOnly yes',
      `  UserKnownHostsFile ${knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      '  BatchMode yes',
      '  ConnectTimeout 5',
      '',
    ].join('\n'),
  );
  const nodes: FleetNode[] = addresses.map((address, i) => ({
    name: `rws-${i + 1}`,
    address,
    port,
    dir: join(dir, 'nodes', `rws-${i + 1}`),
    config: join(dir, 'nodes', `rws-${i + 1}`, 'etc', 'application.yaml'),
    hostKey: '',
  }));
  const stopAll = async () => {
    await Promise.all(nodes.map(stopSshd));
  };
  try {
    for (const [i, node] of nodes.entries()) {
      await mkdir(join(node.dir, 'etc'), { recursive: true });
      await makeHostKey(node);
      if (options.populate) await options.populate(node, i);
    }
    await writeFile(knownHosts, nodes.map((n) => n.hostKey).join('\n') + '\n');
    await Promise.all(nodes.map((n) => startSshd(dir, n, sftp)));
  } catch (error) {
    await stopAll();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  let inventories = 0;
  return {
    dir,
    nodes,
    sshConfig,
    knownHosts,
    identity,
    sshArgs: `-F ${sshConfig}`,
    async writeInventory(opts = {}) {
      const file = join(dir, opts.name ?? `inventory-${++inventories}.ini`);
      const lines = ['[rws]'];
      for (const n of opts.nodes ?? nodes) {
        lines.push(
          `${n.name} ansible_host=${n.address} ansible_port=${n.port} rws_config=${n.config}`,
        );
      }
      lines.push('', '[all:vars]', `ansible_ssh_common_args='-F ${sshConfig}'`, '');
      if (opts.extra) lines.push(opts.extra, '');
      await writeFile(file, lines.join('\n'));
      return file;
    },
    stopNode: stopSshd,
    killNode(node) {
      // SIGKILL of the node's sshd: the listener and every session process, nothing cleaned up.
      const pid = node.process?.pid;
      if (!pid) return;
      for (const p of [...childPids(pid), pid]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      node.process = undefined;
    },
    startNode: (node) => startSshd(dir, node, sftp),
    async rekeyNode(node) {
      await stopSshd(node);
      await makeHostKey(node);
      await startSshd(dir, node, sftp);
    },
    async stop() {
      await stopAll();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
