// The Ansible export's validate step compares files with the node's own `cksum`: ours must print
// exactly what POSIX cksum prints for every length (the length bytes are part of the CRC).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { posixCksum } from '../../electron/services/fleet/posix-cksum';

test('posixCksum equals `cksum < FILE`', () => {
  for (const size of [0, 1, 2, 255, 256, 257, 4095, 65536, 70001]) {
    const bytes = randomBytes(size);
    const r = spawnSync('cksum', [], { input: bytes, encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.equal(posixCksum(bytes), r.stdout.trim(), `size ${size}`);
  }
});
