// Runs the pure rules from shared/ and the file-aware rules, and returns sorted diagnostics.
import { sortDiagnostics, type Diagnostic } from '../../../shared/diagnostics';
import { ruleFailure, runPureRules } from '../../../shared/rules/index';
import type { RwsDocument } from '../../../shared/yaml/document';
import { createFileRuleContext } from './file-rule';
import { fileRuleModules } from './file-rules';
import type { StoreCache } from './store-cache';

/** All diagnostics for `doc`, read from `file` (relative paths in it resolve against its folder). */
export async function validateConfig(
  doc: RwsDocument,
  file: string,
  options: { stores?: StoreCache } = {},
): Promise<Diagnostic[]> {
  const ctx = createFileRuleContext(doc, file, options.stores);
  const fileFindings = await Promise.all(
    fileRuleModules.map(async ({ rule, info }) => {
      try {
        return await rule(ctx);
      } catch (error) {
        return [ruleFailure(info.map((i) => i.id).join('/'), error)];
      }
    }),
  );
  return sortDiagnostics([...runPureRules(doc), ...fileFindings.flat()]);
}
