// Fuzz targets for the store readers: readKeystore (format by content) on damaged JKS, JCEKS,
// PKCS12, PEM, DER and PKCS#7 files, followed by what `keystore list` does with a store that
// opened (describeStore). A bad file must end in a KeystoreError with a code and a message that
// names the file.
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { detectFormat } from '../../../electron/services/files/detect-format';
import { passwordUtf16be } from '../../../electron/services/keystore/java-store';
import { KeystoreError, type StoreType } from '../../../electron/services/keystore/model';
import { readKeystore } from '../../../electron/services/keystore/read';
import { describeStore } from '../../../electron/services/keystore/describe-store';
import type { FuzzTarget } from '../harness';
import { messageProblem } from '../harness';
import { describeInput, mutatedBytes, pool, type MutatedInput } from '../mutate';
import type { Seed } from '../seeds';

export const FUZZ_FILE = 'fuzzed-store.bin';

const CODES = new Set(['wrong-password', 'password-required', 'corrupt', 'unsupported']);

export interface StoreInput {
  input: MutatedInput;
  password: string | undefined;
  /** JKS/JCEKS: the integrity trailer was recomputed, so the damage reaches the entry parser. */
  resigned: boolean;
}

/** The JKS/JCEKS trailer for `body` under `password` (what keytool appends). */
export function javaTrailer(body: Buffer, password: string): Buffer {
  return createHash('sha1')
    .update(passwordUtf16be(password))
    .update('Mighty Aphrodite', 'utf8')
    .update(body)
    .digest();
}

export function judgeStoreError(error: unknown): string | undefined {
  if (!(error instanceof KeystoreError)) return 'not a KeystoreError';
  if (!CODES.has(error.code)) return `unexpected code ${error.code}`;
  if (error.file !== FUZZ_FILE || !error.message.includes(FUZZ_FILE))
    return 'message does not name the file';
  return messageProblem(error.message);
}

export function readAndDescribe(bytes: Buffer, password: string | undefined): void {
  const store = readKeystore(bytes, {
    file: FUZZ_FILE,
    ...(password === undefined ? {} : { password }),
  });
  // What `keystore list --json` and the UI do with a store that opened.
  JSON.stringify(describeStore(store));
}

export function storeTarget(
  name: string,
  formats: StoreType[],
  all: Seed[],
): FuzzTarget<StoreInput> | undefined {
  const seeds = all.filter((s) => formats.includes(detectFormat(s.bytes).format as StoreType));
  if (seeds.length === 0) return undefined;
  const p = pool(seeds.map((s) => s.bytes));
  const java = formats.includes('JKS') || formats.includes('JCEKS');
  const arbitrary = fc
    .record({
      input: mutatedBytes(p),
      pw: fc.constantFrom('seed', 'seed', 'seed', 'none', 'wrong'),
      resign: java ? fc.boolean() : fc.constant(false),
    })
    .map(({ input, pw, resign }): StoreInput => {
      const seed = seeds[input.seed];
      const password =
        pw === 'none'
          ? undefined
          : pw === 'wrong'
            ? 'not-the-password'
            : (seed?.password ?? 'changeit');
      let bytes = input.bytes;
      const resigned = resign && bytes.length > 20 && password !== undefined;
      if (resigned) {
        const body = bytes.subarray(0, bytes.length - 20);
        bytes = Buffer.concat([body, javaTrailer(body, password)]);
      }
      return { input: { ...input, bytes }, password, resigned };
    });
  return {
    name,
    arbitrary,
    run: ({ input, password }) => readAndDescribe(input.bytes, password),
    judge: (error) => judgeStoreError(error),
    show: ({ input, password, resigned }) =>
      `password ${JSON.stringify(password)}${resigned ? ' (trailer re-signed)' : ''}; ${describeInput(
        input,
        seeds.map((s) => s.name),
      )}`,
  };
}

export function storeTargets(seeds: Seed[]): FuzzTarget<StoreInput>[] {
  return [
    storeTarget('jks', ['JKS'], seeds),
    storeTarget('jceks', ['JCEKS'], seeds),
    storeTarget('pkcs12', ['PKCS12'], seeds),
    storeTarget('pem', ['PEM'], seeds),
    storeTarget('der-x509', ['DER'], seeds),
    storeTarget('pkcs7', ['PKCS7'], seeds),
  ].filter((t): t is FuzzTarget<StoreInput> => t !== undefined);
}
