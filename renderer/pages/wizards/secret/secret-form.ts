// The secret wizard's choices: which stored form, and the secret options that read it.
import { options } from '../../../../shared/catalog/options';

export type SecretForm = 'OBF' | 'CRYPT';

/** Secret options that read `form` (CRYPT is never offered for ssl.keyStorePassword: Jetty reads it). */
export function fieldsFor(form: SecretForm): { path: string; label: string }[] {
  return options
    .filter((o) => o.type === 'secret' && (o.secretForms ?? []).includes(form))
    .map((o) => ({ path: o.path, label: o.label }));
}
