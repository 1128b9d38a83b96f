// The typed rule registry: one shape for pure and file-aware rules, ids as a derived union, and
// one diagnostic schema for the rules, the CLI's --json and the API contract.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contract } from '../../shared/api/contract';
import type { Diagnostic } from '../../shared/diagnostics';
import { diagnosticSchema } from '../../shared/diagnostic-schema';
import { defineRule, runPureRule } from '../../shared/rules/define';
import { pureRuleInfo } from '../../shared/rules/index';
import { fileRuleIds, probeRuleIds, ruleIds, type RuleId } from '../../shared/rules/rule-ids';
import { RwsDocument } from '../../shared/yaml/document';
import { fileRuleInfo } from '../../electron/services/validate/file-rules';

const base = { severity: 'error', path: 'ssl.port', line: 1, column: 1, message: 'm' } as const;

test('a diagnostic with an unknown rule id does not compile', () => {
  const known: Diagnostic = { ...base, rule: 'port-range' };
  // @ts-expect-error 'no-such-rule' is not a RuleId
  const unknown: Diagnostic = { ...base, rule: 'no-such-rule' };
  defineRule({
    name: 'x',
    findings: { a: { severity: 'error', summary: 's' } },
    check: (_v, report) =>
      // @ts-expect-error a rule may only report the findings it declares
      report({ id: 'b', path: 'p', message: 'm' }),
  });
  const id: RuleId = 'ssl-keystore-not-found';
  assert.ok([known, unknown, id]);
});

test('every documented id is a known id, once, and every known id is documented', () => {
  const documented = [...pureRuleInfo, ...fileRuleInfo()].map((r) => r.id);
  assert.equal(new Set(documented).size, documented.length, 'an id is documented twice');
  const known = new Set<string>(ruleIds);
  for (const id of documented) assert.ok(known.has(id), id);
  const expected = ruleIds.filter(
    (id) =>
      !(probeRuleIds as readonly string[]).includes(id) &&
      !['internal-rule-failure', 'file-unreadable', 'yaml-syntax'].includes(id),
  );
  assert.deepEqual([...documented].sort(), [...expected].sort());
  for (const id of fileRuleIds) assert.ok(documented.includes(id), id);
});

test('the contract carries the same schema and refuses an unknown id at run time', () => {
  const state = contract['config.state'].response;
  const good = { ...base, rule: 'port-range' };
  assert.equal(diagnosticSchema.safeParse(good).success, true);
  assert.equal(diagnosticSchema.safeParse({ ...good, rule: 'no-such-rule' }).success, false);
  const sample = {
    file: null,
    values: null,
    diagnostics: [{ ...good, rule: 'no-such-rule' }],
    syntaxError: null,
    dirty: false,
    canUndo: false,
    canRedo: false,
    uncoveredKeys: [],
  };
  assert.equal(state.safeParse(sample).success, false);
  assert.equal(state.safeParse({ ...sample, diagnostics: [good] }).success, true);
});

test('a rule reports through its own findings with their documented severity, and a throw is contained', () => {
  const rule = defineRule({
    name: 'demo',
    findings: { 'port-range': { severity: 'warning', summary: 's' } },
    check(view, report) {
      report({ id: 'port-range', path: 'ssl.port', message: 'first' });
      if (view.has('ssl')) throw new Error('boom');
    },
  });
  const found = runPureRule(rule, RwsDocument.parse('ssl:\n  port: 1\n'));
  assert.deepEqual(
    found.map((d) => [d.rule, d.severity, d.line]),
    [
      ['port-range', 'warning', 2],
      ['internal-rule-failure', 'error', 1],
    ],
  );
  assert.match(found[1]?.message ?? '', /The check demo failed: boom/);
});
