/**
 * Builds and signs X.509 v3 certificates: the emulator's CA issuing client certificates from CSRs, and the
 * test fixtures. Structure with forge.asn1, keys and signatures with node:crypto, so RSA, EC and Ed25519 keys
 * all work (forge's own certificate code handles RSA only).
 */
import { KeyObject, createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';
import { KymaCertError } from './errors';
import { DnAttribute, nameNodeFromAttributes } from './dn';
import { TAG_BIT_STRING, TAG_SEQUENCE, derToForge, forgeToDer, readChildren, readTlv, toPem } from './der';
import { spkiDer } from './keys';
import { algorithmIdentifierNode, signWith, signatureAlgorithmFor } from './signing';

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';

const KEY_USAGE_BITS: Readonly<Record<KeyUsageName, number>> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
};

const EXT_KEY_USAGE_OIDS = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2' } as const;
export type ExtKeyUsageName = keyof typeof EXT_KEY_USAGE_OIDS;

export interface CertificateSpec {
  /** Subject attributes in DER order. */
  subject: readonly DnAttribute[];
  /** Issuer attributes in DER order; defaults to `subject` (self-signed). */
  issuer?: readonly DnAttribute[];
  /** The certified key (public or private; only its public half is used). */
  publicKey: KeyObject;
  /** The issuer's private key (the certified key itself for a self-signed certificate). */
  signingKey: KeyObject;
  /** The issuer's public key, for the authority key identifier; derived from `signingKey` when omitted. */
  issuerPublicKey?: KeyObject;
  /** Positive serial number as hex; 16 random bytes when omitted. */
  serialNumberHex?: string;
  notBefore: Date;
  notAfter: Date;
  /** Adds basicConstraints cA=TRUE (critical). Default false (basicConstraints cA=FALSE). */
  isCA?: boolean;
  /** Default: CA → keyCertSign, cRLSign; otherwise digitalSignature. Empty array → no keyUsage extension. */
  keyUsage?: readonly KeyUsageName[];
  /** Extended key usage; omitted when empty (default). */
  extKeyUsage?: readonly ExtKeyUsageName[];
  /** DNS names and IP addresses for subjectAltName (`localhost`, `127.0.0.1`, `::1`). */
  subjectAltNames?: readonly string[];
}

const { create, Class, Type } = forge.asn1;

function oidNode(oid: string): forge.asn1.Asn1 {
  return create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(oid).getBytes());
}

function timeNode(date: Date): forge.asn1.Asn1 {
  const year = date.getUTCFullYear();
  // RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
  return year >= 1950 && year < 2050
    ? create(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(date))
    : create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, forge.asn1.dateToGeneralizedTime(date));
}

function extension(oid: string, critical: boolean, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  const parts = [oidNode(oid)];
  if (critical) parts.push(create(Class.UNIVERSAL, Type.BOOLEAN, false, '\xff'));
  parts.push(create(Class.UNIVERSAL, Type.OCTETSTRING, false, forge.asn1.toDer(value).getBytes()));
  return create(Class.UNIVERSAL, Type.SEQUENCE, true, parts);
}

/** SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1), as Go and OpenSSL compute key identifiers. */
export function keyIdentifier(key: KeyObject): Buffer {
  const spki = spkiDer(key);
  const outer = readTlv(spki);
  const parts = outer && outer.tag === TAG_SEQUENCE ? readChildren(spki, outer) : undefined;
  const bits = parts?.[1];
  if (!bits || bits.tag !== TAG_BIT_STRING) throw new KymaCertError('parse', 'public key structure is malformed');
  return createHash('sha1').update(spki.subarray(bits.contentStart + 1, bits.end)).digest();
}

function keyUsageNode(usages: readonly KeyUsageName[]): forge.asn1.Asn1 {
  const bits = usages.map((u) => KEY_USAGE_BITS[u]);
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  const unused = bytes.length * 8 - (highest + 1); // DER: trailing zero bits are not encoded
  return create(Class.UNIVERSAL, Type.BITSTRING, false, String.fromCharCode(unused) + bytes.toString('binary'));
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  // IPv6: expand "::" and write 8 big-endian groups
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : new Array(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function subjectAltNameNode(names: readonly string[]): forge.asn1.Asn1 {
  return create(
    Class.UNIVERSAL,
    Type.SEQUENCE,
    true,
    names.map((n) =>
      isIP(n) ? create(Class.CONTEXT_SPECIFIC, 7, false, ipBytes(n).toString('binary')) : create(Class.CONTEXT_SPECIFIC, 2, false, n),
    ),
  );
}

function serialBytes(hex: string | undefined): string {
  let bytes = hex ? Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex') : randomBytes(16);
  if (bytes.length === 0) bytes = Buffer.from([1]);
  if (!hex) bytes[0] &= 0x7f; // random serials: positive and as long as requested
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return bytes.toString('binary');
}

/** Builds and signs a certificate; returns its DER and PEM. */
export function buildCertificate(spec: CertificateSpec): { der: Buffer; pem: string } {
  const isCA = spec.isCA ?? false;
  const alg = signatureAlgorithmFor(spec.signingKey);
  const issuerKey = spec.issuerPublicKey ?? spec.signingKey;
  const usages = spec.keyUsage ?? (isCA ? ['keyCertSign', 'cRLSign'] : ['digitalSignature']);
  const extensions: forge.asn1.Asn1[] = [
    extension(
      '2.5.29.19',
      true,
      create(Class.UNIVERSAL, Type.SEQUENCE, true, isCA ? [create(Class.UNIVERSAL, Type.BOOLEAN, false, '\xff')] : []),
    ),
  ];
  if (usages.length > 0) extensions.push(extension('2.5.29.15', true, keyUsageNode(usages)));
  if (spec.extKeyUsage && spec.extKeyUsage.length > 0) {
    extensions.push(
      extension('2.5.29.37', false, create(Class.UNIVERSAL, Type.SEQUENCE, true, spec.extKeyUsage.map((u) => oidNode(EXT_KEY_USAGE_OIDS[u])))),
    );
  }
  if (spec.subjectAltNames && spec.subjectAltNames.length > 0) {
    extensions.push(extension('2.5.29.17', false, subjectAltNameNode(spec.subjectAltNames)));
  }
  extensions.push(
    extension('2.5.29.14', false, create(Class.UNIVERSAL, Type.OCTETSTRING, false, keyIdentifier(spec.publicKey).toString('binary'))),
    extension(
      '2.5.29.35',
      false,
      create(Class.UNIVERSAL, Type.SEQUENCE, true, [
        create(Class.CONTEXT_SPECIFIC, 0, false, keyIdentifier(issuerKey).toString('binary')),
      ]),
    ),
  );
  const tbs = create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    create(Class.CONTEXT_SPECIFIC, 0, true, [create(Class.UNIVERSAL, Type.INTEGER, false, '\x02')]), // v3
    create(Class.UNIVERSAL, Type.INTEGER, false, serialBytes(spec.serialNumberHex)),
    algorithmIdentifierNode(alg),
    nameNodeFromAttributes(spec.issuer ?? spec.subject),
    create(Class.UNIVERSAL, Type.SEQUENCE, true, [timeNode(spec.notBefore), timeNode(spec.notAfter)]),
    nameNodeFromAttributes(spec.subject),
    derToForge(spkiDer(spec.publicKey)),
    create(Class.CONTEXT_SPECIFIC, 3, true, [create(Class.UNIVERSAL, Type.SEQUENCE, true, extensions)]),
  ]);
  const signature = signWith(alg, forgeToDer(tbs), spec.signingKey);
  const der = forgeToDer(
    create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      tbs,
      algorithmIdentifierNode(alg),
      create(Class.UNIVERSAL, Type.BITSTRING, false, `\x00${signature.toString('binary')}`),
    ]),
  );
  return { der, pem: toPem('CERTIFICATE', der) };
}
