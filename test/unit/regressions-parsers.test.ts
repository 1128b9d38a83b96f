// Crashers found by the fuzz targets (test/fuzz), each kept with its input bytes as base64.
// Before the fix each input made the parser (or what reads its result) throw something other than
// its typed error; now each is read, or refused with a clear, typed error naming the file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Asn1Error, parseDer, readString } from '../../electron/services/der/asn1';
import { KeystoreError } from '../../electron/services/keystore/model';
import { readKeystore } from '../../electron/services/keystore/read';
import { describeStore } from '../../electron/services/keystore/describe-store';
import { RwsDocument, YamlSyntaxError } from '../../shared/yaml/document';

const bytes = (base64: string): Buffer => Buffer.from(base64, 'base64');
const text = (base64: string): string => bytes(base64).toString('utf8');

// x509/describe.ts decoded every extension's value as DER, so a certificate with a private
// extension holding other bytes (here 1.2.3.4 = 30 FF 01) broke `keystore list` (Asn1Error).
const PRIVATE_EXTENSION_PEM =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJmVENDQVNPZ0F3SUJBZ0lVRlo3dGM0THlmM3JiRExSNmxT' +
  'NzJvWXJ2Qi9nd0NnWUlLb1pJemowRUF3SXcKRGpFTU1Bb0dBMVVFQXd3RFpYaDBNQjRYRFRJMk1URXlPREV6TkRJ' +
  'eU9Gb1hEVE0yTVRFeU5URXpOREl5T0ZvdwpEakVNTUFvR0ExVUVBd3dEWlhoME1Ga3dFd1lIS29aSXpqMENBUVlJ' +
  'S29aSXpqMERBUWNEUWdBRTNmM1Qxd0hQCk5jZW1UTE9veUpnb29hVGhlWnRwUzNjSXNwc05pRCtuaHRSblc0Y041' +
  'UUU0TFJHQVhFRTg3N0tZejRxejdsYmIKVEkxUmRrcFdKazlPaEtOZk1GMHdIUVlEVlIwT0JCWUVGSCtXck03UzZp' +
  'emxsSjByU0UyRGNpMk05eFVSTUI4RwpBMVVkSXdRWU1CYUFGSCtXck03UzZpemxsSjByU0UyRGNpMk05eFVSTUE4' +
  'R0ExVWRFd0VCL3dRRk1BTUJBZjh3CkNnWURLZ01FQkFNdy93RXdDZ1lJS29aSXpqMEVBd0lEU0FBd1JRSWdKZWI5' +
  'ZVl0Q29hcXVVeG0xRkdEWWgyTGoKUkFkS3NBNjdhUWtsYWR3V3M3b0NJUUNHSlJUNndtNzMyT3E1cVplTzNCT0dt' +
  'cUp0QVZ0TUprMi92T2J1UWIzdQpRQT09Ci0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';

// A certificate whose EC point is garbled (04 -> 07): OpenSSL parses the certificate lazily and
// only fails when the key is read (describe, chain checks), with ERR_OSSL_EVP_DECODE_ERROR.
const GARBLED_KEY_DER =
  'MIIBbTCCAROgAwIBAgIUBbowv+sGWNL6Nl1YvBCTPWImxy8wCgYIKoZIzj0EAwIwDDEKMAgGA1UEAwwBcjAeFw0y' +
  'NjExMjgxMzQyMjhaFw0zNjExMjUxMzQyMjhaMAwxCjAIBgNVBAMMAXIwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC' +
  'AAcLtOwGnt2cgJBZd9sb4crwfvubK/JX8C/6IrtIZDkM82mhnkVoc7yUdg7A6C0mMcSneFQwwPpx+AkabtOrLzCm' +
  'o1MwUTAdBgNVHQ4EFgQUPR9nNggh0J2eAJcj9CCqrz4XouIwHwYDVR0jBBgwFoAUPR9nNggh0J2eAJcj9CCqrz4X' +
  'ouIwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiA6jZtQRw7mATUYSOCaL7ORQ6WH6W8du8oru1wl' +
  'WsJZqQIhAPUiZgzDpyP+p0Z0rJtG8435SPcdwmPgk6Q8kImfrSVG';

// A JKS truststore whose entry date is 0x7fffffffffffffff ms: Java keeps it, a JavaScript Date
// cannot, and describeStore threw RangeError 'Invalid time value'.
const JKS_DATE_OUT_OF_RANGE =
  '/u3+7QAAAAIAAAABAAAAAgABcn//////////AAVYLjUwOQAAAXEwggFtMIIBE6ADAgECAhQFujC/6wZY0vo2XVi8' +
  'EJM9YibHLzAKBggqhkjOPQQDAjAMMQowCAYDVQQDDAFyMB4XDTI2MTEyODEzNDIyOFoXDTM2MTEyNTEzNDIyOFow' +
  'DDEKMAgGA1UEAwwBcjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABAu07Aae3ZyAkFl32xvhyvB++5sr8lfwL/oi' +
  'u0hkOQzzaaGeRWhzvJR2DsDoLSYxxKd4VDDA+nH4CRpu06svMKajUzBRMB0GA1UdDgQWBBQ9H2c2CCHQnZ4AlyP0' +
  'IKqvPhei4jAfBgNVHSMEGDAWgBQ9H2c2CCHQnZ4AlyP0IKqvPhei4jAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49' +
  'BAMCA0gAMEUCIDqNm1BHDuYBNRhI4Jovs5FDpYfpbx27yiu7XCVawlmpAiEA9SJmDMOnI/6nRnSsm0bzjflI9x3C' +
  'Y+CTpDyQiZ+tJUYAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

// YAML (decoded): a billion-laughs document, 5 levels of 12 aliases. Resolving it threw the yaml
// library's ReferenceError from whatever first read a value.
const ALIAS_BOMB =
  'bDA6ICZsMCBbbG9sLCBsb2xdCmwxOiAmbDEgWypsMCwgKmwwLCAqbDAsICpsMCwgKmwwLCAqbDAsICpsMCwgKmwwLCAqbDAsICpsMCwgKmwwLCAqbDBdCmwyOiAmbDIgWypsMSwgKmwxLCAqbDEsICpsMSwgKmwxLCAqbDEsICpsMSwgKmwxLCAqbDEsICpsMSwgKmwxLCAqbDFdCmwzOiAmbDMgWypsMiwgKmwyLCAqbDIsICpsMiwgKmwyLCAqbDIsICpsMiwgKmwyLCAqbDIsICpsMiwgKmwyLCAqbDJdCmw0OiAmbDQgWypsMywgKmwzLCAqbDMsICpsMywgKmwzLCAqbDMsICpsMywgKmwzLCAqbDMsICpsMywgKmwzLCAqbDNdCmw1OiAmbDUgWypsNCwgKmw0LCAqbDQsICpsNCwgKmw0LCAqbDQsICpsNCwgKmw0LCAqbDQsICpsNCwgKmw0LCAqbDRdCnNzbDoKICBrZXlTdG9yZVBhc3N3b3JkOiAqbDUK';

// YAML (decoded): "a:\n  <<: 1\n", a merge of a scalar. Reading it threw the yaml library's
// plain Error 'Merge sources must be maps or map aliases'.
const SCALAR_MERGE = 'YToKICA8PDogMQo=';

test('regression: a certificate with an undecodable private extension lists normally', () => {
  const store = readKeystore(bytes(PRIVATE_EXTENSION_PEM), { file: 'ext.pem' });
  const [entry] = describeStore(store).entries;
  assert.equal(entry?.chain[0]?.subject, 'CN=ext');
});

test('regression: a certificate whose public key cannot be decoded is a corrupt file', () => {
  assert.throws(
    () => readKeystore(bytes(GARBLED_KEY_DER), { file: 'garbled.der' }),
    (err: unknown) =>
      err instanceof KeystoreError &&
      err.code === 'corrupt' &&
      /garbled\.der is damaged.*cannot be decoded/.test(err.message),
  );
});

test('regression: a JKS entry date out of JavaScript range is a corrupt file', () => {
  assert.throws(
    () => describeStore(readKeystore(bytes(JKS_DATE_OUT_OF_RANGE), { file: 'dates.jks' })),
    (err: unknown) =>
      err instanceof KeystoreError && err.code === 'corrupt' && err.message.includes('dates.jks'),
  );
});

test('regression: an alias bomb is a YAML syntax error at parse time, at the first alias', () => {
  assert.throws(
    () => RwsDocument.parse(text(ALIAS_BOMB)),
    (err: unknown) =>
      err instanceof YamlSyntaxError && err.line === 2 && /too many values/.test(err.message),
  );
});

test('regression: a merge of a scalar is a YAML syntax error at the merge key', () => {
  assert.throws(
    () => RwsDocument.parse(text(SCALAR_MERGE)),
    (err: unknown) =>
      err instanceof YamlSyntaxError &&
      err.line === 2 &&
      err.column === 3 &&
      /merge/.test(err.message),
  );
});

// asn1.ts readString (PKCS12 friendlyName, certificate names): a BMPString of odd length made
// Buffer#swap16 throw RangeError ERR_INVALID_BUFFER_SIZE, and a UniversalString character above
// U+10FFFF made String.fromCodePoint throw RangeError (found through a PKCS12 friendlyName).
const ODD_BMP_STRING = 'HgMAYQA='; // 1E 03 00 61 00
const HUGE_UNIVERSAL_CHARACTER = 'HAQAZQBj'; // 1C 04 00 65 00 63

test('regression: malformed BMP and Universal strings are Asn1Errors', () => {
  for (const input of [ODD_BMP_STRING, HUGE_UNIVERSAL_CHARACTER]) {
    assert.throws(() => readString(parseDer(bytes(input))), Asn1Error);
  }
});
