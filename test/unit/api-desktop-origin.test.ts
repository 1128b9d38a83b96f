import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, sep } from 'node:path';
import { appRequestFile, isAppUrl } from '../../electron/desktop/app-origin';

const root = join(sep, 'opt', 'app', 'renderer');

test('app:// requests: GET of files under the renderer folder only', () => {
  assert.equal(appRequestFile(root, 'GET', 'app://rwsec/index.html'), join(root, 'index.html'));
  assert.equal(appRequestFile(root, 'GET', 'app://rwsec/'), join(root, 'index.html'));
  assert.deepEqual(appRequestFile(root, 'POST', 'app://rwsec/index.html'), { status: 405 });
  assert.deepEqual(appRequestFile(root, 'GET', 'app://other/index.html'), { status: 403 });
  assert.deepEqual(appRequestFile(root, 'GET', 'file:///etc/passwd'), { status: 403 });
  for (const hostile of [
    'app://rwsec/%2e%2e/%2e%2e/etc/passwd',
    'app://rwsec/..%2f..%2fetc/passwd',
    'app://rwsec/a/..%5c..%5cetc',
    'app://rwsec/%00',
    'app://rwsec/%E0%A4%A',
  ]) {
    const result = appRequestFile(root, 'GET', hostile);
    // The URL parser folds dot segments first, so some become harmless paths inside the root.
    assert.ok(typeof result !== 'string' || result.startsWith(root + sep), hostile);
  }
  assert.deepEqual(appRequestFile(root, 'GET', 'app://rwsec/%00'), { status: 404 });
  assert.deepEqual(appRequestFile(root, 'GET', 'app://rwsec/%E0%A4%A'), { status: 404 });
});

test('IPC senders and navigation targets: only our app origin', () => {
  assert.equal(isAppUrl('app://rwsec/index.html'), true);
  assert.equal(isAppUrl('app://rwsec.evil/index.html'), false);
  assert.equal(isAppUrl('https://rwsec/'), false);
  assert.equal(isAppUrl('file:///index.html'), false);
  assert.equal(isAppUrl(''), false);
  assert.equal(isAppUrl(undefined), false);
});
