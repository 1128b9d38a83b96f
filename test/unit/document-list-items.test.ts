// Chip lists edit one item of a comma-separated value: the file keeps its separator, spacing and
// quoting, and only the touched item changes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { RwsDocument } from '../../shared/yaml/document';
import {
  editListValue,
  insertListItem,
  listItems,
  removeListItem,
  replaceListItem,
  separatorOf,
} from '../../shared/yaml/list-items';

const items = (value: string) => listItems(value).map((i) => i.text);

describe('list items', () => {
  test('removing one method keeps the spaced separator of the others', () => {
    assert.equal(removeListItem('GET, POST, PUT', 2), 'GET, POST');
    assert.equal(removeListItem('GET, POST, PUT', 1), 'GET, PUT');
    assert.equal(removeListItem('GET, POST, PUT', 0), 'POST, PUT');
    assert.equal(removeListItem('GET', 0), '');
  });

  test('adding uses the separator the value already uses', () => {
    assert.equal(separatorOf('GET,POST'), ',');
    assert.equal(separatorOf('GET, POST'), ', ');
    assert.equal(insertListItem('GET, POST', 2, 'PUT'), 'GET, POST, PUT');
    assert.equal(insertListItem('GET,POST', 2, 'PUT'), 'GET,POST,PUT');
    assert.equal(insertListItem('', 0, 'GET'), 'GET');
    // One item left does not show the separator: the one it had before is passed along.
    assert.equal(
      insertListItem('X-CSRF-HEADER', 1, 'X-CSRF-TOKEN', ','),
      'X-CSRF-HEADER,X-CSRF-TOKEN',
    );
  });

  test('removing one origin leaves the odd spacing of the others as written', () => {
    const value = 'http://a.example.com ,http://b.example.com,  http://c.example.com';
    assert.equal(removeListItem(value, 1), 'http://a.example.com ,http://c.example.com');
    assert.equal(removeListItem(value, 2), 'http://a.example.com ,http://b.example.com');
    assert.equal(replaceListItem(value, 0, 'https://a.example.com'), `https${value.slice(4)}`);
  });

  test('a chip change becomes the smallest splice', () => {
    assert.equal(editListValue('GET, POST, PUT', ['GET', 'PUT']), 'GET, PUT');
    assert.equal(
      editListValue('GET, POST, PUT', ['GET', 'POST', 'PUT', 'DELETE']),
      'GET, POST, PUT, DELETE',
    );
    assert.equal(editListValue('GET, POST, PUT', ['GET', 'POST', 'PUT']), 'GET, POST, PUT');
    assert.equal(editListValue('GET,  POST', []), '');
  });

  const item = fc.stringMatching(/^[A-Za-z0-9*:/.-]{1,12}$/);
  const spaced = fc.tuple(
    fc.array(item, { minLength: 1, maxLength: 6 }),
    fc.constantFrom(',', ', ', ' , ', ',  '),
  );

  test('property: removing an item then putting it back restores the value byte for byte', () => {
    fc.assert(
      fc.property(spaced, fc.nat(), ([list, sep], n) => {
        const value = list.join(sep);
        const index = n % list.length;
        const removed = removeListItem(value, index);
        assert.deepEqual(
          items(removed),
          list.filter((_, i) => i !== index),
        );
        assert.equal(insertListItem(removed, index, list[index]!, sep), value);
      }),
    );
  });

  test('property: a chip edit changes only the touched item, all other bytes stay', () => {
    fc.assert(
      fc.property(spaced, item, fc.nat(), ([list, sep], added, n) => {
        const value = list.join(sep);
        const index = n % (list.length + 1);
        const next = [...list.slice(0, index), added, ...list.slice(index)];
        const edited = editListValue(value, next);
        assert.deepEqual(items(edited), next);
        if (list.length >= 2) assert.equal(edited.length, value.length + added.length + sep.length);
      }),
    );
  });
});

describe('list items through the document', () => {
  test('a quoted header list keeps its quotes and the other headers as written', () => {
    const text =
      'serverSettings:\n  crossOriginSettings:\n    allowedMethods: GET, POST, PUT\n    allowedHeaders: "X-Requested-With,Content-Type"\n';
    const doc = RwsDocument.parse(text);
    const methods = 'serverSettings.crossOriginSettings.allowedMethods';
    const headers = 'serverSettings.crossOriginSettings.allowedHeaders';
    const next = doc.withEdits([
      { path: methods, value: editListValue(String(doc.get(methods)), ['GET', 'PUT']) },
      {
        path: headers,
        value: editListValue(String(doc.get(headers)), [
          'X-Requested-With',
          'Content-Type',
          'ssid',
        ]),
      },
    ]);
    assert.equal(
      next.text,
      'serverSettings:\n  crossOriginSettings:\n    allowedMethods: GET, PUT\n    allowedHeaders: "X-Requested-With,Content-Type,ssid"\n',
    );
  });
});
