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
import { secretOptions, type OptionSpecs } from '../cli-spec';
import type { CliIo } from '../command';
import { readSecret } from '../secret-input';

/** Declared once, used by `rwsec chain` and `rwsec probe`. */
export const trustOptions = {
  trust: {
    type: 'string',
    arg: 'FILE',
    help: [
      'trust file as RWS would be configured with it: PEM bundle, DER,',
      'P7B, JKS or PKCS12 (every certificate in it is a trust anchor)',
    ],
  },
  ...secretOptions('trust-password', 'its password, for JKS/PKCS12', 'RWSEC_TRUSTPASS'),
  'trust-jdk': {
    type: 'boolean',
    help: 'trust the JDK cacerts ($JAVA_HOME/lib/security/cacerts, changeit)',
  },
  'trust-system': {
    type: 'boolean',
    help: [
      'trust the system CA bundle (/etc/ssl/certs/ca-certificates.crt)',
      'without any --trust option: the JDK cacerts, what RWS uses when',
      'webDAVTrustedCA / rcsTrustedCA / speechMinerTrustedCA is true',
    ],
  },
  rule: {
    type: 'string',
    choices: ['rfc6125', 'rws'],
    help: [
      'the host-name rule that decides the verdict (default rfc6125; use rws',
      'for Configuration/SIP/Interaction Server). Both are always shown.',
    ],
  },
  json: { type: 'boolean', help: 'print the report as JSON' },
} as const satisfies OptionSpecs;

export interface TrustOptionValues {
  trust?: string | undefined;
  'trust-password'?: string | undefined;
  'trust-password-env'?: string | undefined;
  'trust-jdk'?: boolean;
  'trust-system'?: boolean;
}

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

export function hostnameRuleFrom(value: 'rfc6125' | 'rws' | undefined): HostnameRule {
  return value ?? 'rfc6125';
}
