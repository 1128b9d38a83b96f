// Secrets: the stored form of each password against the forms its reader understands.
import { options, type CatalogOption } from '../catalog/options';
import type { ConfigView } from '../config-view';
import type { Report } from './define';
import { defineRule, presentText } from './rule';

const findings = {
  'secret-plain-text': {
    severity: 'warning',
    summary: 'a password stored in plain text (suggests OBF: or CRYPT: as the field allows)',
  },
  'secret-one-way-hash': {
    severity: 'error',
    summary: 'a one-way MD5:/CRYPT: hash where the server needs the password itself',
  },
  'secret-form-unsupported': {
    severity: 'error',
    summary: 'an OBF: value where the server only decodes CRYPT:',
  },
  'secret-not-text': {
    severity: 'warning',
    summary: 'a password YAML reads as a number or boolean (quote it)',
  },
} as const;

export type StoredForm = 'plain' | 'OBF' | 'CRYPT' | 'MD5';

export function storedForm(value: string): StoredForm {
  if (value.startsWith('OBF:')) return 'OBF';
  if (value.startsWith('CRYPT:')) return 'CRYPT';
  if (value.startsWith('MD5:')) return 'MD5';
  return 'plain';
}

const GIR_ENCRYPT = 'java -jar gir.jar --encrypt <password>';

function checkSecret(
  view: ConfigView,
  spec: CatalogOption,
  report: Report<keyof typeof findings>,
): void {
  const raw = view.get(spec.path);
  const value = presentText(view, spec.path);
  if (value === undefined) return;
  const name = spec.path;
  const forms = spec.secretForms ?? ['plain'];
  const jettyReads = forms.includes('OBF');
  if (typeof raw === 'number' || typeof raw === 'boolean') {
    report({
      id: 'secret-not-text',
      path: spec.path,
      // The value itself is a secret: its type is said, never the value.
      message: `${name} is read by YAML as a ${typeof raw}, not as text: digits with leading zeros, yes/no/on/off and the like do not reach the server as typed.`,
      fix: `Quote the value: ${name}: "<password>".`,
    });
  }
  const form = storedForm(value);
  if (form === 'MD5' || (form === 'CRYPT' && jettyReads)) {
    const message = jettyReads
      ? `${name} holds a Jetty ${form}: value, a one-way hash: Jetty cannot recover the keystore password from it. The keystore password accepts plain text or OBF: only (RWS's CRYPT: encryption applies to other fields; Jetty's password reader does not understand it).`
      : `${name} holds an MD5: value, a one-way hash: the server needs the password itself to open the store or log in.`;
    const fix = jettyReads
      ? `Store the keystore password in plain text or as OBF: (rwsec obf).`
      : `Store the password itself, preferably encrypted as CRYPT: (${GIR_ENCRYPT}).`;
    report({ id: 'secret-one-way-hash', path: spec.path, message, fix });
  } else if (form === 'OBF' && !jettyReads) {
    report({
      id: 'secret-form-unsupported',
      path: spec.path,
      message: `${name} holds an OBF: value, but RWS decodes only CRYPT: here: the text OBF:... would be used as the password itself.`,
      fix: `Replace it with the plain password or its CRYPT: form (${GIR_ENCRYPT}).`,
    });
  } else if (form === 'plain') {
    report({
      id: 'secret-plain-text',
      path: spec.path,
      message: `${name} is stored in plain text: anyone who can read application.yaml learns it.`,
      fix: jettyReads
        ? 'Store it as OBF: (run `rwsec obf`); Jetty de-obfuscates it. OBF: is reversible obfuscation, so keep the file readable only by the RWS user.'
        : `Store it as CRYPT: (run \`${GIR_ENCRYPT}\` with the admin's gir.jar and paste the printed value).`,
    });
  }
}

export const secretsRule = defineRule({
  name: 'secrets',
  findings,
  check(view, report) {
    for (const spec of options.filter((o) => o.type === 'secret')) checkSecret(view, spec, report);
  },
});
