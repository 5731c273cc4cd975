/**
 * A certificate's subject, issuer and validity from node's X509Certificate, when its text says exactly what the
 * DER says.
 *
 * node prints a name one RDN per line, members of a multi-valued RDN joined by ` + `, OpenSSL's short attribute
 * names, values as UTF-8 with RFC 2253 escapes (`\,` `\+` `\"` `\\` `\<` `\>` `\;`, a leading `#` or space and a
 * trailing space) and control characters as `\XX`. So the text can be read back without loss, but only the DER
 * knows the string types and whether OpenSSL's name for a type is ours. The DER's outline (tags and OID bytes, no
 * values) is therefore checked first: every attribute type one of dn.ts' known ones, every value a one-byte string
 * type (Printable, IA5, Visible, Numeric, Teletex: Latin-1, as forge decodes them) or well-formed UTF8String. For
 * anything else (BMPString, #hex values, unknown types) the caller decodes the DER with forge as before.
 * Validity likewise: node prints each time to the second in GMT, exact for DER's `YYMMDDHHMMSSZ` and
 * `YYYYMMDDHHMMSSZ` (the only forms checked here).
 *
 * Why: decoding names and validity with forge was the largest part of the facts after OpenSSL's own parse, for
 * `kyma-cert inspect` (a fresh process per run) and the index alike.
 */
import { isUtf8 } from 'node:buffer';
import type { Tlv } from './der';
import { readChildren, TAG_SEQUENCE } from './der';
import type { DnAttribute } from './dn';

const TAG_SET = 0x31;
const TAG_OID = 0x06;
/** UTF8String; the one-byte string types follow (decoded as Latin-1 by forge and by OpenSSL alike). */
const TAG_UTF8_STRING = 0x0c;
const ONE_BYTE_STRING_TAGS: ReadonlySet<number> = new Set([0x12, 0x13, 0x14, 0x16, 0x1a]); // Numeric, Printable, Teletex, IA5, Visible

/** dn.ts' attribute types whose OpenSSL short name is the same, by the hex of their OID's DER content. */
const SHORT_NAMES_BY_OID: ReadonlyMap<string, string> = new Map([
  ['550403', 'CN'],
  ['550404', 'SN'],
  ['550405', 'serialNumber'],
  ['550406', 'C'],
  ['550407', 'L'],
  ['550408', 'ST'],
  ['550409', 'street'],
  ['55040a', 'O'],
  ['55040b', 'OU'],
  ['55040c', 'title'],
  ['55040d', 'description'],
  ['55040f', 'businessCategory'],
  ['550411', 'postalCode'],
  ['55042a', 'GN'],
  ['55042b', 'initials'],
  ['55042c', 'generationQualifier'],
  ['55042e', 'dnQualifier'],
  ['550441', 'pseudonym'],
  ['550461', 'organizationIdentifier'],
  ['2a864886f70d010901', 'emailAddress'],
  ['0992268993f22c640101', 'UID'],
  ['0992268993f22c640119', 'DC'],
]);

/**
 * The attributes of the Name element `name` (inside `der`) in DER order, read from node's text of it; undefined
 * when the DER holds something the text cannot be trusted for, or the text does not fit the DER.
 */
export function attributesFromNodeText(der: Buffer, name: Tlv, text: string | undefined): DnAttribute[] | undefined {
  const expected = expectedTypes(der, name);
  if (expected?.length === 0) return []; // an empty Name (node has no text for it)
  if (!expected || text === undefined) return undefined;
  const lines = text.split('\n');
  if (lines.length !== expected.length) return undefined;
  const attrs: DnAttribute[] = [];
  for (let r = 0; r < lines.length; r++) {
    const members = readRdn(lines[r]);
    if (!members || members.length !== expected[r].length) return undefined;
    for (let m = 0; m < members.length; m++) {
      if (members[m].type !== expected[r][m]) return undefined;
      attrs.push(m > 0 ? { ...members[m], joinedWithPrevious: true } : members[m]);
    }
  }
  return attrs;
}

/** Per RDN, the short names of its attribute types; undefined when a type or value is one the text may misstate. */
function expectedTypes(der: Buffer, name: Tlv): string[][] | undefined {
  if (name.tag !== TAG_SEQUENCE) return undefined;
  const rdns = readChildren(der, name);
  if (!rdns) return undefined;
  const out: string[][] = [];
  for (const rdn of rdns) {
    const members = rdn.tag === TAG_SET ? readChildren(der, rdn) : undefined;
    if (!members || members.length === 0) return undefined;
    const types: string[] = [];
    for (const atv of members) {
      const parts = atv.tag === TAG_SEQUENCE ? readChildren(der, atv) : undefined;
      if (!parts || parts.length !== 2 || parts[0].tag !== TAG_OID) return undefined;
      const type = SHORT_NAMES_BY_OID.get(der.toString('hex', parts[0].contentStart, parts[0].end));
      const value = parts[1];
      const readable = ONE_BYTE_STRING_TAGS.has(value.tag) || (value.tag === TAG_UTF8_STRING && isUtf8(der.subarray(value.contentStart, value.end)));
      if (!type || !readable) return undefined;
      types.push(type);
    }
    out.push(types);
  }
  return out;
}

/**
 * `TYPE=value + TYPE=value`: the members of one RDN, values unescaped. A `+` in a value is always escaped, so an
 * unescaped one separates members (with the spaces around it; a value's own edge spaces are escaped).
 */
function readRdn(line: string): Array<{ type: string; value: string }> | undefined {
  const eq = line.indexOf('=');
  if (eq > 0 && !line.includes('\\') && !line.includes(' + ')) return [{ type: line.slice(0, eq), value: line.slice(eq + 1) }]; // the common case
  const members: Array<{ type: string; value: string }> = [];
  let i = 0;
  for (;;) {
    const eq = line.indexOf('=', i);
    if (eq < 0) return undefined;
    const type = line.slice(i, eq);
    let value = '';
    let j = eq + 1;
    while (j < line.length && !(line[j] === ' ' && line.startsWith(' + ', j))) {
      const c = line[j];
      if (c !== '\\') {
        value += c;
        j++;
        continue;
      }
      const hex = line.slice(j + 1, j + 3);
      if (/^[0-9A-F]{2}$/.test(hex)) {
        value += String.fromCharCode(parseInt(hex, 16)); // a control character
        j += 3;
      } else if (j + 1 < line.length) {
        value += line[j + 1]; // an escaped special character
        j += 2;
      } else {
        return undefined;
      }
    }
    members.push({ type, value });
    if (j >= line.length) return members;
    i = j + 3;
  }
}

const TAG_UTC_TIME = 0x17;
const TAG_GENERALIZED_TIME = 0x18;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** How node (OpenSSL's ASN1_TIME_print) writes a time: `Mar  1 12:00:00 2031 GMT`. */
const NODE_TIME = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4}) GMT$/;

/** notBefore and notAfter from node's validFrom/validTo, when the Validity element `validity` holds DER times. */
export function validityFromNodeText(der: Buffer, validity: Tlv, validFrom: string, validTo: string): { notBefore: Date; notAfter: Date } | undefined {
  const times = validity.tag === TAG_SEQUENCE ? readChildren(der, validity) : undefined;
  if (!times || times.length !== 2 || !times.every((t) => isDerTime(der, t))) return undefined;
  const notBefore = nodeTime(validFrom);
  const notAfter = nodeTime(validTo);
  return notBefore && notAfter ? { notBefore, notAfter } : undefined;
}

function isDerTime(der: Buffer, time: Tlv): boolean {
  const length = time.end - time.contentStart;
  const expected = time.tag === TAG_UTC_TIME ? 13 : time.tag === TAG_GENERALIZED_TIME ? 15 : 0;
  return length === expected && der[time.end - 1] === 0x5a; // 'Z'
}

function nodeTime(text: string): Date | undefined {
  const m = NODE_TIME.exec(text);
  const month = m ? MONTHS.indexOf(m[1]) : -1;
  if (!m || month < 0) return undefined;
  return new Date(Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])));
}
