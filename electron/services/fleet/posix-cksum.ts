// POSIX `cksum` (CRC-32 over the bytes and then the length), the one checksum every POSIX node
// can compute with no extra tool: the Ansible export's validate step compares files with it.
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    table[i] = c >>> 0;
  }
  return table;
})();

/** What `cksum < FILE` prints: "CRC SIZE". */
export function posixCksum(bytes: Uint8Array): string {
  let crc = 0;
  const step = (b: number) => {
    crc = ((crc << 8) ^ (TABLE[((crc >>> 24) ^ b) & 0xff] as number)) >>> 0;
  };
  for (const b of bytes) step(b);
  for (let n = bytes.length; n > 0; n = Math.floor(n / 256)) step(n & 0xff);
  return `${(~crc >>> 0).toString()} ${bytes.length}`;
}
