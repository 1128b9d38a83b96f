// Reading certificate inputs and writing outputs for keystore subcommands.
import { promises as fs } from 'node:fs';
import type { X509Certificate } from 'node:crypto';
import type { CliIo } from '../../command';
import { MAX_STORE_BYTES, readRegularFile } from '../../../services/files/bounded-read';
import { FileReadError } from '../../../services/files/file-errors';
import { readKeystore } from '../../../services/keystore/read';
import { KeystoreError } from '../../../services/keystore/model';

export async function readInput(file: string): Promise<Buffer> {
  try {
    return await readRegularFile(file, MAX_STORE_BYTES);
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    throw new KeystoreError(err.code === 'missing' ? 'not-found' : 'corrupt', err.message, file);
  }
}

/** Every certificate of a PEM bundle, DER file or PKCS#7 (.p7b), in file order. */
export async function readCertificates(file: string): Promise<X509Certificate[]> {
  const store = readKeystore(await readInput(file), { file });
  const certs = store.entries.flatMap((e) => e.chain);
  if (certs.length === 0) {
    throw new KeystoreError('corrupt', `${file} holds no certificate.`, file);
  }
  return certs;
}

/** Writes to a new file (never over an existing one) or, without a file, to stdout. */
export async function writeOutput(
  io: CliIo,
  file: string | undefined,
  data: string | Buffer,
  mode = 0o644,
): Promise<void> {
  if (file === undefined) {
    io.out(typeof data === 'string' ? data : data.toString('latin1'));
    return;
  }
  try {
    await fs.writeFile(file, data, { flag: 'wx', mode });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new KeystoreError(
        'alias-exists',
        `${file} already exists; choose another file name.`,
        file,
      );
    }
    throw err;
  }
  io.err(`Wrote ${file}\n`);
}
