// Every file-aware rule. To add one: defineFileRule in its own file (see file-rule.ts), list it
// here and name its ids in shared/rules/rule-ids.ts (the proof below fails until both agree).
import { ruleInfo, type RuleIdOf, type RuleInfo } from '../../../shared/rules/define';
import type { FileRuleId, SameUnion } from '../../../shared/rules/rule-ids';
import type { FileRule } from './file-rule';
import { cassandraFiles } from './rules/cassandra-files';
import { sslFiles } from './rules/ssl-files';
import { sslKeystoreContent } from './rules/ssl-keystore-content';
import { trustFilesRules } from './rules/trust-files';
import { trustStoreContent } from './rules/trust-store-content';

export const fileRules = [
  sslFiles,
  trustFilesRules,
  cassandraFiles,
  sslKeystoreContent,
  trustStoreContent,
] as const;

// Compile-time proof that shared/ names exactly the ids these rules report.
const idsMatch: SameUnion<RuleIdOf<(typeof fileRules)[number]>, FileRuleId> = true;
void idsMatch;

export const allFileRules: readonly FileRule[] = fileRules;

export function fileRuleInfo(): RuleInfo[] {
  return ruleInfo(fileRules);
}
