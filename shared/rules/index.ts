// Every pure rule, run in this order. To add one: defineRule in its own file and list it here; its
// ids join RuleId (rule-ids.ts) by themselves.
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { cassandraRule } from './cassandra';
import { csrfCorsRule } from './csrf-cors';
import { ruleInfo, runPureRule, type PureRule, type RuleInfo } from './define';
import { httpsCrossFieldRule } from './https-cross-field';
import { secretsRule } from './secrets';
import { sessionsRule } from './sessions';
import { sslRule } from './ssl';
import { trustRule } from './trust';
import { typesRule } from './types';
import { unknownKeysRule } from './unknown-keys';

export { ruleFailure, type PureRule, type RuleInfo } from './define';

export const pureRules = [
  typesRule,
  sslRule,
  httpsCrossFieldRule,
  sessionsRule,
  trustRule,
  cassandraRule,
  secretsRule,
  csrfCorsRule,
  unknownKeysRule,
] as const;

export const pureRuleInfo: readonly RuleInfo[] = ruleInfo(pureRules);

/** Runs every pure rule; one failing rule is reported instead of hiding the others' findings. */
export function runPureRules(view: ConfigView): Diagnostic[] {
  const all: readonly PureRule[] = pureRules;
  return all.flatMap((rule) => runPureRule(rule, view));
}
