/**
 * Property: the subject, issuer and validity in a certificate's facts are what forge decodes from the DER, for any
 * name (every string type, non-string values, unknown and known attribute types, multi-valued RDNs, escapes,
 * control and non-ASCII characters, invalid UTF-8) and any time — whether they were read straight from
 * the DER (core/derFields.ts) or decoded by forge.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { buildCertificate } from '../../../src/core/certificate-builder';
import { certificateFacts } from '../../../src/core/certificate';
import { forgeFromDer, oid, sequence, set, stringValue, type Asn1 } from '../../../src/core/der';
import { attributesFromNameNode } from '../../../src/core/dn';
import { attributesFromDer } from '../../../src/core/derFields';
import { asn1 } from '../../../src/core/forge-asn1';
import { readTlv } from '../../../src/core/der';
import { makeKey } from '../helpers/certs';

const key = makeKey({ keyType: 'ec' });

const TYPES = [
  '2.5.4.3', // CN
  '2.5.4.6', // C
  '2.5.4.10', // O
  '2.5.4.11', // OU
  '2.5.4.5', // serialNumber
  '1.2.840.113549.1.9.1', // emailAddress
  '0.9.2342.19200300.100.1.25', // DC
  '2.5.4.45', // x500UniqueIdentifier: OpenSSL has a name for it, dn.ts has not
  '1.3.6.1.4.1.311.60.2.1.3', // jurisdictionC
  '1.2.3.4.5', // nobody's
];
// UTF8, Numeric, Printable, Teletex, IA5, Visible, BMP, Universal, and two non-string types (INTEGER, OCTET STRING).
const TAGS = [0x0c, 0x12, 0x13, 0x14, 0x16, 0x1a, 0x1e, 0x1c, 0x02, 0x04];
const SPECIAL = [...Buffer.from(',+"\\<>;#= \n\r\t')].concat([0x00, 0x01, 0x1b, 0x7f, 0x80, 0x9f, 0xa0, 0xc3, 0xe2, 0xff]);

const valueBytes = fc.oneof(
  fc.string({ maxLength: 12, unit: 'grapheme' }).map((s) => Buffer.from(s, 'utf8')),
  fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.integer({ min: 0x20, max: 0x7e })), { maxLength: 10 }).map((a) => Buffer.from(a)),
  fc.uint8Array({ maxLength: 8 }).map((a) => Buffer.from(a)),
);

// Mostly attributes the DER path reads (dn.ts' types, string types), so that both paths are exercised.
const attribute = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constantFrom(...TYPES.slice(0, 7)), tag: fc.constantFrom(...TAGS.slice(0, 6)), bytes: valueBytes }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom(...TYPES), tag: fc.constantFrom(...TAGS), bytes: valueBytes }) },
);
const nameArb = fc.array(fc.array(attribute, { minLength: 1, maxLength: 3 }), { maxLength: 4 });

function nameDer(rdns: Array<Array<{ type: string; tag: number; bytes: Buffer }>>): Buffer {
  const atv = (a: { type: string; tag: number; bytes: Buffer }): Asn1 => sequence([oid(a.type), stringValue(a.tag, a.bytes)]);
  return Buffer.from(asn1.toDer(sequence(rdns.map((members) => set(members.map(atv))))).getBytes(), 'binary');
}

const dateArb = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

test('facts: names and validity equal forge’s decoding of the DER, whichever path read them', () => {
  let fromDer = 0;
  fc.assert(
    fc.property(nameArb, nameArb, dateArb, dateArb, (subjectRdns, issuerRdns, notBefore, notAfter) => {
      const subject = nameDer(subjectRdns);
      const issuer = nameDer(issuerRdns);
      let der: Buffer;
      try {
        der = buildCertificate({ subject, issuer, publicKey: key, signingKey: key, notBefore, notAfter }).der;
        new X509Certificate(der);
      } catch {
        return; // OpenSSL refuses this certificate: nothing to compare
      }
      const facts = certificateFacts(der);
      assert.deepEqual(facts.subject, attributesFromNameNode(forgeFromDer(subject, 'subject')));
      assert.deepEqual(facts.issuer, attributesFromNameNode(forgeFromDer(issuer, 'issuer')));
      assert.equal(facts.notBefore.getTime(), notBefore.getTime());
      assert.equal(facts.notAfter.getTime(), notAfter.getTime());
      if (attributesFromDer(subject, readTlv(subject)!)) fromDer++;
    }),
    { numRuns: 600 },
  );
  assert.ok(fromDer > 50, `the DER path read only ${fromDer} subjects`);
});
