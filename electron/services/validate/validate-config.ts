// Runs the pure rules from shared/ and the file-aware rules, and returns sorted diagnostics.
import { sortDiagnostics, type Diagnostic } from '../../../shared/diagnostics';
import { runRule } from '../../../shared/rules/define';
import { runPureRules } from '../../../shared/rules/index';
import type { RwsDocument } from '../../../shared/yaml/document';
import { createFileRuleContext } from './file-rule';
import { allFileRules } from './file-rules';
import type { StoreCache } from './store-cache';

/** All diagnostics for `doc`, read from `file` (relative paths in it resolve against its folder). */
export async function validateConfig(
  doc: RwsDocument,
  file: string,
  options: { stores?: StoreCache } = {},
): Promise<Diagnostic[]> {
  const ctx = createFileRuleContext(doc, file, options.stores);
  const fileFindings = await Promise.all(allFileRules.map((rule) => runRule(rule, ctx, doc)));
  return sortDiagnostics([...runPureRules(doc), ...fileFindings.flat()]);
}
