// A key deleted and set again goes back where the file had it (given the file as read), so a
// value that comes back is no change at all; without that order new keys still go last.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { RwsDocument } from '../../shared/yaml/document';

const cors = [
  'serverSettings:',
  '  crossOriginSettings:',
  '    # how long the filter caches its decision',
  '    corsFilterCacheTimeToLive: 120',
  '    allowedOrigins: http://*.example.com',
  '    allowCredentials: true',
  'other: 1',
  '',
].join('\n');
const ttl = 'serverSettings.crossOriginSettings.corsFilterCacheTimeToLive';

describe('key order', () => {
  test('the first key of a block, deleted and set again, returns above its neighbours with its comment', () => {
    const original = RwsDocument.parse(cors);
    const deleted = original.withEdits([{ path: ttl, delete: true }]);
    assert.doesNotMatch(deleted.text, /corsFilterCacheTimeToLive/);
    const back = deleted.withEdits([{ path: ttl, value: 120 }], { keyOrder: original });
    assert.equal(back.text, cors);
  });

  test('a middle key returns after the sibling it followed', () => {
    const original = RwsDocument.parse(cors);
    const path = 'serverSettings.crossOriginSettings.allowedOrigins';
    const deleted = original.withEdits([{ path, delete: true }]);
    const back = deleted.withEdits([{ path, value: 'http://*.example.com' }], {
      keyOrder: original,
    });
    assert.equal(back.text, cors);
  });

  test('without the order (or for a key the file never had) a new key goes last', () => {
    const original = RwsDocument.parse(cors);
    const deleted = original.withEdits([{ path: ttl, delete: true }]);
    const last = deleted.withEdits([{ path: ttl, value: 120 }]);
    assert.match(last.text, /allowCredentials: true\n {4}corsFilterCacheTimeToLive: 120\n/);
    const added = original.withEdits([{ path: 'serverSettings.crossOriginSettings.x', value: 1 }], {
      keyOrder: original,
    });
    assert.match(added.text, /allowCredentials: true\n {4}x: 1\nother/);
  });

  test('property: deleting any key of a block and setting it again restores the text', () => {
    const keys = fc.uniqueArray(fc.stringMatching(/^k[a-zA-Z]{0,8}$/), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(keys, fc.nat(), fc.nat(), (names, pick, removeFirst) => {
        const lines = names.map((k, i) => `    ${k}: ${i * 7}`);
        const text = `top:\n  block:\n${lines.join('\n')}\nafter: 1\n`;
        const original = RwsDocument.parse(text);
        // Remove one or two keys, then set them again in either order.
        const gone = [names[pick % names.length]!];
        const second = names[removeFirst % names.length]!;
        if (second !== gone[0]) gone.push(second);
        let doc = original.withEdits(gone.map((k) => ({ path: `top.block.${k}`, delete: true })));
        for (const k of removeFirst % 2 ? gone : [...gone].reverse()) {
          const value = names.indexOf(k) * 7;
          doc = doc.withEdits([{ path: `top.block.${k}`, value }], { keyOrder: original });
        }
        assert.equal(doc.text, text);
      }),
    );
  });
});
