/**
 * A certificate's subject, issuer and validity read straight from its DER, for the shapes certificates have in
 * practice: attribute types dn.ts knows, values in UTF8String or a one-byte string type, DER times. These decode
 * exactly as dn.ts decodes forge's parse (UTF-8 as UTF-8, the one-byte types as Latin-1, UTCTime years 50–99 as
 * 19xx); a property test holds the two together. Anything else (BMPString, non-string values, unknown types, other
 * time forms) gives undefined, and the caller decodes the element with forge as before.
 *
 * Why: decoding names and validity with forge was the largest part of a certificate's facts after OpenSSL's own
 * parse, for `kyma-cert inspect` (a fresh process per run) and the index alike; and forge is then not loaded at all.
 */
import type { Tlv } from './der';
import { oidFromDer, readChildren, TAG_SEQUENCE } from './der';
import { shortNameOfOid, type DnAttribute } from './dn';

const TAG_SET = 0x31;
const TAG_OID = 0x06;
const TAG_UTF8_STRING = 0x0c;
const ONE_BYTE_STRING_TAGS: ReadonlySet<number> = new Set([0x12, 0x13, 0x14, 0x16, 0x1a]); // Numeric, Printable, Teletex, IA5, Visible

/** The attributes of the Name element `name` (inside `der`) in DER order; undefined for a shape left to forge. */
export function attributesFromDer(der: Buffer, name: Tlv): DnAttribute[] | undefined {
  if (name.tag !== TAG_SEQUENCE) return undefined;
  const rdns = readChildren(der, name);
  if (!rdns) return undefined;
  const attrs: DnAttribute[] = [];
  for (const rdn of rdns) {
    const members = rdn.tag === TAG_SET ? readChildren(der, rdn) : undefined;
    if (!members || members.length === 0) return undefined;
    for (const [index, atv] of members.entries()) {
      const parts = atv.tag === TAG_SEQUENCE ? readChildren(der, atv) : undefined;
      if (!parts || parts.length !== 2 || parts[0].tag !== TAG_OID) return undefined;
      const type = shortNameOfOid(oidFromDer(der.subarray(parts[0].contentStart, parts[0].end)));
      const value = parts[1];
      const encoding = value.tag === TAG_UTF8_STRING ? 'utf8' : ONE_BYTE_STRING_TAGS.has(value.tag) ? 'latin1' : undefined;
      if (!type || !encoding) return undefined;
      const attr: DnAttribute = { type, value: der.toString(encoding, value.contentStart, value.end) };
      if (index > 0) attr.joinedWithPrevious = true;
      attrs.push(attr);
    }
  }
  return attrs;
}

const TAG_UTC_TIME = 0x17;
const TAG_GENERALIZED_TIME = 0x18;
const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;

/** notBefore and notAfter of the Validity element `validity`, when both are DER times (to the second, in Z). */
export function validityFromDer(der: Buffer, validity: Tlv): { notBefore: Date; notAfter: Date } | undefined {
  const times = validity.tag === TAG_SEQUENCE ? readChildren(der, validity) : undefined;
  if (!times || times.length !== 2) return undefined;
  const [notBefore, notAfter] = times.map((t) => derTime(der, t));
  return notBefore && notAfter ? { notBefore, notAfter } : undefined;
}

function derTime(der: Buffer, time: Tlv): Date | undefined {
  const text = der.toString('latin1', time.contentStart, time.end);
  const m = time.tag === TAG_UTC_TIME ? UTC_TIME.exec(text) : time.tag === TAG_GENERALIZED_TIME ? GENERALIZED_TIME.exec(text) : null;
  if (!m) return undefined;
  const [year, month, day, hours, minutes, seconds] = m.slice(1).map(Number);
  const date = new Date(0);
  // RFC 5280 §4.1.2.5.1: a UTCTime year below 50 is 20xx. setUTCFullYear, not Date.UTC: years 0–99 stay as given.
  date.setUTCFullYear(time.tag === TAG_UTC_TIME ? (year < 50 ? 2000 : 1900) + year : year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds, 0);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
