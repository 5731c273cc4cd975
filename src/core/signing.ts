/**
 * Signature algorithms for the structures core builds (CSRs, certificates) and checks (CSR signatures):
 * the AlgorithmIdentifier to write, and the node:crypto call that signs or verifies.
 */
import { KeyObject, sign, verify } from 'node:crypto';
import { Asn1, nullValue, oid, sequence } from './der';
import { KymaCertError } from './errors';

/** Digests for RSA and ECDSA signatures (Ed25519/Ed448 have their own). */
export type SignatureHash = 'sha1' | 'sha256' | 'sha384' | 'sha512';

export interface SignatureAlgorithm {
  /** Dotted OID of the AlgorithmIdentifier. */
  oid: string;
  /** Digest for node:crypto sign/verify; null for Ed25519/Ed448 (the digest is part of the scheme). */
  hash: SignatureHash | null;
  /** The key type (node's asymmetricKeyType) that makes and checks these signatures. */
  keyType: 'rsa' | 'ec' | 'ed25519' | 'ed448';
}

/** Every algorithm we sign with or verify (what OpenSSL, Go and our own builder produce). */
const ALGORITHMS: readonly SignatureAlgorithm[] = [
  { oid: '1.2.840.113549.1.1.5', hash: 'sha1', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.11', hash: 'sha256', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.12', hash: 'sha384', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.13', hash: 'sha512', keyType: 'rsa' },
  { oid: '1.2.840.10045.4.1', hash: 'sha1', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.2', hash: 'sha256', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.3', hash: 'sha384', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.4', hash: 'sha512', keyType: 'ec' },
  { oid: '1.3.101.112', hash: null, keyType: 'ed25519' },
  { oid: '1.3.101.113', hash: null, keyType: 'ed448' },
];

/** The algorithm an AlgorithmIdentifier OID names, if we know it. */
export function signatureAlgorithmByOid(oid: string): SignatureAlgorithm | undefined {
  return ALGORITHMS.find((a) => a.oid === oid);
}

/**
 * The algorithm a private key signs with: RSA → sha<N>WithRSAEncryption, EC → ecdsa-with-SHA<N> (`hash`,
 * default SHA-256), Ed25519 → Ed25519. Other key types → `unsupported`.
 */
export function signatureAlgorithmFor(key: KeyObject, hash: SignatureHash = 'sha256'): SignatureAlgorithm {
  const keyType = key.asymmetricKeyType;
  const alg = ALGORITHMS.find((a) => a.keyType === keyType && keyType !== 'ed448' && (a.hash === null || a.hash === hash));
  if (!alg) {
    throw new KymaCertError('unsupported', `cannot sign with a ${keyType ?? 'unknown'} key`, 'Use an RSA (2048 bits or more) or EC P-256/P-384 key.');
  }
  return alg;
}

/** The AlgorithmIdentifier node: RSA identifiers carry an explicit NULL parameter, ECDSA/EdDSA ones none. */
export function algorithmIdentifierNode(alg: SignatureAlgorithm): Asn1 {
  return sequence(alg.keyType === 'rsa' ? [oid(alg.oid), nullValue()] : [oid(alg.oid)]);
}

/** Signs `data` with a private key using `alg` (ECDSA signatures come out DER-encoded, as X.509 wants). */
export function signWith(alg: SignatureAlgorithm, data: Buffer, key: KeyObject): Buffer {
  if (key.type !== 'private') throw new KymaCertError('parse', 'a private key is needed to sign');
  return sign(alg.hash, data, key);
}

/** Verifies a signature; false (never a throw) for unknown algorithms or malformed signatures. */
export function verifySignature(algorithmOid: string, data: Buffer, publicKey: KeyObject, signature: Buffer): boolean {
  const alg = signatureAlgorithmByOid(algorithmOid);
  // The algorithm must fit the key: node would otherwise verify an "ECDSA" signature as RSA.
  if (!alg || alg.keyType !== publicKey.asymmetricKeyType) return false;
  try {
    return verify(alg.hash, data, publicKey, signature);
  } catch {
    return false;
  }
}
