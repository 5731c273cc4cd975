import forge from 'node-forge';

/**
 * Small DER builders over forge's ASN.1 model. The emulator assembles certificates by hand so that it can copy
 * the CSR's subject and key bytes verbatim (as the real service does) and sign the TBS with node:crypto.
 */
const { asn1 } = forge;
const { Class, Type } = asn1;

export type Asn1 = forge.asn1.Asn1;

export function sequence(items: Asn1[]): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
}

export function set(items: Asn1[]): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.SET, true, items);
}

export function oid(dotted: string): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(dotted).getBytes());
}

export function integer(value: number): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(value).getBytes());
}

export function boolean(value: boolean): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.BOOLEAN, false, value ? '\xff' : '\x00');
}

export function nullValue(): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
}

export function octetString(bytes: Buffer): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
}

/** BIT STRING whose first content byte is the count of unused bits. */
export function bitString(bytes: Buffer, unusedBits = 0): Asn1 {
  return asn1.create(Class.UNIVERSAL, Type.BITSTRING, false, String.fromCharCode(unusedBits) + bytes.toString('binary'));
}

/** Explicitly tagged context-specific wrapper ([n] EXPLICIT). */
export function explicit(tag: number, inner: Asn1): Asn1 {
  return asn1.create(Class.CONTEXT_SPECIFIC, tag, true, [inner]);
}

/** Implicitly tagged primitive context-specific value ([n] IMPLICIT). */
export function implicitPrimitive(tag: number, bytes: Buffer): Asn1 {
  return asn1.create(Class.CONTEXT_SPECIFIC, tag, false, bytes.toString('binary'));
}

/** Go encodes certificate times as UTCTime for 1950–2049 and GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export function time(date: Date): Asn1 {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/** A Name with one attribute per RDN, in the given (DER) order; PrintableString where possible, like Go. */
export function name(attributes: ReadonlyArray<{ oid: string; value: string }>): Asn1 {
  return sequence(
    attributes.map((a) => {
      const type = PRINTABLE.test(a.value) ? Type.PRINTABLESTRING : Type.UTF8;
      const bytes = type === Type.UTF8 ? Buffer.from(a.value, 'utf8').toString('binary') : a.value;
      return set([sequence([oid(a.oid), asn1.create(Class.UNIVERSAL, type, false, bytes)])]);
    }),
  );
}

export function toDer(node: Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

type FromDerWithOptions = (bytes: string, options: { strict: boolean; decodeBitStrings: boolean }) => Asn1;

/**
 * Strict parse that keeps BIT STRINGs opaque: forge otherwise tries to decode their contents as nested ASN.1
 * (and then `value` no longer holds the key or signature bytes).
 */
export function fromDer(der: Buffer): Asn1 {
  return (asn1.fromDer as unknown as FromDerWithOptions)(der.toString('binary'), { strict: true, decodeBitStrings: false });
}

export function oidOf(node: Asn1): string {
  return asn1.derToOid(node.value as string);
}

/** The children of a constructed node, or a descriptive error for malformed input. */
export function children(node: Asn1 | undefined, what: string): Asn1[] {
  if (node === undefined || !Array.isArray(node.value)) {
    throw new Error(`malformed ${what}`);
  }
  return node.value;
}

/** Common attribute type OIDs by their short name. */
export const ATTRIBUTE_OIDS: Readonly<Record<string, string>> = {
  CN: '2.5.4.3',
  C: '2.5.4.6',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  O: '2.5.4.10',
  OU: '2.5.4.11',
};
