// `rwsec keystore <subcommand>`: keytool's store operations, plus what keytool lacks (whole PEM
// bundles, CA-reply chain checks, lower-cased alias notes, atomic saves with backups).
import { defineGroup } from '../cli-spec';
import { keystoreEpilogue, keystoreWriteError } from './keystore/common';
import { list } from './keystore/list';
import { selfsigned } from './keystore/selfsigned';
import { csr } from './keystore/csr';
import { sign } from './keystore/sign';
import { importCmd } from './keystore/import';
import { exportCmd } from './keystore/export';
import { deleteCmd, renameCmd } from './keystore/edit';
import { passwd } from './keystore/passwd';
import { convertCmd } from './keystore/convert';

export const keystoreCommand = defineGroup({
  name: 'keystore',
  description: [
    'Key stores (JKS, PKCS12; JCEKS, PEM, DER and PKCS#7 are read too) for RWS and Cassandra.',
    'Passwords: --storepass-env NAME, RWSEC_STOREPASS, or a terminal prompt (never echoed).',
  ],
  subcommands: [
    list,
    selfsigned,
    csr,
    sign,
    importCmd,
    exportCmd,
    deleteCmd,
    renameCmd,
    passwd,
    convertCmd,
  ],
  epilogue: keystoreEpilogue,
  translateError: keystoreWriteError,
});
