/**
 * Distinguished names: decoding from DER, encoding for CSRs, and the text forms the tools and the
 * Connector Service use. Attributes are kept in DER order (outermost RDN first), as in the certificate.
 */
import { asn1 } from './forge-asn1';
import { KymaCertError } from './errors';
import { Asn1, forgeFromDer, forgeToDer, oid as oidNode, sequence, set, stringValue } from './der';

/** One attribute of a distinguished name. */
export interface DnAttribute {
  /** Short name (CN, O, OU, L, ST, C, emailAddress, serialNumber, DC, street, …) or a dotted OID. */
  type: string;
  /** The decoded value; for `valueIsHexDer` the RFC 4514 `#hex` form of a non-string value. */
  value: string;
  /** True when this attribute belongs to the same (multi-valued) RDN as the previous one (`+` in text forms). */
  joinedWithPrevious?: boolean;
  /** True when `value` is `#` followed by the hex DER of a value that is not a string type. */
  valueIsHexDer?: boolean;
}

const OID_TO_SHORT_NAME: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** dn.ts' short name of a dotted attribute type OID (CN, O, …), or undefined for a type it has no name for. */
export function shortNameOfOid(oid: string): string | undefined {
  return Object.hasOwn(OID_TO_SHORT_NAME, oid) ? OID_TO_SHORT_NAME[oid] : undefined;
}

const SHORT_NAME_TO_OID: ReadonlyMap<string, string> = new Map(Object.entries(OID_TO_SHORT_NAME).map(([oid, name]) => [name.toLowerCase(), oid]));

/** Extra spellings people type (OpenSSL long names, RFC 4514 upper-case forms). */
const ALIASES: Readonly<Record<string, string>> = {
  commonname: 'CN',
  organizationname: 'O',
  organizationalunitname: 'OU',
  localityname: 'L',
  stateorprovincename: 'ST',
  countryname: 'C',
  streetaddress: 'street',
  domaincomponent: 'DC',
  userid: 'UID',
  surname: 'SN',
  givenname: 'GN',
  email: 'emailAddress',
};

const DOTTED_OID = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/** Canonical attribute type for a name or OID as written by a user (`cn` → `CN`, `2.5.4.3` → `CN`), or undefined. */
export function normalizeAttributeType(type: string): string | undefined {
  const trimmed = type.trim();
  if (DOTTED_OID.test(trimmed)) return OID_TO_SHORT_NAME[trimmed] ?? trimmed;
  const lower = trimmed.toLowerCase();
  const oid = SHORT_NAME_TO_OID.get(lower);
  if (oid) return OID_TO_SHORT_NAME[oid];
  return ALIASES[lower];
}

/** Dotted OID for an attribute type (short name or OID). */
export function attributeTypeOid(type: string): string | undefined {
  const canonical = normalizeAttributeType(type);
  if (canonical === undefined) return undefined;
  return DOTTED_OID.test(canonical) ? canonical : SHORT_NAME_TO_OID.get(canonical.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// DER ↔ attributes

// Universal tag numbers of the directory string types (forge's typings lack some of them).
const UNIVERSAL_STRING = 28;
const STRING_TYPES: ReadonlySet<number> = new Set([
  12, // UTF8String
  18, // NumericString
  19, // PrintableString
  20, // TeletexString (T61)
  22, // IA5String
  26, // VisibleString
  UNIVERSAL_STRING,
  30, // BMPString
]);

function decodeStringValue(node: Asn1): { value: string; valueIsHexDer?: boolean } {
  if (node.tagClass !== asn1.Class.UNIVERSAL || node.constructed || !STRING_TYPES.has(node.type)) {
    return { value: `#${forgeToDer(node).toString('hex')}`, valueIsHexDer: true };
  }
  const raw = node.value as string;
  switch (node.type as number) {
    case asn1.Type.UTF8:
      return { value: Buffer.from(raw, 'binary').toString('utf8') };
    case asn1.Type.BMPSTRING:
      return { value: raw }; // forge already decoded the UTF-16BE code units
    case UNIVERSAL_STRING: {
      const bytes = Buffer.from(raw, 'binary');
      let out = '';
      for (let i = 0; i + 3 < bytes.length; i += 4) {
        const cp = bytes.readUInt32BE(i);
        out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
      }
      return { value: out };
    }
    default:
      return { value: raw }; // ASCII / Latin-1 string types: one byte per character
  }
}

/**
 * Decodes a forge `Name` node (SEQUENCE OF SET OF AttributeTypeAndValue) into attributes in DER order.
 * Throws `parse` when the structure is not a Name.
 */
export function attributesFromNameNode(name: Asn1): DnAttribute[] {
  const bad = (): never => {
    throw new KymaCertError('parse', 'distinguished name is malformed');
  };
  if (name.type !== asn1.Type.SEQUENCE || !Array.isArray(name.value)) bad();
  const attrs: DnAttribute[] = [];
  for (const rdn of name.value as Asn1[]) {
    if (rdn.type !== asn1.Type.SET || !Array.isArray(rdn.value) || rdn.value.length === 0) bad();
    (rdn.value as Asn1[]).forEach((atv, index) => {
      const parts = atv.value;
      if (atv.type !== asn1.Type.SEQUENCE || !Array.isArray(parts) || parts.length !== 2) bad();
      const [typeNode, valueNode] = parts as Asn1[];
      if (typeNode.type !== asn1.Type.OID || typeof typeNode.value !== 'string') bad();
      let oid: string;
      try {
        oid = asn1.derToOid(typeNode.value as string);
      } catch (e) {
        throw new KymaCertError('parse', 'distinguished name has a malformed attribute type', undefined, { cause: e });
      }
      const attr: DnAttribute = { type: OID_TO_SHORT_NAME[oid] ?? oid, ...decodeStringValue(valueNode) };
      if (index > 0) attr.joinedWithPrevious = true;
      attrs.push(attr);
    });
  }
  return attrs;
}

/** Decodes the DER of a `Name` into attributes in DER order. */
export function attributesFromNameDer(der: Buffer): DnAttribute[] {
  return attributesFromNameNode(forgeFromDer(der, 'distinguished name'));
}

const PRINTABLE_STRING = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

function encodeValue(attr: DnAttribute, canonicalType: string): Asn1 {
  if (attr.valueIsHexDer) {
    const hex = attr.value.startsWith('#') ? attr.value.slice(1) : attr.value;
    if (!/^([0-9a-fA-F]{2})+$/.test(hex)) {
      throw new KymaCertError('parse', `attribute ${attr.type} has an invalid #hex value`);
    }
    return forgeFromDer(Buffer.from(hex, 'hex'), `attribute ${attr.type}`);
  }
  if ((canonicalType === 'emailAddress' || canonicalType === 'DC') && ASCII.test(attr.value)) {
    return stringValue(asn1.Type.IA5STRING, Buffer.from(attr.value, 'latin1'));
  }
  // Like Go's crypto/x509: PrintableString when the value allows it (C and serialNumber require it), else UTF8String.
  if (PRINTABLE_STRING.test(attr.value)) return stringValue(asn1.Type.PRINTABLESTRING, Buffer.from(attr.value, 'latin1'));
  return stringValue(asn1.Type.UTF8, Buffer.from(attr.value, 'utf8'));
}

/**
 * Builds a forge `Name` node from attributes in DER order (one RDN each unless `joinedWithPrevious`).
 * Inside a multi-valued RDN the attributes are sorted as DER requires for SET OF.
 */
export function nameNodeFromAttributes(attrs: readonly DnAttribute[]): Asn1 {
  const rdns: Asn1[][] = [];
  attrs.forEach((attr, index) => {
    const oid = attributeTypeOid(attr.type);
    if (oid === undefined) throw new KymaCertError('parse', `unknown attribute type "${attr.type}" in subject`);
    const atv = sequence([oidNode(oid), encodeValue(attr, OID_TO_SHORT_NAME[oid] ?? oid)]);
    const current = rdns[rdns.length - 1];
    if (attr.joinedWithPrevious && index > 0 && current) current.push(atv);
    else rdns.push([atv]);
  });
  // DER: the members of a SET OF are sorted by their encodings (matters only for multi-valued RDNs).
  const sorted = (members: Asn1[]): Asn1[] =>
    members.length < 2
      ? members
      : members
          .map((m) => ({ m, der: forgeToDer(m) }))
          .sort((a, b) => Buffer.compare(a.der, b.der))
          .map((k) => k.m);
  return sequence(rdns.map((members) => set(sorted(members))));
}

/** DER of a `Name` built from attributes in DER order. */
export function nameDerFromAttributes(attrs: readonly DnAttribute[]): Buffer {
  return forgeToDer(nameNodeFromAttributes(attrs));
}

// ---------------------------------------------------------------------------------------------
// Text forms

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE_ANYWHERE = /["+,;<>\\\x00-\x1f\x7f]/;
const NEEDS_ESCAPE_AT_ENDS = /^[ #]| $/;

/** Escapes one attribute value per RFC 4514 §2.4 (control characters as `\XX` so the result is one line). */
export function escapeRfc4514Value(value: string): string {
  if (!NEEDS_ESCAPE_ANYWHERE.test(value) && !NEEDS_ESCAPE_AT_ENDS.test(value)) return value; // the common case
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const code = c.charCodeAt(0);
    if ('"+,;<>\\'.includes(c)) out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else if ((i === 0 && (c === ' ' || c === '#')) || (i === value.length - 1 && c === ' ')) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** Groups attributes (DER order) into RDNs. */
function rdnsOf(attrs: readonly DnAttribute[]): DnAttribute[][] {
  const rdns: DnAttribute[][] = [];
  for (const attr of attrs) {
    const current = rdns[rdns.length - 1];
    if (attr.joinedWithPrevious && current) current.push(attr);
    else rdns.push([attr]);
  }
  return rdns;
}

/**
 * RFC 4514 string: attributes in reverse DER order (most specific first), `,` between RDNs, `+` inside a
 * multi-valued RDN. Like OpenSSL, the whole attribute list is reversed (also inside a multi-valued RDN, where
 * RFC 4514 leaves the order open), so the result matches `openssl … -nameopt RFC2253` for ASCII values.
 */
export function formatRfc4514(attrs: readonly DnAttribute[]): string {
  return rdnsOf(attrs)
    .reverse()
    .map((rdn) =>
      [...rdn]
        .reverse()
        .map((a) => `${a.type}=${a.valueIsHexDer ? a.value : escapeRfc4514Value(a.value)}`)
        .join('+'),
    )
    .join(',');
}

const CONNECTOR_ORDER = ['O', 'OU', 'L', 'ST', 'C', 'CN'] as const;

/**
 * The Connector Service's subject string (`O=…,OU=…,L=…,ST=…,C=…,CN=…`): those types in that order (all values
 * of each, in DER order), then any other attributes in DER order.
 */
export function formatConnectorSubject(attrs: readonly DnAttribute[]): string {
  const ordered: DnAttribute[] = [];
  for (const type of CONNECTOR_ORDER) ordered.push(...attrs.filter((a) => a.type === type));
  ordered.push(...attrs.filter((a) => !(CONNECTOR_ORDER as readonly string[]).includes(a.type)));
  return ordered.map((a) => `${a.type}=${a.valueIsHexDer ? a.value : escapeRfc4514Value(a.value)}`).join(',');
}

/** Splits on unescaped `sep`; backslash escapes are kept for the later unescape. */
function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      current += c + text[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function unescapeValue(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      const hex = value.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
      bytes.push(...Buffer.from(value[i + 1], 'utf8'));
      i++;
      continue;
    }
    bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Parses the service's subject string (`O=Organization,OU=OrgUnit,…,CN=my-app`) into attributes in the given order:
 * split on `,`, then on the first `=` — the server's own rule — with RFC 4514 backslash escapes honoured.
 * Attribute types are normalised (`cn` → `CN`). Throws `parse` for a part without `=` or an unknown type.
 */
export function parseConnectorSubject(text: string): DnAttribute[] {
  const attrs: DnAttribute[] = [];
  for (const part of splitUnescaped(text.trim(), ',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new KymaCertError('parse', `subject part "${part.trim()}" is not TYPE=value`);
    const type = normalizeAttributeType(part.slice(0, eq));
    if (type === undefined) {
      throw new KymaCertError('parse', `unknown attribute type "${part.slice(0, eq).trim()}" in subject`);
    }
    attrs.push({ type, value: unescapeValue(part.slice(eq + 1).trim()) });
  }
  return attrs;
}

/** First value of an attribute type, if any. */
export function firstValue(attrs: readonly DnAttribute[], type: string): string | undefined {
  return attrs.find((a) => a.type === type)?.value;
}

const CHECKED: ReadonlyArray<{ type: string; name: string }> = [
  { type: 'CN', name: 'common name' },
  { type: 'C', name: 'country' },
  { type: 'O', name: 'organization' },
  { type: 'OU', name: 'organizational unit' },
  { type: 'L', name: 'locality' },
  { type: 'ST', name: 'province' },
];

/**
 * The service's CSR subject check: the first failure as the service words it
 * (`CSR: Invalid common name provided.`, `CSR: No country provided.`, …), or undefined when `actual` satisfies
 * `expected`. Only types present in `expected` are checked; order and extra attributes do not matter.
 */
export function subjectMismatch(expected: readonly DnAttribute[], actual: readonly DnAttribute[]): string | undefined {
  for (const { type, name } of CHECKED) {
    const want = firstValue(expected, type);
    if (want === undefined) continue;
    const got = firstValue(actual, type);
    if (type === 'CN') {
      if (got !== want) return 'CSR: Invalid common name provided.';
      continue;
    }
    if (got === undefined) return `CSR: No ${name} provided.`;
    if (got !== want) return `CSR: Invalid ${name} provided.`;
  }
  return undefined;
}

/** True when `actual` passes the service's subject rule against `expected` (CN exact, first C/O/OU/L/ST equal). */
export function subjectSatisfies(expected: readonly DnAttribute[], actual: readonly DnAttribute[]): boolean {
  return subjectMismatch(expected, actual) === undefined;
}

/** True when two names have the same attributes, types, values and RDN grouping in the same order. */
export function sameName(a: readonly DnAttribute[], b: readonly DnAttribute[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.type === b[i].type && x.value === b[i].value && Boolean(x.joinedWithPrevious) === Boolean(b[i].joinedWithPrevious))
  );
}

/** OpenSSL `-subj` form in DER order: `/O=…/CN=…` (`+` joins a multi-valued RDN; `/`, `+`, `\` escaped). */
export function toOpensslSubj(attrs: readonly DnAttribute[]): string {
  return attrs.map((a, i) => `${a.joinedWithPrevious && i > 0 ? '+' : '/'}${a.type}=${a.value.replace(/[\\/+]/g, (c) => `\\${c}`)}`).join('');
}
