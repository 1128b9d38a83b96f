// `rwsec chain STORE --config application.yaml`: the trust source that store is used against in
// that config (services/chain/keystore-trust.ts), loaded with the password the config gives it.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { RwsDocument } from '../../../shared/yaml/document';
import { UserFacingError } from '../../../shared/user-error';
import { defaultTrustForKeystore, firstExistingTrust } from '../../services/chain/keystore-trust';
import { loadJdkCacerts, loadTrustFile, type TrustSource } from '../../services/chain/trust-source';
import { configuredPassword, storeOption, valueAt } from '../../services/kits/config-passwords';
import type { Selected } from './chain';

async function readConfig(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserFacingError('unreadable', `${path}: ${code}: give the path of application.yaml.`);
  }
  try {
    return RwsDocument.parse(text).toJS();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserFacingError('unreadable', `${path}: not valid YAML: ${reason}`);
  }
}

/** The trust source of `store` (the file the chain was read from) in the config at `configPath`. */
export async function configuredTrust(
  configPath: string,
  store: string,
  selected: Selected,
  env: NodeJS.ProcessEnv,
): Promise<TrustSource> {
  const configFile = resolve(configPath);
  const config = await readConfig(configFile);
  const resolvePath = (p: string) => (isAbsolute(p) ? p : resolve(dirname(configFile), p));
  const choice =
    selected.alias !== undefined
      ? defaultTrustForKeystore({
          config,
          resolvePath,
          keystoreFile: resolve(store),
          chain: selected.certificates,
        })
      : firstExistingTrust({ config, resolvePath });
  if (choice === 'jdk') return loadJdkCacerts(env);
  const option = storeOption(choice.slice('config:'.length));
  const value = option ? valueAt(config, option.key) : undefined;
  if (!option || typeof value !== 'string') return loadJdkCacerts(env);
  const found = configuredPassword(config, option);
  if (found.kind === 'crypt') {
    throw new UserFacingError(
      'bad-request',
      `${found.key} in ${configFile} is CRYPT: (only gir.jar decrypts it): give the trust file ` +
        `with --trust ${resolvePath(value)} and its password with --trust-password-env NAME.`,
    );
  }
  const file = resolvePath(value.trim());
  return loadTrustFile(
    file,
    found.kind === 'known' ? found.password : undefined,
    `${file} (${option.key})`,
  );
}
