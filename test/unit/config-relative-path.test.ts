// The UI shows where a relative path typed in a wizard will point; it must agree with node:path
// resolution against the config's folder, which the main process uses to write the file.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { isAbsolutePath, resolveBesideConfig } from '../../shared/config-relative-path';

test('relative paths resolve in the config folder exactly as node:path does', () => {
  const config = '/opt/gws/config/application.yaml';
  for (const typed of ['keystore', 'etc/keystore', './keystore', '../etc/keystore', 'a/../b/./c']) {
    assert.equal(resolveBesideConfig(config, typed), resolve('/opt/gws/config', typed), typed);
  }
  assert.equal(resolveBesideConfig(config, '/srv/keystore'), '/srv/keystore');
  assert.equal(
    resolveBesideConfig('/application.yaml', '../../keystore'),
    resolve('/', '../../keystore'),
  );
});

test('Windows paths keep their drive and separator', () => {
  assert.equal(
    resolveBesideConfig('C:\\GWS\\config\\application.yaml', '..\\etc\\keystore'),
    'C:\\GWS\\etc\\keystore',
  );
  assert.ok(isAbsolutePath('D:\\keys\\k.jks'));
  assert.ok(isAbsolutePath('\\\\server\\share\\k.jks'));
  assert.ok(!isAbsolutePath('keystore'));
});
