// Real store files for the keystore-content rule tests: made with our own writer, keytool and
// openssl, in a temporary folder.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  KeyEntry,
  Keystore,
  Pkcs12Profile,
  WritableStoreType,
} from '../../electron/services/keystore/model';
import { addSelfSigned } from '../../electron/services/keystore/operations';
import { writeKeystore } from '../../electron/services/keystore/write';

export const DAY = 86_400_000;

export interface EntryRequest {
  alias?: string;
  dns?: string[];
  days?: number;
  /** The certificate's notBefore: in the past for expired or expiring certificates. */
  now?: Date;
  ca?: boolean;
  dname?: string;
}

/** A key entry with a fresh EC P-256 key (fast) and its self-signed certificate. */
export async function selfSignedEntry(request: EntryRequest = {}): Promise<KeyEntry> {
  const { entry } = await addSelfSigned(
    { type: 'JKS', entries: [] },
    {
      alias: request.alias ?? 'jetty',
      dname: request.dname ?? 'CN=rws.example.com, O=Tests',
      san: (request.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
      key: { algorithm: 'ec', curve: 'P-256' },
      days: request.days ?? 365,
      ca: request.ca,
      now: request.now,
    },
  );
  return entry;
}

/** The certificate of a key entry as a trusted entry. */
export function asTrusted(entry: KeyEntry): Keystore['entries'][number] {
  const cert = entry.chain[0];
  if (!cert) throw new Error('entry without a certificate');
  return { kind: 'trusted', alias: entry.alias, created: entry.created, chain: [cert] };
}

export function writeStore(
  dir: string,
  name: string,
  entries: Keystore['entries'],
  type: WritableStoreType,
  password: string,
  profile?: Pkcs12Profile,
): string {
  const file = join(dir, name);
  writeFileSync(file, writeKeystore({ type, entries }, { type, password, profile }));
  return file;
}

export function toolsMissing(): string | undefined {
  for (const [tool, arg] of [
    ['openssl', 'version'],
    ['keytool', '-help'],
  ] as const) {
    if (spawnSync(tool, [arg], { stdio: 'ignore' }).status !== 0) return `${tool} is not installed`;
  }
  return undefined;
}

export function run(tool: string, args: string[], cwd: string): void {
  const result = spawnSync(tool, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${tool} ${args[0] ?? ''} failed: ${result.stderr}`);
}
