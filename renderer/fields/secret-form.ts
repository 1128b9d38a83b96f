// Which form a secret value is written in, judged by its prefix the way Jetty and RWS read it.
export type SecretFormLabel = 'plain' | 'OBF' | 'CRYPT' | 'MD5';

export function secretForm(value: string): SecretFormLabel {
  if (value.startsWith('OBF:')) return 'OBF';
  if (value.startsWith('CRYPT:')) return 'CRYPT';
  if (value.startsWith('MD5:')) return 'MD5';
  return 'plain';
}

export const secretFormHelp: Record<SecretFormLabel, string> = {
  plain: 'Plain text: anyone who can read the file can read it.',
  OBF: 'Jetty OBF: reversible obfuscation, not encryption.',
  CRYPT: 'Encrypted with gir.jar --encrypt; only RWS can decrypt it.',
  MD5: 'A one-way hash: never valid for a keystore password.',
};
