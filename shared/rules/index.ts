// Every pure rule, and the documentation of every rule id (pure and file-aware).
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { cassandraRule, cassandraRuleInfo } from './cassandra';
import { csrfCorsRule, csrfCorsRuleInfo } from './csrf-cors';
import type { PureRule, RuleInfo } from './rule';
import { secretRuleInfo, secretsRule } from './secrets';
import { sslRule, sslRuleInfo } from './ssl';
import { trustRule, trustRuleInfo } from './trust';
import { typeRuleInfo, typesRule } from './types';
import { unknownKeyRuleInfo, unknownKeysRule } from './unknown-keys';

export type { PureRule, RuleInfo } from './rule';

export const pureRules: readonly PureRule[] = [
  typesRule,
  sslRule,
  trustRule,
  cassandraRule,
  secretsRule,
  csrfCorsRule,
  unknownKeysRule,
];

export const pureRuleInfo: readonly RuleInfo[] = [
  ...typeRuleInfo,
  ...sslRuleInfo,
  ...trustRuleInfo,
  ...cassandraRuleInfo,
  ...secretRuleInfo,
  ...csrfCorsRuleInfo,
  ...unknownKeyRuleInfo,
];

/** Runs every pure rule; one failing rule is reported instead of hiding the others' findings. */
export function runPureRules(view: ConfigView): Diagnostic[] {
  return pureRules.flatMap((rule) => {
    try {
      return rule(view);
    } catch (error) {
      return [ruleFailure(rule.name, error)];
    }
  });
}

export function ruleFailure(name: string, error: unknown): Diagnostic {
  return {
    severity: 'error',
    rule: 'internal-rule-failure',
    path: '',
    line: 1,
    column: 1,
    message: `The check ${name || 'unnamed'} failed: ${error instanceof Error ? error.message : String(error)}. Other checks still ran.`,
    fix: 'Report this to the RWS Security Studio maintainers with the file (secrets removed).',
  };
}
