// The trust options `rwsec chain` and `rwsec probe` share: --trust FILE (+ password), --trust-jdk,
// --trust-system; with none of them, the JDK cacerts (what RWS uses when a *TrustedCA option is true).
import type { HostnameRule } from '../../../shared/tls/verdicts';
import { CertificateFileError } from '../../services/chain/cert-input';
import {
  jdkCacertsPath,
  loadJdkCacerts,
  loadSystemBundle,
  loadTrustFile,
  type TrustSource,
} from '../../services/chain/trust-source';
import { UserFacingError } from '../../../shared/user-error';
import type { CliIo } from '../command';
import { readSecret } from '../secret-input';

export const trustParseOptions = {
  trust: { type: 'string' },
  'trust-password': { type: 'string' },
  'trust-password-env': { type: 'string' },
  'trust-jdk': { type: 'boolean', default: false },
  'trust-system': { type: 'boolean', default: false },
  rule: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export interface TrustOptionValues {
  trust?: string;
  'trust-password'?: string;
  'trust-password-env'?: string;
  'trust-jdk'?: boolean;
  'trust-system'?: boolean;
}

export const trustHelp = [
  '  --trust FILE            trust file as RWS would be configured with it: PEM bundle, DER,',
  '                          P7B, JKS or PKCS12 (every certificate in it is a trust anchor)',
  '  --trust-password P      its password, for JKS/PKCS12 (visible in `ps`: prefer the next one)',
  '  --trust-password-env N  read that password from variable N (default RWSEC_TRUSTPASS);',
  '                          a terminal is asked when the file needs one and none is given',
  '  --trust-jdk             trust the JDK cacerts ($JAVA_HOME/lib/security/cacerts, changeit)',
  '  --trust-system          trust the system CA bundle (/etc/ssl/certs/ca-certificates.crt)',
  '                          without any --trust option: the JDK cacerts, what RWS uses when',
  '                          webDAVTrustedCA / rcsTrustedCA / speechMinerTrustedCA is true',
  '  --rule rfc6125|rws      the host-name rule that decides the verdict (default rfc6125; use rws',
  '                          for Configuration/SIP/Interaction Server). Both are always shown.',
  '  --json                  print the report as JSON',
];

export class TrustOptionError extends UserFacingError {
  constructor(message: string) {
    super('bad-request', message);
  }
}

async function loadFileWithPassword(
  io: CliIo,
  values: TrustOptionValues,
  file: string,
): Promise<TrustSource> {
  const given = await readSecret(io, {
    option: 'trust-password',
    prompt: `Password for ${file}: `,
    ...(values['trust-password'] !== undefined ? { value: values['trust-password'] } : {}),
    ...(values['trust-password-env'] !== undefined
      ? { envName: values['trust-password-env'] }
      : {}),
    defaultEnv: 'RWSEC_TRUSTPASS',
  });
  try {
    return loadTrustFile(file, given);
  } catch (err) {
    if (err instanceof CertificateFileError && err.code === 'password' && given === undefined) {
      throw new TrustOptionError(
        `${file} needs its password: use --trust-password-env NAME, set RWSEC_TRUSTPASS, or run in a terminal to be asked.`,
      );
    }
    throw err;
  }
}

/** The trust sources the options ask for; throws TrustOptionError / CertificateFileError with a clear message. */
export async function trustSourcesFrom(
  io: CliIo,
  values: TrustOptionValues,
): Promise<TrustSource[]> {
  const sources: TrustSource[] = [];
  if (values.trust !== undefined)
    sources.push(await loadFileWithPassword(io, values, values.trust));
  if (values['trust-jdk']) sources.push(loadJdkCacerts(io.env));
  if (values['trust-system']) sources.push(loadSystemBundle());
  if (sources.length === 0) {
    sources.push(jdkCacertsPath(io.env) ? loadJdkCacerts(io.env) : loadSystemBundle());
  }
  return sources;
}

export function hostnameRuleFrom(value: string | undefined): HostnameRule {
  if (value === undefined || value === 'rfc6125') return 'rfc6125';
  if (value === 'rws') return 'rws';
  throw new TrustOptionError(`--rule must be rfc6125 or rws, not ${JSON.stringify(value)}.`);
}
