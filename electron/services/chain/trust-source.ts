// Trust sources as RWS would see them: a configured trust file (PEM, DER, P7B, JKS, PKCS12), the JDK's
// cacerts (what `webDAVTrustedCA: true` and friends mean), or the system CA bundle.
// As in Java's PKIX, every certificate in a trust source is a trust anchor, CA or not.
import type { X509Certificate } from 'node:crypto';
import { parseCertificate, type ParsedCertificate } from './cert-facts';
import {
  CertificateFileError,
  parseCertificateBytes,
  readCertificateFile,
  type CertificateFile,
} from './cert-input';
import { JDK_CACERTS_PASSWORD, jdkCacertsPath } from './jdk-cacerts';

export { jdkCacertsPath };

export interface TrustAnchor {
  parsed: ParsedCertificate;
  alias?: string;
}

export interface TrustSource {
  /** File path, `JDK cacerts` or `system bundle`: shown in verdicts. */
  name: string;
  file: string;
  anchors: TrustAnchor[];
}

export const SYSTEM_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

export function loadTrustFile(file: string, password?: string, name = file): TrustSource {
  return trustOf(readCertificateFile(file, password), file, name);
}

/** A trust file's bytes read elsewhere (a fleet node's file, read over SSH). */
export function trustFromBytes(
  bytes: Uint8Array,
  file: string,
  password?: string,
  name = file,
): TrustSource {
  if (bytes.length === 0) throw new CertificateFileError(`${file} is empty.`, file, 'empty');
  return trustOf(parseCertificateBytes(Buffer.from(bytes), file, password), file, name);
}

function trustOf(read: CertificateFile, file: string, name: string): TrustSource {
  if (read.certificates.length === 0) {
    throw new CertificateFileError(
      `${file} holds no certificate, so it trusts nothing. Import the CA certificate into it.`,
      file,
      'empty',
    );
  }
  const anchors: TrustAnchor[] = [];
  for (const { cert, alias } of read.certificates) {
    try {
      anchors.push({ parsed: parseCertificate(cert), ...(alias !== undefined ? { alias } : {}) });
    } catch {
      // A certificate the parser cannot read cannot be an anchor we can show; Java would skip it too.
    }
  }
  return { name, file, anchors };
}

export function loadJdkCacerts(env: NodeJS.ProcessEnv = process.env): TrustSource {
  const file = jdkCacertsPath(env);
  if (!file) {
    throw new CertificateFileError(
      'No JDK cacerts found (looked in $JAVA_HOME/lib/security and /etc/ssl/certs/java). Set JAVA_HOME to the JDK RWS runs on.',
      '$JAVA_HOME/lib/security/cacerts',
      'not-found',
    );
  }
  return loadTrustFile(file, JDK_CACERTS_PASSWORD, 'JDK cacerts');
}

export function loadSystemBundle(file = SYSTEM_BUNDLE): TrustSource {
  return loadTrustFile(file, undefined, 'system bundle');
}

/** A trust source from certificates already in memory (the UI, tests). */
export function trustSourceOf(name: string, certs: readonly X509Certificate[]): TrustSource {
  return { name, file: name, anchors: certs.map((cert) => ({ parsed: parseCertificate(cert) })) };
}
