// Opens a store the configuration names with the password the server would use, for the rules
// that judge its content. Missing files, wrong formats and absent or one-way passwords are other
// rules' findings: here they only mean "nothing to judge" (no findings).
import type { OptionPath } from '../../../../shared/catalog/options';
import type { Report } from '../../../../shared/rules/define';
import { presentText } from '../../../../shared/rules/rule';
import { classifySecret, jettyKeystorePassword } from '../../../../shared/secrets/obf';
import type { DetectedFormat, FormatGuess } from '../../files/detect-format';
import { KeystoreError, type Keystore } from '../../keystore/model';
import { shownPath, type FileRuleContext } from '../file-rule';

export interface ConfiguredStore {
  /** The option naming the file, e.g. `ssl.keyStorePath`. */
  option: OptionPath;
  passwordOption: OptionPath;
  /** The path as written in the file. */
  value: string;
  /** Formats this reader accepts; other formats are reported by the existence/format rules. */
  formats: readonly DetectedFormat[];
  /**
   * Who reads the password: Jetty decodes `OBF:` (and treats `MD5:`/`CRYPT:` as hashes); RWS
   * decrypts `CRYPT:` (which we cannot) and takes anything else literally.
   */
  reader: 'jetty' | 'rws';
  /** The server and its consequence, for messages: "Jetty cannot start HTTPS". */
  consequence: string;
}

export interface RuleIds<Id extends string> {
  wrongPassword: Id;
  unreadable: Id;
  unchecked: Id;
}

export interface OpenResult {
  /** Absent when the store cannot be judged; why has been reported (or is another rule's). */
  store?: Keystore;
  /** The path as shown in messages (with its resolved form when relative). */
  shown: string;
}

const NEEDS_PASSWORD: readonly DetectedFormat[] = ['JKS', 'JCEKS', 'PKCS12'];

/** The server's own "left as it was" sentences do not belong in a validation finding. */
function plain(message: string): string {
  return message
    .replace(/\s*(The file was not modified|It was not modified)[^.]*\.\s*$/, '')
    .replace(/\.$/, '');
}

/** What the reader adds after "is wrong": which key, or that the file may have been modified. */
function wrongDetail(message: string, file: string): string {
  const prefix = `The password for ${file} is wrong`;
  return message.startsWith(prefix) ? plain(message.slice(prefix.length)) : ` (${plain(message)})`;
}

/** PEM counts only with a certificate in it; a bare key is reported by the format rules. */
function judged(ref: ConfiguredStore, guess: FormatGuess): boolean {
  if (!ref.formats.includes(guess.format)) return false;
  return guess.format !== 'PEM' || guess.pemLabels.some((l) => /CERTIFICATE$/.test(l));
}

type Password =
  { kind: 'use'; password: string | undefined; unverified: boolean } | { kind: 'skip' };

function passwordFor(ctx: FileRuleContext, ref: ConfiguredStore, format: DetectedFormat): Password {
  // A PEM trust file is read without a password; so do we.
  if (!NEEDS_PASSWORD.includes(format))
    return { kind: 'use', password: undefined, unverified: false };
  const value = presentText(ctx.view, ref.passwordOption);
  if (value === undefined) return { kind: 'skip' };
  const form = classifySecret(value);
  if (ref.reader === 'jetty') {
    const password = jettyKeystorePassword(value);
    return password === undefined ? { kind: 'skip' } : { kind: 'use', password, unverified: false };
  }
  if (form === 'MD5') return { kind: 'skip' };
  // RWS decrypts CRYPT: with an unpublished algorithm. Java reads a JKS's certificates without a
  // password (only the integrity check needs it), so we do the same and say what we could not check.
  if (form === 'CRYPT') return { kind: 'use', password: undefined, unverified: true };
  return { kind: 'use', password: value, unverified: false };
}

export async function openConfiguredStore<Id extends string>(
  ctx: FileRuleContext,
  ref: ConfiguredStore,
  ids: RuleIds<Id>,
  report: Report<Id>,
): Promise<OpenResult> {
  const probe = await ctx.probe(ref.value);
  const shown = shownPath(ref.value, probe);
  const none: OpenResult = { shown };
  if (probe.kind !== 'file' || !judged(ref, probe.guess)) return none;
  const pass = passwordFor(ctx, ref, probe.guess.format);
  if (pass.kind === 'skip') return none;
  const name = ref.option;
  const unchecked = (why: string): OpenResult => {
    report({
      id: ids.unchecked,
      path: ref.passwordOption,
      message: `${name} ${shown} could not be checked: ${why}.`,
      fix: 'Check it with the plain password: rwsec keystore list FILE (the password is prompted for).',
    });
    return none;
  };
  let store: Keystore;
  try {
    store = await ctx.stores.open(probe.resolved, pass.password);
  } catch (error) {
    if (!(error instanceof KeystoreError)) {
      return unchecked(error instanceof Error ? error.message : String(error));
    }
    if (error.code === 'wrong-password') {
      report({
        id: ids.wrongPassword,
        path: ref.passwordOption,
        message: `${ref.passwordOption} does not open ${name} ${shown}${wrongDetail(error.message, probe.resolved)}: ${ref.consequence}.`,
        fix: `Set ${ref.passwordOption} to the store password of that file, or point ${name} at the store it belongs to.`,
      });
      return none;
    }
    if (error.code === 'corrupt') {
      report({
        id: ids.unreadable,
        path: name,
        message: `${name}: ${plain(error.message)}: ${ref.consequence}.`,
        fix: 'Restore the file from a backup or create it again.',
      });
      return none;
    }
    if (pass.unverified) {
      return unchecked(
        `${ref.passwordOption} is CRYPT: (RWS decrypts it with an algorithm only gir.jar knows) and the file cannot be read without the password`,
      );
    }
    return unchecked(plain(error.message));
  }
  if (pass.unverified) {
    report({
      id: ids.unchecked,
      path: ref.passwordOption,
      message: `${ref.passwordOption} is CRYPT: (only gir.jar can decrypt it): whether it opens ${name} ${shown} could not be checked; its certificates were checked.`,
      fix: 'Check the password with rwsec keystore list FILE and the plain password (prompted for).',
    });
  }
  return { store, shown };
}
