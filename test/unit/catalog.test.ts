import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderOptionList } from '../../shared/catalog/help';
import { findOption, options } from '../../shared/catalog/options';
import { repoRoot } from '../helpers/paths';

const reference = join(repoRoot, '..', 'shared', 'reference');

test('every option path in rws-options.md is in the catalog', (t) => {
  const file = join(reference, 'rws-options.md');
  if (!existsSync(file)) return t.skip(`reference not found at ${file}`);
  const text = readFileSync(file, 'utf8');
  // Table rows: | `path` | ... ; "a / b" rows name a sibling of the previous path.
  const paths: string[] = [];
  for (const m of text.matchAll(/^\| `([\w.]+)`(?: \/ `(\w+)`)?/gm)) {
    const first = m[1] ?? '';
    paths.push(first);
    if (m[2]) paths.push(first.replace(/[^.]+$/, m[2]));
  }
  for (const m of text.matchAll(/`(cassandraCluster\.\w+)`, `(\w+)`/g)) {
    paths.push(m[1] ?? '', `cassandraCluster.${m[2]}`);
  }
  assert.ok(paths.length >= 15, `parsed ${paths.length} paths`);
  for (const path of paths) assert.ok(findOption(path), `catalog lacks ${path}`);
  for (const extra of [
    'jetty.enableSsl',
    'serverSettings.rcsJksPassword',
    'serverSettings.speechMinerJksPassword',
    'serverSettings.crossOriginSettings.exposedHeaders',
    'serverSettings.crossOriginSettings.corsFilterCacheTimeToLive',
  ]) {
    assert.ok(findOption(extra), `catalog lacks ${extra}`);
  }
});

test('secret forms follow the readers: Jetty plain/OBF, RWS plain/CRYPT', () => {
  assert.deepEqual(findOption('ssl.keyStorePassword')?.secretForms, ['plain', 'OBF']);
  for (const path of [
    'serverSettings.jksPassword',
    'serverSettings.webDAVJksPassword',
    'serverSettings.rcsJksPassword',
    'serverSettings.speechMinerJksPassword',
    'cassandraCluster.truststorePassword',
    'cassandraCluster.password',
  ]) {
    assert.deepEqual(findOption(path)?.secretForms, ['plain', 'CRYPT'], path);
  }
  // Where the guide does not say so for the field itself, the entry says so.
  assert.ok(findOption('serverSettings.jksPassword')?.secretFormsNote);
  assert.ok(findOption('cassandraCluster.truststorePassword')?.secretFormsNote);
  for (const o of options) {
    assert.equal(o.type === 'secret', o.secretForms !== undefined, `${o.path} secret forms`);
  }
});

test('every option has help, a label, a section and a guide procedure; paths are unique', () => {
  assert.equal(new Set(options.map((o) => o.path)).size, options.length);
  for (const o of options) {
    assert.ok(o.help.length > 20, o.path);
    assert.ok(o.label.length > 0 && o.procedure.length > 0, o.path);
  }
  assert.equal(findOption('serverSettings.webDAVTrustedCA')?.default, true);
  assert.equal(findOption('nope'), undefined);
});

test('help texts are our own words, not sentences copied from the guide', (t) => {
  const file = join(reference, 'configuring-security.txt');
  if (!existsSync(file)) return t.skip(`guide not found at ${file}`);
  const guide = readFileSync(file, 'utf8').replace(/\s+/g, ' ').toLowerCase();
  for (const o of options) {
    const words = o.help.toLowerCase().split(/\s+/);
    for (let i = 0; i + 8 <= words.length; i++) {
      const run = words.slice(i, i + 8).join(' ');
      assert.ok(!guide.includes(run), `${o.path} copies "${run}"`);
    }
  }
});

test('the option list shows every option with its forms', () => {
  const text = renderOptionList();
  for (const o of options) assert.ok(text.includes(o.path), o.path);
  assert.match(text, /ssl\.keyStorePassword[\s\S]*OBF: \(Jetty obfuscation\)/);
});
