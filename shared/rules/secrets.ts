// Secrets: the stored form of each password against the forms its reader understands.
import { options, type OptionSpec } from '../catalog/options';
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { diagnostic, presentText, type RuleInfo } from './rule';

export const secretRuleInfo: RuleInfo[] = [
  {
    id: 'secret-plain-text',
    severity: 'warning',
    summary: 'a password stored in plain text (suggests OBF: or CRYPT: as the field allows)',
  },
  {
    id: 'secret-one-way-hash',
    severity: 'error',
    summary: 'a one-way MD5:/CRYPT: hash where the server needs the password itself',
  },
  {
    id: 'secret-form-unsupported',
    severity: 'error',
    summary: 'an OBF: value where the server only decodes CRYPT:',
  },
  {
    id: 'secret-not-text',
    severity: 'warning',
    summary: 'a password YAML reads as a number or boolean (quote it)',
  },
];

export type StoredForm = 'plain' | 'OBF' | 'CRYPT' | 'MD5';

export function storedForm(value: string): StoredForm {
  if (value.startsWith('OBF:')) return 'OBF';
  if (value.startsWith('CRYPT:')) return 'CRYPT';
  if (value.startsWith('MD5:')) return 'MD5';
  return 'plain';
}

const GIR_ENCRYPT = 'java -jar gir.jar --encrypt <password>';

function checkSecret(view: ConfigView, spec: OptionSpec): Diagnostic[] {
  const raw = view.get(spec.path);
  const value = presentText(view, spec.path);
  if (value === undefined) return [];
  const out: Diagnostic[] = [];
  const name = spec.path;
  const forms = spec.secretForms ?? ['plain'];
  const jettyReads = forms.includes('OBF');
  if (typeof raw === 'number' || typeof raw === 'boolean') {
    out.push(
      diagnostic(
        view,
        'warning',
        'secret-not-text',
        spec.path,
        `${name} is read by YAML as the ${typeof raw} ${String(raw)}, not as text: digits with leading zeros, yes/no/on/off and the like do not reach the server as typed.`,
        `Quote the value: ${name}: "<password>".`,
      ),
    );
  }
  const form = storedForm(value);
  if (form === 'MD5' || (form === 'CRYPT' && jettyReads)) {
    const message = jettyReads
      ? `${name} holds a Jetty ${form}: value, a one-way hash: Jetty cannot recover the keystore password from it. The keystore password accepts plain text or OBF: only (RWS's CRYPT: encryption applies to other fields; Jetty's password reader does not understand it).`
      : `${name} holds an MD5: value, a one-way hash: the server needs the password itself to open the store or log in.`;
    const fix = jettyReads
      ? `Store the keystore password in plain text or as OBF: (rwsec obf).`
      : `Store the password itself, preferably encrypted as CRYPT: (${GIR_ENCRYPT}).`;
    out.push(diagnostic(view, 'error', 'secret-one-way-hash', spec.path, message, fix));
  } else if (form === 'OBF' && !jettyReads) {
    out.push(
      diagnostic(
        view,
        'error',
        'secret-form-unsupported',
        spec.path,
        `${name} holds an OBF: value, but RWS decodes only CRYPT: here: the text OBF:... would be used as the password itself.`,
        `Replace it with the plain password or its CRYPT: form (${GIR_ENCRYPT}).`,
      ),
    );
  } else if (form === 'plain') {
    out.push(
      diagnostic(
        view,
        'warning',
        'secret-plain-text',
        spec.path,
        `${name} is stored in plain text: anyone who can read application.yaml learns it.`,
        jettyReads
          ? 'Store it as OBF: (run `rwsec obf`); Jetty de-obfuscates it. OBF: is reversible obfuscation, so keep the file readable only by the RWS user.'
          : `Store it as CRYPT: (run \`${GIR_ENCRYPT}\` with the admin's gir.jar and paste the printed value).`,
      ),
    );
  }
  return out;
}

export function secretsRule(view: ConfigView): Diagnostic[] {
  return options.filter((o) => o.type === 'secret').flatMap((spec) => checkSecret(view, spec));
}
