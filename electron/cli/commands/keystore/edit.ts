// Small edits of one entry: delete and rename.
import { EXIT_OK } from '../../command';
import { deleteAlias, renameAlias } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { writableTypeOf } from '../../../services/keystore/store-file';
import { requiredOpt } from '../../parse-options';
import {
  printNotes,
  save,
  storePassword,
  storepassHelp,
  storepassOptions,
  type Subcommand,
} from './common';

export const deleteCmd: Subcommand = {
  name: 'delete',
  summary: 'delete an entry (a backup of the store is kept)',
  usage: 'delete STORE --alias A',
  details: ['  --alias A               the entry to delete', ...storepassHelp],
  options: { ...storepassOptions, alias: { type: 'string' } },
  positionals: [1, 1],
  async run(values, [file = ''], io) {
    const alias = requiredOpt(values, 'alias');
    const password = await storePassword(io, values, file);
    const { store, bytes } = readKeystoreFile(file, { password });
    const next = deleteAlias(store, alias);
    await save(io, file, next, {
      type: writableTypeOf(store, file),
      password,
      expectedOriginal: bytes,
    });
    io.out(`Deleted "${alias.toLowerCase()}" from ${file}\n`);
    return EXIT_OK;
  },
};

export const renameCmd: Subcommand = {
  name: 'rename',
  summary: 'rename an entry (keytool -changealias)',
  usage: 'rename STORE --alias OLD --dest NEW',
  details: [
    '  --alias OLD --dest NEW  current and new alias (stored lower-case)',
    ...storepassHelp,
  ],
  options: { ...storepassOptions, alias: { type: 'string' }, dest: { type: 'string' } },
  positionals: [1, 1],
  async run(values, [file = ''], io) {
    const from = requiredOpt(values, 'alias');
    const to = requiredOpt(values, 'dest');
    const password = await storePassword(io, values, file);
    const { store, bytes } = readKeystoreFile(file, { password });
    const result = renameAlias(store, from, to);
    await save(io, file, result.store, {
      type: writableTypeOf(store, file),
      password,
      expectedOriginal: bytes,
    });
    printNotes(io, result.notes);
    io.out(`Renamed "${from.toLowerCase()}" to "${to.trim().toLowerCase()}" in ${file}\n`);
    return EXIT_OK;
  },
};
