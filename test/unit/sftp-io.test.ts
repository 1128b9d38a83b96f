// Whole-file reads over SFTP against a server that answers reads shorter than asked (a server's
// own limit: allowed by the protocol) and a file that grows while it is read: the bytes come back
// whole and in order, and a file past the limit is refused.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import type { SftpClient } from '../../electron/services/fleet/sftp/sftp-client';
import { readAll, TooLargeError, writeAll } from '../../electron/services/fleet/sftp/sftp-io';

/** A file on a fake server that serves at most `cap` bytes per read. */
function server(content: Buffer, cap: number) {
  let file = Buffer.from(content);
  let reads = 0;
  const client = {
    read: async (_h: Buffer, offset: number, length: number) => {
      reads++;
      return file.subarray(offset, offset + Math.min(length, cap));
    },
    write: async (_h: Buffer, offset: number, data: Uint8Array) => {
      const next = Buffer.alloc(Math.max(file.length, offset + data.length));
      file.copy(next);
      Buffer.from(data).copy(next, offset);
      file = next;
    },
  } as unknown as SftpClient;
  return {
    client,
    grow: (more: Buffer) => (file = Buffer.concat([file, more])),
    get file() {
      return file;
    },
    get reads() {
      return reads;
    },
  };
}

describe('sftp whole-file reads and writes', () => {
  test('a small file comes back in one round of requests', async () => {
    const content = randomBytes(3000);
    const s = server(content, 1 << 20);
    assert.deepEqual(await readAll(s.client, Buffer.alloc(0), content.length, 1 << 20), content);
    assert.equal(s.reads, 2, 'the bytes, and the read past them that answers the end');
  });

  test('short replies leave no gap: a 200 KB file from a server giving 5,000 bytes a read', async () => {
    const content = randomBytes(200_000);
    const s = server(content, 5000);
    assert.deepEqual(await readAll(s.client, Buffer.alloc(0), content.length, 1 << 20), content);
  });

  test('an empty file, and a file that grew after its size was taken', async () => {
    assert.deepEqual(
      await readAll(server(Buffer.alloc(0), 100).client, Buffer.alloc(0), 0, 10),
      Buffer.alloc(0),
    );
    const s = server(randomBytes(1000), 1 << 20);
    s.grow(randomBytes(70_000));
    assert.deepEqual(await readAll(s.client, Buffer.alloc(0), 1000, 1 << 20), s.file);
  });

  test('a file past the limit is refused, not read to its end', async () => {
    const s = server(randomBytes(10_000), 1 << 20);
    s.grow(randomBytes(500_000));
    await assert.rejects(readAll(s.client, Buffer.alloc(0), 10_000, 100_000), TooLargeError);
  });

  test('writes land at their offsets', async () => {
    const content = randomBytes(100_000);
    const s = server(Buffer.alloc(0), 1 << 20);
    await writeAll(s.client, Buffer.alloc(0), content);
    assert.deepEqual(s.file, content);
  });
});
