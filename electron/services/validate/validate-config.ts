// Runs the pure rules from shared/ and the file-aware rules, and returns sorted diagnostics.
import { sortDiagnostics, type Diagnostic } from '../../../shared/diagnostics';
import { ruleFailure, runPureRules } from '../../../shared/rules/index';
import type { RwsDocument } from '../../../shared/yaml/document';
import { createFileRuleContext, type ConfigFiles } from './file-rule';
import { fileRuleModules } from './file-rules';
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
