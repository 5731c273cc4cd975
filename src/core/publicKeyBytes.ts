/**
 * Public keys read straight from DER bytes, without OpenSSL: the SubjectPublicKeyInfo inside a certificate and the
 * public half stored in an RSA or EC private key. The index pairs every certificate with its key file, and
 * decoding an RSA key with OpenSSL (~0.4 ms) and exporting both public keys cost more than reading the files.
 *
 * Only the common, well-formed shapes are recognised (RSA with rsaEncryption, EC on a named curve with its public
 * point stored in the key, Ed25519/Ed448 in certificates). Anything else gives `undefined`, and the caller falls
 * back to node:crypto, which stays the judge of every case read here.
 */
import { readChildren, readTlv, TAG_BIT_STRING, TAG_CONTEXT_0_CONSTRUCTED, TAG_INTEGER, TAG_OCTET_STRING, TAG_SEQUENCE, type Tlv } from './der';
import type { KeyFormat } from './pem';

const TAG_OID = 0x06;
const TAG_NULL = 0x05;
const TAG_CONTEXT_1_CONSTRUCTED = 0xa1;

/** OID content bytes (the DER value, without tag and length). */
const OID = {
  rsaEncryption: Buffer.from('2a864886f70d010101', 'hex'), // 1.2.840.113549.1.1.1
  ecPublicKey: Buffer.from('2a8648ce3d0201', 'hex'), // 1.2.840.10045.2.1
  ed25519: Buffer.from('2b6570', 'hex'), // 1.3.101.112
  ed448: Buffer.from('2b6571', 'hex'), // 1.3.101.113
};

/** The named curves describeKey knows, by OID content bytes (hex). */
const CURVES: Readonly<Record<string, { name: string; bits: number }>> = {
  '2a8648ce3d030107': { name: 'P-256', bits: 256 }, // prime256v1
  '2b81040022': { name: 'P-384', bits: 384 }, // secp384r1
  '2b81040023': { name: 'P-521', bits: 521 }, // secp521r1
  '2b8104000a': { name: 'secp256k1', bits: 256 },
};

/** A public key as its defining bytes: RSA modulus and exponent, or EC curve and point. */
export type PublicKeyBytes = { type: 'rsa'; modulus: Buffer; exponent: Buffer } | { type: 'ec'; curveOid: Buffer; point: Buffer };

/** What describeKey reports, derived from the bytes (same values as node's asymmetricKeyDetails). */
export interface PublicKeySummary {
  type: string;
  bits?: number;
  curve?: string;
}

const content = (der: Buffer, tlv: Tlv): Buffer => der.subarray(tlv.contentStart, tlv.end);

function children(der: Buffer, tlv: Tlv | undefined, tag = TAG_SEQUENCE): Tlv[] | undefined {
  return tlv && tlv.tag === tag ? readChildren(der, tlv) : undefined;
}

/** The one element filling `der` exactly, or undefined. */
function whole(der: Buffer): Tlv | undefined {
  const tlv = readTlv(der);
  return tlv && tlv.end === der.length ? tlv : undefined;
}

/** A positive INTEGER in minimal (DER) form: its content bytes; undefined otherwise. */
function positiveInteger(der: Buffer, tlv: Tlv | undefined): Buffer | undefined {
  if (!tlv || tlv.tag !== TAG_INTEGER) return undefined;
  const bytes = content(der, tlv);
  if (bytes.length === 0 || bytes[0] & 0x80) return undefined;
  if (bytes.length > 1 && bytes[0] === 0 && !(bytes[1] & 0x80)) return undefined; // not minimal
  if (bytes.length === 1 && bytes[0] === 0) return undefined;
  return bytes;
}

function isSmallInteger(der: Buffer, tlv: Tlv | undefined, value: number): boolean {
  return !!tlv && tlv.tag === TAG_INTEGER && tlv.end - tlv.contentStart === 1 && der[tlv.contentStart] === value;
}

function oidIs(der: Buffer, tlv: Tlv | undefined, oid: Buffer): boolean {
  return !!tlv && tlv.tag === TAG_OID && content(der, tlv).equals(oid);
}

/** The content of a BIT STRING without unused bits (the bits themselves), or undefined. */
function bitStringBits(der: Buffer, tlv: Tlv | undefined): Buffer | undefined {
  if (!tlv || tlv.tag !== TAG_BIT_STRING || tlv.end - tlv.contentStart < 2 || der[tlv.contentStart] !== 0) return undefined;
  return der.subarray(tlv.contentStart + 1, tlv.end);
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
function rsaPublicKey(der: Buffer): PublicKeyBytes | undefined {
  const outer = whole(der);
  const fields = children(der, outer);
  if (!fields || fields.length !== 2) return undefined;
  const modulus = positiveInteger(der, fields[0]);
  const exponent = positiveInteger(der, fields[1]);
  return modulus && exponent ? { type: 'rsa', modulus, exponent } : undefined;
}

/** The SubjectPublicKeyInfo element of a certificate's DER (its exact bytes), or undefined if the DER is odd. */
export function certificateSpki(certDer: Buffer): Buffer | undefined {
  const certificate = readTlv(certDer);
  const tbs = children(certDer, certificate)?.[0];
  const fields = children(certDer, tbs);
  if (!fields) return undefined;
  // TBSCertificate: [0] version (optional), serial, signature, issuer, validity, subject, subjectPublicKeyInfo, …
  const spki = fields[(fields[0]?.tag === TAG_CONTEXT_0_CONSTRUCTED ? 1 : 0) + 5];
  return spki && spki.tag === TAG_SEQUENCE ? certDer.subarray(spki.start, spki.end) : undefined;
}

interface SpkiParts {
  algorithm: Tlv;
  parameters?: Tlv;
  key: Buffer;
}

function spkiParts(spki: Buffer): SpkiParts | undefined {
  const fields = children(spki, whole(spki));
  if (!fields || fields.length !== 2) return undefined;
  const algorithm = children(spki, fields[0]);
  const key = bitStringBits(spki, fields[1]);
  if (!algorithm || algorithm.length < 1 || algorithm.length > 2 || !key) return undefined;
  return { algorithm: algorithm[0], parameters: algorithm[1], key };
}

/** RSA (rsaEncryption, NULL parameters) or EC (named curve) public key of an SPKI; undefined for anything else. */
export function publicKeyOfSpki(spki: Buffer, parts = spkiParts(spki)): PublicKeyBytes | undefined {
  if (!parts) return undefined;
  if (oidIs(spki, parts.algorithm, OID.rsaEncryption)) {
    const nullParameters = parts.parameters?.tag === TAG_NULL && parts.parameters.end === parts.parameters.contentStart;
    return nullParameters ? rsaPublicKey(parts.key) : undefined;
  }
  if (oidIs(spki, parts.algorithm, OID.ecPublicKey) && parts.parameters?.tag === TAG_OID) {
    return { type: 'ec', curveOid: content(spki, parts.parameters), point: parts.key };
  }
  return undefined;
}

/**
 * describeKey's answer for a certificate's key, from its SPKI: RSA modulus bits, the named curves it knows,
 * Ed25519/Ed448. Undefined for anything else (RSA-PSS, DSA, other curves): ask node then.
 */
export function summaryOfSpki(spki: Buffer): PublicKeySummary | undefined {
  const parts = spkiParts(spki);
  if (!parts) return undefined;
  if (oidIs(spki, parts.algorithm, OID.ed25519) && !parts.parameters) return { type: 'ed25519' };
  if (oidIs(spki, parts.algorithm, OID.ed448) && !parts.parameters) return { type: 'ed448' };
  const key = publicKeyOfSpki(spki, parts);
  if (key?.type === 'rsa') {
    const modulus = key.modulus[0] === 0 ? key.modulus.subarray(1) : key.modulus;
    return { type: 'rsa', bits: (modulus.length - 1) * 8 + (32 - Math.clz32(modulus[0])) };
  }
  const curve = key?.type === 'ec' ? CURVES[key.curveOid.toString('hex')] : undefined;
  return curve ? { type: 'ec', bits: curve.bits, curve: curve.name } : undefined;
}

/**
 * RSAPrivateKey ::= SEQUENCE { version 0, modulus, publicExponent, privateExponent, prime1, prime2, exponent1,
 * exponent2, coefficient } (two-prime keys only: every field present and positive).
 */
function rsaPrivateKey(der: Buffer): PublicKeyBytes | undefined {
  const fields = children(der, whole(der));
  if (!fields || fields.length !== 9 || !isSmallInteger(der, fields[0], 0)) return undefined;
  if (!fields.slice(3).every((f) => positiveInteger(der, f))) return undefined;
  return rsaPublicKeyFrom(positiveInteger(der, fields[1]), positiveInteger(der, fields[2]));
}

function rsaPublicKeyFrom(modulus: Buffer | undefined, exponent: Buffer | undefined): PublicKeyBytes | undefined {
  return modulus && exponent ? { type: 'rsa', modulus, exponent } : undefined;
}

/**
 * ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, parameters [0] OID OPTIONAL,
 * publicKey [1] BIT STRING OPTIONAL }. Needs the stored public point (OpenSSL always writes it) and a curve, from
 * the key or from PKCS#8's algorithm parameters (`outerCurve`); two curves must agree.
 */
function ecPrivateKey(der: Buffer, outerCurve: Buffer | undefined): PublicKeyBytes | undefined {
  const fields = children(der, whole(der));
  if (!fields || fields.length < 2 || fields.length > 4 || !isSmallInteger(der, fields[0], 1)) return undefined;
  if (fields[1].tag !== TAG_OCTET_STRING || fields[1].end === fields[1].contentStart) return undefined;
  let innerCurve: Buffer | undefined;
  let point: Buffer | undefined;
  let last = TAG_OCTET_STRING;
  for (const field of fields.slice(2)) {
    const inner = children(der, field, field.tag);
    if (!inner || inner.length !== 1 || field.tag <= last) return undefined; // [0] before [1], each at most once
    if (field.tag === TAG_CONTEXT_0_CONSTRUCTED && inner[0].tag === TAG_OID) innerCurve = content(der, inner[0]);
    else if (field.tag === TAG_CONTEXT_1_CONSTRUCTED) point = bitStringBits(der, inner[0]);
    else return undefined;
    last = field.tag;
  }
  const curveOid = innerCurve ?? outerCurve;
  if (!curveOid || !point || (innerCurve && outerCurve && !innerCurve.equals(outerCurve))) return undefined;
  return { type: 'ec', curveOid, point };
}

/**
 * PrivateKeyInfo ::= SEQUENCE { version 0|1, privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING,
 * attributes [0] OPTIONAL, publicKey [1] OPTIONAL } holding an RSA or EC key.
 */
function pkcs8PrivateKey(der: Buffer): PublicKeyBytes | undefined {
  const fields = children(der, whole(der));
  if (!fields || fields.length < 3 || !(isSmallInteger(der, fields[0], 0) || isSmallInteger(der, fields[0], 1))) return undefined;
  const algorithm = children(der, fields[1]);
  if (!algorithm || algorithm.length < 1 || fields[2].tag !== TAG_OCTET_STRING) return undefined;
  const inner = content(der, fields[2]);
  if (oidIs(der, algorithm[0], OID.rsaEncryption)) return rsaPrivateKey(inner);
  if (oidIs(der, algorithm[0], OID.ecPublicKey) && algorithm[1]?.tag === TAG_OID) return ecPrivateKey(inner, content(der, algorithm[1]));
  return undefined;
}

/**
 * The public key stored in an unencrypted private key's DER (the block `pem.ts` found, with its structure), or
 * undefined when it is not a plain two-prime RSA or named-curve EC key with its point (then ask node:crypto).
 * Reads only the public fields' bytes: the secret fields are checked for shape, never copied.
 */
export function publicKeyOfPrivateKey(der: Buffer, format: KeyFormat): PublicKeyBytes | undefined {
  const key = format === 'pkcs1' ? rsaPrivateKey(der) : format === 'sec1' ? ecPrivateKey(der, undefined) : pkcs8PrivateKey(der);
  // Copies into unpooled memory: what a caller caches must not keep the key file's bytes alive.
  if (key?.type === 'rsa') return { type: 'rsa', modulus: copyOf(key.modulus), exponent: copyOf(key.exponent) };
  if (key?.type === 'ec') return { type: 'ec', curveOid: copyOf(key.curveOid), point: copyOf(key.point) };
  return undefined;
}

function copyOf(bytes: Buffer): Buffer {
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** True when both are the same public key (same algorithm and the same defining bytes). */
export function samePublicKey(a: PublicKeyBytes, b: PublicKeyBytes): boolean {
  if (a.type === 'rsa' && b.type === 'rsa') return a.modulus.equals(b.modulus) && a.exponent.equals(b.exponent);
  if (a.type === 'ec' && b.type === 'ec') return a.curveOid.equals(b.curveOid) && a.point.equals(b.point);
  return false;
}
