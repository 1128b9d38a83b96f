// The two passwords of a Cassandra kit, asked the same way by every `rwsec kit cassandra` run (a
// new kit, --add-node, --renew, --rotate-ca): the store password of its keystores, then the CA
// key's own password, which must never be the store password every node's config holds in plain
// text. Declared and read in one place.
import type { OptionSpecs } from '../cli-spec';
import type { CliIo } from '../command';
import { requireSecret } from '../secret-input';
import { storepass } from './kit-common';
import type { StorepassValues } from './store-password';

export const caPassOptions = {
  'ca-pass-env': {
    type: 'string',
    arg: 'NAME',
    help: [
      'the CA key password (encrypts ca/root-ca.key.pem; needed again for',
      '--add-node) from environment variable NAME (default RWSEC_CAPASS);',
      'without it a terminal is asked (twice for a new kit). It must differ',
      'from the store password, which every node file holds in plain text.',
      'Not used with --legacy (no CA).',
    ],
  },
} as const satisfies OptionSpecs;

export interface KitPasswords {
  storepass: string;
  /** Empty for a kit without a CA (--legacy). */
  caPassword: string;
}

/**
 * The store password, then the CA key password of the kit in `outDir` (named in the prompts).
 * `ca.confirm`: the CA is new, so its password is typed twice at a prompt.
 */
export async function kitPasswords(
  io: CliIo,
  values: StorepassValues & { 'ca-pass-env': string | undefined },
  outDir: string,
  ca: { needed: boolean; confirm: boolean },
): Promise<KitPasswords> {
  const pass = await storepass(io, values, `the kit in ${outDir}`);
  if (!ca.needed) return { storepass: pass, caPassword: '' };
  const caPassword = await requireSecret(io, {
    option: 'ca-pass',
    envName: values['ca-pass-env'],
    defaultEnv: 'RWSEC_CAPASS',
    prompt: `CA key password for the kit in ${outDir}: `,
    confirm: ca.confirm,
    minLength: 6,
  });
  return { storepass: pass, caPassword };
}
