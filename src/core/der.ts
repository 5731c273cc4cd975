/**
 * The project's one set of DER helpers, all over node-forge's forge.asn1 (the kept ASN.1 library): parsing with
 * `parse` errors, small node builders and readers, and the PEM writer. Certificates, CSRs, names and the emulator
 * build and read their structures with these.
 */
import { asn1, type Asn1 as ForgeAsn1, type ByteStringBuffer } from './forge-asn1';
import { KymaCertError } from './errors';

export type Asn1 = ForgeAsn1;

// decodeBitStrings:false keeps signatures and keys opaque (forge would otherwise try to read their bytes as ASN.1).
const PARSE_OPTIONS = { strict: true, parseAllBytes: true, decodeBitStrings: false };
type FromDer = (bytes: string | ByteStringBuffer, options: Record<string, boolean>) => Asn1;
const fromDer: FromDer = (bytes, options) => (asn1.fromDer as unknown as FromDer)(bytes, options);

/** Parses DER (every byte, no trailing data) into a forge tree; any failure is a `parse` error naming `what`. */
export function forgeFromDer(der: Buffer, what: string): Asn1 {
  try {
    return fromDer(der.toString('binary'), PARSE_OPTIONS);
  } catch (e) {
    throw new KymaCertError('parse', `${what} is not valid DER`, undefined, { cause: e });
  }
}

/**
 * Like forgeFromDer, for structures whose original bytes matter (a CSR's signed info; the subject and key the
 * emulator copies verbatim into a certificate). forge keeps no byte offsets, so the tree is re-encoded and must
 * equal the input: then every node re-encodes to exactly its original bytes (each header is read back from the
 * same position of the same bytes, so all element boundaries coincide), and forgeToDer(node) IS the original.
 * forge round-trips DER exactly — checked on our own and OpenSSL's certificates and CSRs (RSA/EC, PrintableString,
 * UTF8String, T61String incl. Latin-1, BMPString, IA5String, multi-valued RDNs). It only normalises non-DER
 * (BER) input: indefinite or non-minimal lengths, padded INTEGERs. Such input is rejected here, as the Connector
 * Service (Go encoding/asn1, DER only) rejects it.
 */
export function exactDerTree(der: Buffer, what: string): Asn1 {
  const tree = forgeFromDer(der, what);
  if (!forgeToDer(tree).equals(der)) throw new KymaCertError('parse', `${what} is not DER (BER encoding)`);
  return tree;
}

/** forge ASN.1 node → DER bytes. */
export function forgeToDer(node: Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

// ---------------------------------------------------------------------------------------------
// Reading nodes

/** The children of a constructed node; `parse` error "<what> is malformed" otherwise. */
export function childrenOf(node: Asn1 | undefined, what: string, type: number = asn1.Type.SEQUENCE): Asn1[] {
  if (node === undefined || node.tagClass !== asn1.Class.UNIVERSAL || node.type !== type || !Array.isArray(node.value)) {
    throw new KymaCertError('parse', `${what} is malformed`);
  }
  return node.value;
}

/** True for a UNIVERSAL primitive node of `type`. */
export function isPrimitive(node: Asn1 | undefined, type: number): node is Asn1 & { value: string } {
  return node !== undefined && node.tagClass === asn1.Class.UNIVERSAL && node.type === type && typeof node.value === 'string';
}

/** The dotted form of an OBJECT IDENTIFIER node; `parse` error otherwise. */
export function oidOf(node: Asn1 | undefined, what: string): string {
  if (!isPrimitive(node, asn1.Type.OID) || node.value.length === 0) throw new KymaCertError('parse', `${what} is malformed`);
  try {
    return asn1.derToOid(node.value);
  } catch (e) {
    throw new KymaCertError('parse', `${what} is malformed`, undefined, { cause: e });
  }
}

/** The bits of a BIT STRING node with no unused bits (signatures, public keys); `parse` error otherwise. */
export function bitStringBytes(node: Asn1 | undefined, what: string): Buffer {
  const content = isPrimitive(node, asn1.Type.BITSTRING) ? node.value : '';
  if (content.length < 2 || content.charCodeAt(0) !== 0) throw new KymaCertError('parse', `${what} is malformed`);
  return Buffer.from(content.slice(1), 'binary');
}

// ---------------------------------------------------------------------------------------------
// Building nodes (forge keeps byte strings in JS "binary" strings: one char per byte)

export function sequence(items: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
}

export function set(items: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
}

export function oid(dotted: string): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(dotted).getBytes());
}

/** An INTEGER from its two's-complement content bytes. */
export function integer(bytes: Buffer): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, bytes.toString('binary'));
}

export function booleanTrue(): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BOOLEAN, false, '\xff');
}

export function nullValue(): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
}

export function octetString(bytes: Buffer): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
}

/** BIT STRING; the first content byte is the count of unused bits. */
export function bitString(bytes: Buffer, unusedBits = 0): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, String.fromCharCode(unusedBits) + bytes.toString('binary'));
}

/** A string value of a universal string type (PrintableString, UTF8String, IA5String, …) from its content bytes. */
export function stringValue(type: number, bytes: Buffer): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, type, false, bytes.toString('binary'));
}

/** [n] EXPLICIT or a constructed [n] IMPLICIT: a context-specific constructed node. */
export function contextConstructed(tag: number, items: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);
}

/** A primitive [n] IMPLICIT value (GeneralName dNSName/iPAddress, AuthorityKeyIdentifier keyIdentifier). */
export function contextPrimitive(tag: number, bytes: Buffer): Asn1 {
  return asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, false, bytes.toString('binary'));
}

/** RFC 5280 §4.1.2.5 (and Go): UTCTime for 1950–2049, GeneralizedTime otherwise. */
export function time(date: Date): Asn1 {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

// ---------------------------------------------------------------------------------------------
// PEM

/** PEM-encodes DER with 64-character lines and a trailing newline. */
export function toPem(label: string, der: Buffer): string {
  const base64 = der.toString('base64');
  let body = '';
  for (let i = 0; i < base64.length; i += 64) body += `${base64.slice(i, i + 64)}\n`;
  return `-----BEGIN ${label}-----\n${body || '\n'}-----END ${label}-----\n`;
}

// ---------------------------------------------------------------------------------------------
// Element offsets without a tree: pem.ts's sniffing of unknown (possibly hostile) binary input, which only needs
// the outline of one object and cuts trailing data off by offset. forge has no header-only reader, and parsing
// whole subtrees with forge for this measured ~10x slower on hostile input (2 MiB SEQUENCE of NULLs: 11 s instead
// of 0.8 s), so these few lines stay. Everything that reads values uses the forge trees above.

/** One DER element located inside a buffer. */
export interface Tlv {
  /** The identifier octet (e.g. 0x30 for SEQUENCE). Multi-byte tags are not needed here and are rejected. */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the element. */
  end: number;
}

export const TAG_INTEGER = 0x02;
export const TAG_BIT_STRING = 0x03;
export const TAG_OCTET_STRING = 0x04;
export const TAG_SEQUENCE = 0x30;
export const TAG_CONTEXT_0_CONSTRUCTED = 0xa0;

/** Reads the element starting at `pos`; undefined when the bytes are not a well-formed DER header within `limit`. */
export function readTlv(buf: Buffer, pos = 0, limit = buf.length): Tlv | undefined {
  if (pos + 2 > limit) return undefined;
  const tag = buf[pos];
  if ((tag & 0x1f) === 0x1f) return undefined; // high-tag-number form: never used by the structures we read
  let lengthByte = buf[pos + 1];
  let contentStart = pos + 2;
  let length: number;
  if (lengthByte < 0x80) {
    length = lengthByte;
  } else {
    lengthByte &= 0x7f;
    // 0x80 is BER indefinite length, not DER; more than 4 length bytes cannot fit our 4 MiB cap.
    if (lengthByte === 0 || lengthByte > 4 || contentStart + lengthByte > limit) return undefined;
    length = 0;
    for (let i = 0; i < lengthByte; i++) length = length * 256 + buf[contentStart + i];
    contentStart += lengthByte;
  }
  const end = contentStart + length;
  if (end > limit) return undefined;
  return { tag, start: pos, contentStart, end };
}

/** The direct children of a constructed element, or undefined if they do not tile its content exactly. */
/** The dotted form of an OBJECT IDENTIFIER's content bytes, decoded as forge's `asn1.derToOid` does. */
export function oidFromDer(bytes: Buffer): string {
  if (bytes.length === 0) return '';
  const arcs = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if ((bytes[i] & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

export function readChildren(buf: Buffer, parent: Tlv): Tlv[] | undefined {
  const children: Tlv[] = [];
  let pos = parent.contentStart;
  while (pos < parent.end) {
    const child = readTlv(buf, pos, parent.end);
    if (!child) return undefined;
    children.push(child);
    pos = child.end;
  }
  return children;
}

/** The dotted OID of an OBJECT IDENTIFIER element, or undefined. */
export function tlvOid(buf: Buffer, tlv: Tlv): string | undefined {
  try {
    return oidOf(forgeFromDer(buf.subarray(tlv.start, tlv.end), 'object identifier'), 'object identifier');
  } catch {
    return undefined;
  }
}
