import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  DnAttribute,
  attributesFromNameDer,
  escapeRfc4514Value,
  formatConnectorSubject,
  formatRfc4514,
  nameDerFromAttributes,
  normalizeAttributeType,
  parseConnectorSubject,
  subjectMismatch,
  subjectSatisfies,
  toOpensslSubj,
} from '../../../src/core/dn';
import { isKymaCertError } from '../../../src/core/errors';

const KYMA = 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app';

describe('RFC 4514 formatting', () => {
  test('reverses DER order and joins with commas', () => {
    const attrs = parseConnectorSubject(KYMA);
    assert.equal(formatRfc4514(attrs), 'CN=my-app,C=DE,ST=Waldorf,L=Waldorf,OU=OrgUnit,O=Organization');
  });

  test('escapes , + " \\ < > ; anywhere, # and space at the start, space at the end', () => {
    assert.equal(escapeRfc4514Value('a,b+c"d\\e<f>g;h'), 'a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h');
    assert.equal(escapeRfc4514Value('#x'), '\\#x');
    assert.equal(escapeRfc4514Value('x#'), 'x#');
    assert.equal(escapeRfc4514Value(' lead and trail '), '\\ lead and trail\\ ');
    assert.equal(escapeRfc4514Value('in side'), 'in side');
    assert.equal(escapeRfc4514Value('nul\0 and\nnewline'), 'nul\\00 and\\0Anewline');
    assert.equal(escapeRfc4514Value('grüße=ok'), 'grüße=ok');
  });

  test('multi-valued RDNs are joined with + and keep their inner order', () => {
    const attrs: DnAttribute[] = [
      { type: 'C', value: 'DE' },
      { type: 'O', value: 'Org' },
      { type: 'OU', value: 'Unit', joinedWithPrevious: true },
      { type: 'CN', value: 'app' },
    ];
    assert.equal(formatRfc4514(attrs), 'CN=app,OU=Unit+O=Org,C=DE'); // reversed inside the RDN too, as openssl does
  });

  test('non-string values keep their #hex form unescaped', () => {
    assert.equal(formatRfc4514([{ type: '1.2.3.4', value: '#020101', valueIsHexDer: true }]), '1.2.3.4=#020101');
  });
});

describe('connector subject', () => {
  test('formatConnectorSubject puts O,OU,L,ST,C,CN first whatever the DER order, extras after', () => {
    const attrs: DnAttribute[] = [
      { type: 'CN', value: 'my-app' },
      { type: 'emailAddress', value: 'a@b.c' },
      { type: 'C', value: 'DE' },
      { type: 'ST', value: 'Waldorf' },
      { type: 'L', value: 'Waldorf' },
      { type: 'OU', value: 'OrgUnit' },
      { type: 'O', value: 'Organization' },
    ];
    assert.equal(formatConnectorSubject(attrs), `${KYMA},emailAddress=a@b.c`);
  });

  test('formatConnectorSubject lists only the types present', () => {
    assert.equal(
      formatConnectorSubject([
        { type: 'CN', value: 'x' },
        { type: 'O', value: 'y' },
      ]),
      'O=y,CN=x',
    );
  });

  test('parseConnectorSubject splits on , then the first =, normalises types, honours escapes', () => {
    assert.deepEqual(parseConnectorSubject('cn=a=b, o = Org ,commonName=c\\,d'), [
      { type: 'CN', value: 'a=b' },
      { type: 'O', value: 'Org' },
      { type: 'CN', value: 'c,d' },
    ]);
    assert.deepEqual(parseConnectorSubject('CN=caf\\C3\\A9'), [{ type: 'CN', value: 'café' }]);
  });

  test('parseConnectorSubject rejects parts without = and unknown types', () => {
    assert.throws(
      () => parseConnectorSubject('CN=a,garbage'),
      (e) => isKymaCertError(e, 'parse'),
    );
    assert.throws(
      () => parseConnectorSubject('XYZ=a'),
      (e) => isKymaCertError(e, 'parse'),
    );
  });

  test('round trip: format then parse gives the same attributes in connector order', () => {
    const attrs = parseConnectorSubject(KYMA);
    assert.deepEqual(parseConnectorSubject(formatConnectorSubject(attrs)), attrs);
  });
});

describe('subjectSatisfies (the service rule)', () => {
  const expected = parseConnectorSubject(KYMA);

  test('order is irrelevant and extra attributes are ignored', () => {
    const actual = [...expected].reverse().concat([
      { type: 'OU', value: 'Second' },
      { type: 'emailAddress', value: 'x@y' },
    ]);
    assert.equal(subjectSatisfies(expected, actual), true);
  });

  test('the first value of each type counts', () => {
    const actual = [{ type: 'OU', value: 'Other' }, ...expected];
    assert.equal(subjectSatisfies(expected, actual), false);
    assert.equal(subjectMismatch(expected, actual), 'CSR: Invalid organizational unit provided.');
  });

  test('the service messages for a wrong CN, a missing and a wrong attribute', () => {
    const without = (type: string) => expected.filter((a) => a.type !== type);
    const replaced = (type: string, value: string) => expected.map((a) => (a.type === type ? { type, value } : a));
    assert.equal(subjectMismatch(expected, replaced('CN', 'other-app')), 'CSR: Invalid common name provided.');
    assert.equal(subjectMismatch(expected, without('CN')), 'CSR: Invalid common name provided.');
    assert.equal(subjectMismatch(expected, without('C')), 'CSR: No country provided.');
    assert.equal(subjectMismatch(expected, replaced('C', 'PL')), 'CSR: Invalid country provided.');
    assert.equal(subjectMismatch(expected, without('O')), 'CSR: No organization provided.');
    assert.equal(subjectMismatch(expected, without('L')), 'CSR: No locality provided.');
    assert.equal(subjectMismatch(expected, replaced('ST', 'Bayern')), 'CSR: Invalid province provided.');
    assert.equal(subjectMismatch(expected, expected), undefined);
  });

  test('CN comparison is exact (case-sensitive)', () => {
    assert.equal(
      subjectSatisfies(
        expected,
        expected.map((a) => (a.type === 'CN' ? { ...a, value: 'My-App' } : a)),
      ),
      false,
    );
  });
});

describe('DER names', () => {
  test('encode → decode keeps order, types, values and multi-valued RDNs', () => {
    const attrs: DnAttribute[] = [
      { type: 'DC', value: 'example' },
      { type: 'C', value: 'DE' },
      { type: 'L', value: 'Grüße & Co, KG' },
      { type: 'O', value: 'Org' },
      { type: 'OU', value: 'Unit', joinedWithPrevious: true }, // already in DER SET OF order
      { type: 'emailAddress', value: 'x@example.com' },
      { type: 'serialNumber', value: '42' },
      { type: 'street', value: 'Main St 1' },
      { type: '1.2.3.4.5', value: 'custom' },
      { type: 'CN', value: '😀 emoji' },
    ];
    assert.deepEqual(attributesFromNameDer(nameDerFromAttributes(attrs)), attrs);
  });

  test('a multi-valued RDN is DER-sorted (SET OF) whatever the given order', () => {
    const given: DnAttribute[] = [
      { type: 'OU', value: 'a' },
      { type: 'O', value: 'b', joinedWithPrevious: true },
    ];
    assert.deepEqual(attributesFromNameDer(nameDerFromAttributes(given)), [
      { type: 'O', value: 'b' },
      { type: 'OU', value: 'a', joinedWithPrevious: true },
    ]);
  });

  test('unknown attribute types cannot be encoded', () => {
    assert.throws(
      () => nameDerFromAttributes([{ type: 'Nope', value: 'x' }]),
      (e) => isKymaCertError(e, 'parse'),
    );
  });

  test('garbage is a parse error', () => {
    assert.throws(
      () => attributesFromNameDer(Buffer.from([0x30, 0x03, 0x31, 0x01, 0x00])),
      (e) => isKymaCertError(e, 'parse'),
    );
    assert.throws(
      () => attributesFromNameDer(Buffer.from('not der')),
      (e) => isKymaCertError(e, 'parse'),
    );
  });

  test('normalizeAttributeType knows short names, long names and OIDs', () => {
    assert.equal(normalizeAttributeType('commonName'), 'CN');
    assert.equal(normalizeAttributeType('2.5.4.10'), 'O');
    assert.equal(normalizeAttributeType('EMAILADDRESS'), 'emailAddress');
    assert.equal(normalizeAttributeType('1.2.3'), '1.2.3');
    assert.equal(normalizeAttributeType('bogus'), undefined);
  });
});

test('toOpensslSubj writes DER order with / and escapes / + \\', () => {
  const attrs: DnAttribute[] = [...parseConnectorSubject('O=Organization,CN=a/b'), { type: 'OU', value: 'x+y', joinedWithPrevious: true }];
  assert.equal(toOpensslSubj(attrs), '/O=Organization/CN=a\\/b+OU=x\\+y');
});
