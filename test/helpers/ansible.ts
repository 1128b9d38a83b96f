// Ansible as a test peer, with everything of its own in the test folder: no ~/.ansible, no user
// configuration, host keys checked against the fleet's known_hosts (through its ssh_config).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Ansible with everything of its own in the test folder: no ~/.ansible, no user config. */
export function ansibleEnv(dir: string): Record<string, string> {
  mkdirSync(join(dir, 'ansible', 'cp'), { recursive: true });
  return {
    ANSIBLE_CONFIG: join(dir, 'ansible', 'none.cfg'),
    ANSIBLE_LOCAL_TEMP: join(dir, 'ansible', 'tmp'),
    ANSIBLE_REMOTE_TEMP: join(dir, 'ansible', 'remote-tmp'),
    ANSIBLE_SSH_CONTROL_PATH_DIR: join(dir, 'ansible', 'cp'),
    ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3',
    ANSIBLE_HOST_KEY_CHECKING: 'True',
    ANSIBLE_RETRY_FILES_ENABLED: 'False',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_LOCALHOST_WARNING: 'False',
    ANSIBLE_FORKS: '10',
  };
}

export function ansiblePlaybook(
  dir: string,
  args: string[],
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('ansible-playbook', args, { env: { ...process.env, ...ansibleEnv(dir) } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}
