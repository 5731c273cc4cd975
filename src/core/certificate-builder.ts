/**
 * The one X.509 v3 certificate builder: the emulator's CAs, server certificate and client certificates (issued from
 * CSRs the way the Connector Service issues them), and the test fixtures. Structure with forge.asn1, keys and
 * signatures with node:crypto, so RSA, EC and Ed25519 keys all work (forge's own certificate code handles RSA
 * only, and its JS RSA signs ~60× slower).
 */
import { KeyObject, createHash, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import {
  Asn1,
  bitString,
  bitStringBytes,
  booleanTrue,
  childrenOf,
  contextConstructed,
  contextPrimitive,
  exactDerTree,
  forgeFromDer,
  forgeToDer,
  integer,
  octetString,
  oid,
  sequence,
  time,
  toPem,
} from './der';
import { DnAttribute, nameNodeFromAttributes } from './dn';
import { spkiDer } from './keys';
import { SignatureHash, algorithmIdentifierNode, signWith, signatureAlgorithmFor } from './signing';

export type KeyUsageName = 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement' | 'keyCertSign' | 'cRLSign';

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

const EXTENSION_OIDS = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const;

/** A Name as attributes in DER order, or the DER of a Name to copy verbatim (as the service copies a CSR's). */
export type NameInput = readonly DnAttribute[] | Buffer;

/** A key as a KeyObject (public or private; only the public half is used) or SubjectPublicKeyInfo DER, copied verbatim. */
export type PublicKeyInput = KeyObject | Buffer;

export interface CertificateSpec {
  subject: NameInput;
  /** Defaults to `subject` (self-signed). */
  issuer?: NameInput;
  /** The certified key. */
  publicKey: PublicKeyInput;
  /** The issuer's private key (the certified key itself for a self-signed certificate). */
  signingKey: KeyObject;
  /** The issuer's public key, for the authority key identifier; derived from `signingKey` when omitted. */
  issuerPublicKey?: KeyObject;
  /** Positive serial number as hex; 16 random bytes when omitted. */
  serialNumberHex?: string;
  notBefore: Date;
  notAfter: Date;
  /** basicConstraints cA=TRUE (critical) when true, cA=FALSE otherwise. Default false. */
  isCA?: boolean;
  /** Write basicConstraints at all. Default true; the Connector Service leaves it out of client certificates. */
  basicConstraints?: boolean;
  /** Default: CA → keyCertSign, cRLSign; otherwise digitalSignature. Empty array → no keyUsage extension. */
  keyUsage?: readonly KeyUsageName[];
  /** Extended key usage; omitted when empty (default). */
  extKeyUsage?: readonly ExtKeyUsageName[];
  /** DNS names and IP addresses for subjectAltName (`localhost`, `127.0.0.1`, `::1`). */
  subjectAltNames?: readonly string[];
  /** Write subjectKeyIdentifier (default true). */
  subjectKeyIdentifier?: boolean;
  /** Write authorityKeyIdentifier, the issuer key's identifier (default true). */
  authorityKeyIdentifier?: boolean;
  /** Digest of the RSA/ECDSA signature (default sha256; Ed25519 has its own). */
  signatureHash?: SignatureHash;
}

function spkiOf(key: PublicKeyInput): Buffer {
  return Buffer.isBuffer(key) ? key : spkiDer(key);
}

/**
 * SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1), as Go and OpenSSL compute key identifiers.
 * Throws `parse` for SPKI DER that is not a SubjectPublicKeyInfo.
 */
export function keyIdentifier(key: PublicKeyInput): Buffer {
  const [, subjectPublicKey] = childrenOf(forgeFromDer(spkiOf(key), 'public key'), 'public key');
  return createHash('sha1').update(bitStringBytes(subjectPublicKey, 'public key')).digest();
}

function nameNode(name: NameInput): Asn1 {
  return Buffer.isBuffer(name) ? exactDerTree(name, 'distinguished name') : nameNodeFromAttributes(name);
}

function extension(id: string, critical: boolean, value: Asn1): Asn1 {
  return sequence([oid(id), ...(critical ? [booleanTrue()] : []), octetString(forgeToDer(value))]);
}

/** KeyUsage is a named BIT STRING: bit 0 is the most significant bit of the first byte; trailing zero bits are dropped. */
function keyUsageNode(usages: readonly KeyUsageName[]): Asn1 {
  const bits = usages.map((u) => KEY_USAGE_BITS[u]);
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  return bitString(bytes, bytes.length * 8 - (highest + 1));
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

/** GeneralNames: iPAddress [7] for IP literals, dNSName [2] otherwise. */
function subjectAltNameNode(names: readonly string[]): Asn1 {
  return sequence(names.map((n) => (isIP(n) ? contextPrimitive(7, ipBytes(n)) : contextPrimitive(2, Buffer.from(n, 'latin1')))));
}

function serialBytes(hex: string | undefined): Buffer {
  let bytes = hex ? Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex') : randomBytes(16);
  if (bytes.length === 0) bytes = Buffer.from([1]);
  if (!hex) bytes[0] &= 0x7f; // random serials: positive and as long as requested
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return bytes;
}

/** The extensions in the order Go's crypto/x509 writes them: KU, EKU, BC, SKI, AKI, SAN. */
function extensionsFor(spec: CertificateSpec): Asn1[] {
  const isCA = spec.isCA ?? false;
  const usages = spec.keyUsage ?? (isCA ? ['keyCertSign', 'cRLSign'] : ['digitalSignature']);
  const extensions: Asn1[] = [];
  if (usages.length > 0) extensions.push(extension(EXTENSION_OIDS.keyUsage, true, keyUsageNode(usages)));
  if (spec.extKeyUsage && spec.extKeyUsage.length > 0) {
    const purposes = spec.extKeyUsage.map((u) => oid(EXT_KEY_USAGE_OIDS[u]));
    extensions.push(extension(EXTENSION_OIDS.extKeyUsage, false, sequence(purposes)));
  }
  if (spec.basicConstraints ?? true) {
    extensions.push(extension(EXTENSION_OIDS.basicConstraints, true, sequence(isCA ? [booleanTrue()] : [])));
  }
  if (spec.subjectKeyIdentifier ?? true) {
    extensions.push(extension(EXTENSION_OIDS.subjectKeyIdentifier, false, octetString(keyIdentifier(spec.publicKey))));
  }
  if (spec.authorityKeyIdentifier ?? true) {
    const issuerKeyId = keyIdentifier(spec.issuerPublicKey ?? spec.signingKey);
    extensions.push(extension(EXTENSION_OIDS.authorityKeyIdentifier, false, sequence([contextPrimitive(0, issuerKeyId)])));
  }
  if (spec.subjectAltNames && spec.subjectAltNames.length > 0) {
    extensions.push(extension(EXTENSION_OIDS.subjectAltName, false, subjectAltNameNode(spec.subjectAltNames)));
  }
  return extensions;
}

/** Builds and signs a certificate; returns its DER and PEM. */
export function buildCertificate(spec: CertificateSpec): { der: Buffer; pem: string } {
  const alg = signatureAlgorithmFor(spec.signingKey, spec.signatureHash);
  const tbs = sequence([
    contextConstructed(0, [integer(Buffer.from([2]))]), // version v3
    integer(serialBytes(spec.serialNumberHex)),
    algorithmIdentifierNode(alg),
    nameNode(spec.issuer ?? spec.subject),
    sequence([time(spec.notBefore), time(spec.notAfter)]),
    nameNode(spec.subject),
    exactDerTree(spkiOf(spec.publicKey), 'public key'),
    contextConstructed(3, [sequence(extensionsFor(spec))]),
  ]);
  const signature = signWith(alg, forgeToDer(tbs), spec.signingKey);
  const der = forgeToDer(sequence([tbs, algorithmIdentifierNode(alg), bitString(signature)]));
  return { der, pem: toPem('CERTIFICATE', der) };
}
