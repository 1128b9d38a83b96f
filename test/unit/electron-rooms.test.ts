// The rooms of electron/ as the lint rules keep them: an engine (services/) that reached for a
// door, or a door that reached into another, fails `npm run lint`. Checked through ESLint itself
// with the project's config, on imports written into files at the real paths.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { repoRoot } from '../helpers/paths';

const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: join(repoRoot, 'build', 'eslint.config.mjs'),
});

async function refused(file: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, {
    filePath: join(repoRoot, file),
  });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

test('services import no door', async () => {
  for (const door of ['api/api-handlers', 'desktop/main', 'serve/serve-host', 'cli/main']) {
    assert.equal(await refused('electron/services/kits/x.ts', `../../${door}`), true, door);
  }
  assert.equal(await refused('electron/services/kits/x.ts', '../../../shared/api/contract'), false);
  assert.equal(await refused('electron/services/kits/x.ts', '../keystore/read'), false);
});

test('doors do not import each other', async () => {
  assert.equal(await refused('electron/desktop/x.ts', '../serve/static-files'), true);
  assert.equal(await refused('electron/desktop/x.ts', '../cli/main'), true);
  assert.equal(await refused('electron/serve/x.ts', '../desktop/app-origin'), true);
  assert.equal(await refused('electron/serve/x.ts', '../api/api-handlers'), true);
  assert.equal(await refused('electron/api/x.ts', '../serve/guards'), true);
  assert.equal(await refused('electron/cli/commands/x.ts', '../../api/api-errors'), true);
  assert.equal(await refused('electron/cli/commands/x.ts', '../../serve/serve-host'), true);
});

test('the composing files may reach the api room', async () => {
  assert.equal(await refused('electron/desktop/x.ts', '../api/api-handlers'), false);
  assert.equal(await refused('electron/cli/commands/serve.ts', '../../api/api-handlers'), false);
  assert.equal(await refused('electron/cli/commands/serve.ts', '../../serve/serve-host'), false);
  assert.equal(await refused('electron/cli/commands/serve.ts', '../../desktop/main'), true);
});

test('no room of electron/ imports the renderer', async () => {
  for (const file of ['electron/services/x.ts', 'electron/api/x.ts', 'electron/cli/x.ts']) {
    assert.equal(await refused(file, '../../renderer/app/App'), true, file);
  }
});

test('@peculiar/x509 is imported only through the module that sets it up', async () => {
  assert.equal(await refused('electron/services/chain/x.ts', '@peculiar/x509'), true);
  assert.equal(await refused('electron/services/chain/x.ts', 'reflect-metadata'), true);
  assert.equal(await refused('electron/services/x509/peculiar.ts', '@peculiar/x509'), false);
});
