// Small edits of one entry: delete and rename.
import { EXIT_OK } from '../../command';
import { deleteAlias, renameAlias } from '../../../services/keystore/operations';
import { readKeystoreFile } from '../../../services/keystore/read';
import { writableTypeOf } from '../../../services/keystore/store-file';
import { defineCommand } from '../../cli-spec';
import {
  keystoreEpilogue,
  printNotes,
  save,
  storeArg,
  storePassword,
  storepassOptions,
} from './common';

export const deleteCmd = defineCommand({
  name: 'keystore delete',
  summary: 'delete an entry (a backup of the store is kept)',
  args: storeArg,
  options: {
    alias: { type: 'string', arg: 'A', required: true, help: 'the entry to delete' },
    ...storepassOptions,
  },
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const { alias } = values;
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
});

export const renameCmd = defineCommand({
  name: 'keystore rename',
  summary: 'rename an entry (keytool -changealias)',
  args: storeArg,
  options: {
    alias: { type: 'string', arg: 'OLD', required: true, help: 'the current alias' },
    dest: { type: 'string', arg: 'NEW', required: true, help: 'the new alias (stored lower-case)' },
    ...storepassOptions,
  },
  epilogue: keystoreEpilogue,
  async run({ values, args: [file = ''], io }) {
    const { alias: from, dest: to } = values;
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
});
