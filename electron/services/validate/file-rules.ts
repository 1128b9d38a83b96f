// Every file-aware rule. To add one: write a FileRuleModule (see file-rule.ts) and list it here.
import type { RuleInfo } from '../../../shared/rules/rule';
import type { FileRuleModule } from './file-rule';
import { cassandraFiles } from './rules/cassandra-files';
import { sslFiles } from './rules/ssl-files';
import { trustFilesRules } from './rules/trust-files';

export const fileRuleModules: FileRuleModule[] = [sslFiles, trustFilesRules, cassandraFiles];

export function fileRuleInfo(): RuleInfo[] {
  return fileRuleModules.flatMap((m) => [...m.info]);
}
