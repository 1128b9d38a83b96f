// The store password every keystore, kit and fleet command takes: --storepass (visible in `ps`),
// --storepass-env NAME, RWSEC_STOREPASS or a no-echo prompt. Declared and read in one place.
import { secretOptions } from '../cli-spec';
import type { CliIo } from '../command';
import { requireSecret } from '../secret-input';

export const storepassOptions = secretOptions('storepass', 'store password', 'RWSEC_STOREPASS');

export interface StorepassValues {
  storepass: string | undefined;
  'storepass-env': string | undefined;
}

/** The password from the options, the default variable or the prompt; an error says how. */
export function storePassword(
  io: CliIo,
  values: StorepassValues,
  prompt: string,
  extra: { confirm?: boolean; minLength?: number } = {},
): Promise<string> {
  return requireSecret(io, {
    option: 'storepass',
    value: values.storepass,
    envName: values['storepass-env'],
    defaultEnv: 'RWSEC_STOREPASS',
    prompt,
    ...extra,
  });
}
