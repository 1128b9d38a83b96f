// Whole-file reads and writes over SFTP, pipelined (several requests in flight) so a file costs
// about one round trip, not one per chunk.
import type { SftpClient } from './sftp-client';

/** Bytes per read or write request: OpenSSH serves up to 256 KiB; 32 KiB every server takes. */
const CHUNK = 32 * 1024;
const IN_FLIGHT = 16;

export class TooLargeError extends Error {
  constructor(readonly size: number) {
    super(`is at least ${size} bytes`);
  }
}

/**
 * Reads from offset 0 to the end of the file. `expected` (the size from stat) decides how many
 * reads go out at once; a file that grew is still read to its end, up to `limit` bytes (then
 * TooLargeError).
 */
export async function readAll(
  client: SftpClient,
  handle: Buffer,
  expected: number,
  limit: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    // The bytes still expected in exact pieces, plus one read past them that normally answers
    // EOF in the same round trip (and finds the bytes of a file that grew).
    const asks: number[] = [];
    for (let at = offset; at < expected && asks.length < IN_FLIGHT; at += CHUNK) {
      asks.push(Math.min(CHUNK, expected - at));
    }
    asks.push(CHUNK);
    let at = offset;
    const replies = await Promise.all(
      asks.map((length) => {
        const reply = client.read(handle, at, length);
        at += length;
        return reply;
      }),
    );
    for (const [i, reply] of replies.entries()) {
      if (reply.length === 0) return Buffer.concat(parts);
      parts.push(reply);
      offset += reply.length;
      if (offset > limit) throw new TooLargeError(offset);
      // A short reply (a server's own limit) leaves a gap: read on from where it ended.
      if (reply.length < (asks[i] as number)) break;
    }
  }
}

/** Writes `data` at offset 0 (in pipelined chunks). */
export async function writeAll(
  client: SftpClient,
  handle: Buffer,
  data: Uint8Array,
): Promise<void> {
  const writes: Promise<void>[] = [];
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    writes.push(client.write(handle, offset, data.subarray(offset, offset + CHUNK)));
  }
  await Promise.all(writes);
}
