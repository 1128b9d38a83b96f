// Help texts generated from the catalog (CLI `rwsec schema --list`, schema descriptions, UI).
import { options, type OptionSpec } from './options';

const typeNames: Record<OptionSpec['type'], string> = {
  boolean: 'true | false',
  integer: 'whole number',
  port: 'port 1..65535',
  string: 'text',
  path: 'file path',
  secret: 'password',
  trust: 'true | false | file path',
  list: 'comma-separated list',
};

export function describeType(spec: OptionSpec): string {
  return typeNames[spec.type];
}

/** Which stored forms the server reads for a secret option, or undefined for other options. */
export function describeSecretForms(spec: OptionSpec): string | undefined {
  if (!spec.secretForms) return undefined;
  const names = spec.secretForms.map((f) =>
    f === 'plain'
      ? 'plain text'
      : f === 'OBF'
        ? 'OBF: (Jetty obfuscation)'
        : 'CRYPT: (gir.jar --encrypt)',
  );
  const text = `Accepted forms: ${names.join(', ')}.`;
  return spec.secretFormsNote ? `${text} Note: ${spec.secretFormsNote}` : text;
}

export function renderOptionHelp(spec: OptionSpec): string {
  const facts = [describeType(spec)];
  if (spec.default !== undefined) facts.push(`default ${JSON.stringify(spec.default)}`);
  if (spec.example !== undefined) facts.push(`e.g. ${String(spec.example)}`);
  const lines = [`${spec.path}  (${facts.join('; ')})`, `    ${spec.help}`];
  const forms = describeSecretForms(spec);
  if (forms) lines.push(`    ${forms}`);
  if (spec.alternativeTo) lines.push(`    Same meaning as ${spec.alternativeTo} (older layout).`);
  lines.push(`    Guide: ${spec.procedure}`);
  return lines.join('\n');
}

export function renderOptionList(): string {
  return options.map(renderOptionHelp).join('\n\n');
}
