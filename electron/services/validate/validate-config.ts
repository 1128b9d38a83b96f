// Runs the pure rules from shared/ and the file-aware rules, and returns sorted diagnostics.
import { sortDiagnostics, type Diagnostic } from '../../../shared/diagnostics';
import { runRule } from '../../../shared/rules/define';
import { runPureRules } from '../../../shared/rules/index';
import type { RwsDocument } from '../../../shared/yaml/document';
import { createFileRuleContext, type ConfigFiles } from './file-rule';
import { allFileRules } from './file-rules';
import { StoreCache } from './store-cache';

/**
 * All diagnostics for `doc`, read from `file` (relative paths in it resolve against its folder).
 * `files` reads the files it names from elsewhere than the local disk (a fleet node); such a run
 * gets its own store cache unless one is given.
 */
export async function validateConfig(
  doc: RwsDocument,
  file: string,
  options: { stores?: StoreCache; files?: ConfigFiles } = {},
): Promise<Diagnostic[]> {
  const stores = options.stores ?? (options.files ? new StoreCache(options.files) : undefined);
  const ctx = createFileRuleContext(doc, file, stores, options.files);
  const fileFindings = await Promise.all(allFileRules.map((rule) => runRule(rule, ctx, doc)));
  return sortDiagnostics([...runPureRules(doc), ...fileFindings.flat()]);
}
