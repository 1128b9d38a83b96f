// A child process for the crash-safety test: saves numbered versions of a file in a loop, as the
// app does (saveText for application.yaml, saveStore for a keystore), and prints "saved N" after
// each save returns. The test SIGKILLs it at random moments and then inspects the file.
//   node save-worker.cjs config <file> <first-version>
//   node save-worker.cjs keystore <file> <first-version> <key-pem-file> <password>
import { readFileSync } from 'node:fs';
import { saveText } from '../../electron/services/files/safe-save';
import type { Keystore, KeyEntry } from '../../electron/services/keystore/model';
import { readKeystore } from '../../electron/services/keystore/read';
import { saveStore } from '../../electron/services/keystore/store-file';

/** Version N of the config: the sample with N written into it and ~100 KB that differ per N. */
export function configVersion(sample: string, n: number): string {
  const filler = Array.from(
    { length: 1500 },
    (_, i) => `# save ${n} filler line ${i} ${'x'.repeat(48)}`,
  );
  return `# save ${n}\n${sample}\n${filler.join('\n')}\n`;
}

/** The save number written into a config version, or undefined. */
export function configVersionNumber(text: string): number | undefined {
  const m = /^# save (\d+)\n/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export const KEY_ALIAS_PREFIX = 'version-';

/** Version N of the keystore: the one key entry, its alias naming N. */
export function keystoreVersion(key: KeyEntry, n: number): Keystore {
  return { type: 'PKCS12', entries: [{ ...key, alias: `${KEY_ALIAS_PREFIX}${n}` }] };
}

export function keystoreVersionNumber(store: Keystore): number | undefined {
  const alias = store.entries[0]?.alias ?? '';
  return alias.startsWith(KEY_ALIAS_PREFIX)
    ? Number(alias.slice(KEY_ALIAS_PREFIX.length))
    : undefined;
}

async function main(): Promise<void> {
  const [kind, file, first, pemFile, password] = process.argv.slice(2);
  if (!file || first === undefined) throw new Error('usage: save-worker <kind> <file> <first> ...');
  const sample = kind === 'config' ? readFileSync(process.env.RWSEC_SAMPLE ?? '', 'utf8') : '';
  const key =
    kind === 'keystore'
      ? (readKeystore(readFileSync(pemFile!), { file: pemFile }).entries[0] as KeyEntry)
      : undefined;
  for (let n = Number(first); n < Number(first) + 10_000; n++) {
    if (key)
      await saveStore(file, keystoreVersion(key, n), { type: 'PKCS12', password: password! });
    else await saveText(file, configVersion(sample, n));
    process.stdout.write(`saved ${n}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `save-worker: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
