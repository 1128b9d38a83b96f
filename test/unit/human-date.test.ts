// The app's one date format: a certificate's end is read as the same day on every machine, and
// the hover keeps the exact instant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  humanDate,
  humanizeInstants,
  isoInstant,
  sinceText,
} from '../../renderer/components/dates/human-date';

test('a day is "12 Mar 2027", the UTC day whatever the local time zone', () => {
  assert.equal(humanDate('2027-03-12T10:00:00.000Z'), '12 Mar 2027');
  // 23:30Z is still the 31st in UTC (a local formatter east of Greenwich would say 1 Jan).
  assert.equal(humanDate('2026-12-31T23:30:00Z'), '31 Dec 2026');
  assert.equal(humanDate(Date.UTC(2030, 0, 1)), '1 Jan 2030');
  assert.equal(humanDate(new Date(Date.UTC(1999, 6, 4, 5))), '4 Jul 1999');
});

test('the hover instant is ISO 8601 to the second, in UTC', () => {
  assert.equal(isoInstant('2027-03-12T10:00:00.000Z'), '2027-03-12T10:00:00Z');
  assert.equal(isoInstant('2027-03-12T10:00:00.250Z'), '2027-03-12T10:00:00.250Z');
  assert.equal(isoInstant('2027-03-12T12:00:00+02:00'), '2027-03-12T10:00:00Z');
});

test('a value that is no date is shown as given, never "Invalid Date"', () => {
  assert.equal(humanDate('unknown'), 'unknown');
  assert.equal(isoInstant(''), '');
});

test('instants inside a verdict message read in the same format', () => {
  assert.equal(
    humanizeInstants('expired on 2026-01-05T10:00:00.000Z (3 days ago)'),
    'expired on 5 Jan 2026 (3 days ago)',
  );
  assert.equal(humanizeInstants('no date here: 2026-01-05'), 'no date here: 2026-01-05');
});

test('a recent time reads as how long ago; a day or more as the day; a clock ahead as "just now"', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  const ago = (s: number) => new Date(now - s * 1000).toISOString();
  assert.equal(sinceText(ago(0), now), 'just now');
  assert.equal(sinceText(ago(9), now), 'just now');
  assert.equal(sinceText(ago(-3), now), 'just now');
  assert.equal(sinceText(ago(10), now), '10 s ago');
  assert.equal(sinceText(ago(59), now), '59 s ago');
  assert.equal(sinceText(ago(60), now), '1 min ago');
  assert.equal(sinceText(ago(3599), now), '59 min ago');
  assert.equal(sinceText(ago(3600), now), '1 h ago');
  assert.equal(sinceText(ago(86_399), now), '23 h ago');
  assert.equal(sinceText(ago(86_400), now), '6 Dec 2026');
  assert.equal(sinceText('unknown', now), 'unknown');
});
