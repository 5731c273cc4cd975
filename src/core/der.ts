/**
 * Minimal DER helpers shared by the core modules.
 *
 * forge's ASN.1 tree does not keep byte offsets, but signature checks need the exact signed bytes
 * (re-encoding could change non-canonical input), so a tiny TLV reader slices the original buffer.
 */
import forge from 'node-forge';
import { KymaCertError } from './errors';

/** One DER tag-length-value element located inside a buffer. */
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
export const TAG_OID = 0x06;
export const TAG_SEQUENCE = 0x30;
export const TAG_SET = 0x31;
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

/** The bytes of a whole element (header included). */
export function tlvBytes(buf: Buffer, tlv: Tlv): Buffer {
  return buf.subarray(tlv.start, tlv.end);
}

/** Decodes the OID in an OBJECT IDENTIFIER element to dotted form. */
export function tlvOid(buf: Buffer, tlv: Tlv): string | undefined {
  if (tlv.tag !== TAG_OID || tlv.end === tlv.contentStart) return undefined;
  try {
    return forge.asn1.derToOid(buf.subarray(tlv.contentStart, tlv.end).toString('binary'));
  } catch {
    return undefined;
  }
}

/** Parses DER into a forge ASN.1 tree, turning every failure into a `parse` error. */
export function forgeFromDer(der: Buffer, what: string): forge.asn1.Asn1 {
  try {
    // decodeBitStrings:false keeps signatures/keys opaque (and avoids speculative parsing of random bytes).
    const options = { strict: true, parseAllBytes: true, decodeBitStrings: false };
    return forge.asn1.fromDer(der.toString('binary'), options as unknown as boolean);
  } catch (e) {
    throw new KymaCertError('parse', `${what} is not valid DER`, undefined, { cause: e });
  }
}

/** forge ASN.1 node → DER bytes. */
export function forgeToDer(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

/** Wraps DER bytes (e.g. a SubjectPublicKeyInfo made by node:crypto) as a forge node for structure building. */
export function derToForge(der: Buffer): forge.asn1.Asn1 {
  return forgeFromDer(der, 'structure');
}

/** PEM-encodes DER with 64-character lines and a trailing newline. */
export function toPem(label: string, der: Buffer): string {
  const b64 = der.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
