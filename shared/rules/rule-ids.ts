// Every rule id a diagnostic may carry, as a type (RuleId) and a list (for the contract's schema).
// Pure rule ids are derived from the rules themselves. The file-aware rules and the --probe checks
// run in the main process, which shared/ cannot import: their ids are named here; the main
// process proves at compile time that its file rules report exactly these
// (validate/file-rules.ts) and the probe can only report these (probe/config-probe.ts).
// A diagnostic with any other id does not compile.
import type { RuleIdOf } from './define';
import { pureRules } from './index';

export const fileRuleIds = [
  'ssl-keystore-not-found',
  'ssl-keystore-format',
  'ssl-keystore-wrong-password',
  'ssl-keystore-unreadable',
  'ssl-keystore-unchecked',
  'ssl-keystore-no-key',
  'ssl-keystore-several-keys',
  'ssl-certificate-expired',
  'ssl-certificate-expiring',
  'ssl-certificate-weak',
  'ssl-certificate-no-san',
  'cassandra-truststore-not-found',
  'cassandra-truststore-format',
  'trust-ca-not-found',
  'ca-certificate-not-found',
  'trust-store-password-missing',
  'trust-format-unsupported',
  'trust-store-wrong-password',
  'trust-store-unreadable',
  'trust-store-unchecked',
  'trust-store-empty',
  'trust-store-invisible-to-java',
  'trust-certificate-expired',
  'ca-certificate-several',
  'ca-certificate-not-ca',
] as const;

export const probeRuleIds = [
  'probe-trust-file',
  'probe-unreachable',
  'probe-unchecked',
  'probe-untrusted',
  'probe-certificate',
  'probe-name-mismatch',
  'probe-expiring',
  'probe-ok',
  'probe-nothing',
] as const;

/** Findings about the run itself rather than the configuration's content. */
export const hostRuleIds = ['internal-rule-failure', 'file-unreadable', 'yaml-syntax'] as const;

export type PureRuleId = RuleIdOf<(typeof pureRules)[number]>;
export type FileRuleId = (typeof fileRuleIds)[number];
export type ProbeRuleId = (typeof probeRuleIds)[number];
export type RuleId = PureRuleId | FileRuleId | ProbeRuleId | (typeof hostRuleIds)[number];

function pureIds(): PureRuleId[] {
  return pureRules.flatMap((rule) => Object.keys(rule.findings) as PureRuleId[]);
}

export const ruleIds: readonly [RuleId, ...RuleId[]] = [
  ...hostRuleIds,
  ...pureIds(),
  ...fileRuleIds,
  ...probeRuleIds,
];

/** Compile-time equality of two unions, for the proofs in the main process. */
export type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
