// The HTTPS keystore file: present, and a Java keystore by content.
import { sslEnabled } from '../../../../shared/rules/rule';
import { keystoreFileRule } from './keystore-file-rule';

export const sslFiles = keystoreFileRule({
  path: 'ssl.keyStorePath',
  enabled: sslEnabled,
  notFound: {
    id: 'ssl-keystore-not-found' as const,
    summary: 'enableSsl is true but the ssl.keyStorePath file does not exist',
    consequence: 'Jetty cannot start HTTPS.',
    fix: 'Point ssl.keyStorePath at the keystore file (relative paths start at the folder of application.yaml), or create it.',
  },
  wrongFormat: {
    id: 'ssl-keystore-format' as const,
    summary: 'the ssl.keyStorePath file is not a Java keystore (JKS or PKCS12) by content',
    notKeystore:
      'not a Java keystore: Jetty needs a JKS or PKCS12 store holding the key and certificate.',
    fix: 'Import the key and certificate into a JKS or PKCS12 keystore (alias jetty) and point ssl.keyStorePath at it.',
  },
});
