import { terminalSafe } from '../../../../shared/terminal-safe';
import type { CliIo } from '../../command';
import { EXIT_OK } from '../../command';
import { describeStore, type StoreDescription } from '../../../services/keystore/describe-store';
import { defineCommand } from '../../cli-spec';
import { keystoreEpilogue, storeArg, storePassword, storepassOptions } from './common';
import { readKeystoreFile } from '../../../services/keystore/read';
import { KeystoreError } from '../../../services/keystore/model';

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function human(file: string, d: StoreDescription): string {
  const rows = [['ALIAS', 'KIND', 'CHAIN', 'SUBJECT', 'EXPIRES', 'KEY', 'SAN']];
  for (const e of d.entries) {
    const leaf = e.chain[0];
    rows.push([
      e.alias,
      e.kind === 'key' ? 'key' : 'trusted',
      String(e.chain.length),
      leaf?.subject ?? '',
      leaf?.notAfter.slice(0, 10) ?? '',
      leaf ? `${leaf.keyAlgorithm} ${leaf.keySize}` : '',
      leaf?.san.join(', ') ?? '',
    ]);
  }
  const count = `${d.entries.length} entr${d.entries.length === 1 ? 'y' : 'ies'}`;
  // Aliases, subjects and SANs are whatever the store's maker wrote: escaped before padding.
  const safe = rows.map((r) => r.map((cell) => terminalSafe(cell)));
  return `${terminalSafe(file)}: ${d.type}, ${count}\n\n${table(safe)}\n`;
}

/** Certificate files (PEM, DER, PKCS#7) need no password; try without one before asking. */
async function openForList(file: string, io: CliIo, values: Parameters<typeof storePassword>[1]) {
  const given = values.storepass !== undefined || values['storepass-env'] !== undefined;
  if (!given && io.env.RWSEC_STOREPASS === undefined) {
    try {
      return readKeystoreFile(file).store;
    } catch (err) {
      if (!(err instanceof KeystoreError) || err.code !== 'password-required') throw err;
    }
  }
  return readKeystoreFile(file, { password: await storePassword(io, values, file) }).store;
}

export const list = defineCommand({
  name: 'keystore list',
  summary: 'list the entries of a store (any format) with their chains',
  args: storeArg,
  options: {
    json: { type: 'boolean', help: 'machine-readable output' },
    ...storepassOptions,
  },
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const store = await openForList(file, io, values);
    const description = describeStore(store);
    io.out(values.json ? JSON.stringify(description, null, 2) + '\n' : human(file, description));
    return EXIT_OK;
  },
});
