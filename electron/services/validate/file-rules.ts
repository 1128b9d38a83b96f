// Every file-aware rule. To add one: write a FileRuleModule (see file-rule.ts) and list it here.
import type { RuleInfo } from '../../../shared/rules/rule';
import type { FileRuleModule } from './file-rule';
import { cassandraFiles } from './rules/cassandra-files';
import { sslFiles } from './rules/ssl-files';
import { sslKeystoreContent } from './rules/ssl-keystore-content';
import { trustFilesRules } from './rules/trust-files';
import { trustStoreContent } from './rules/trust-store-content';

export const fileRuleModules: FileRuleModule[] = [
  sslFiles,
  trustFilesRules,
  cassandraFiles,
  sslKeystoreContent,
  trustStoreContent,
];

export function fileRuleInfo(): RuleInfo[] {
  return fileRuleModules.flatMap((m) => [...m.info]);
}
