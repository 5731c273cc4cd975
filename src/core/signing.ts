/**
 * Signature algorithms for the structures core builds (CSRs, certificates) and checks (CSR signatures):
 * the AlgorithmIdentifier to write, and the node:crypto call that signs or verifies.
 */
import { KeyObject, sign, verify } from 'node:crypto';
import forge from 'node-forge';
import { KymaCertError } from './errors';

export interface SignatureAlgorithm {
  /** Dotted OID of the AlgorithmIdentifier. */
  oid: string;
  /** Digest for node:crypto sign/verify; null for Ed25519/Ed448 (the digest is part of the scheme). */
  hash: string | null;
  /** RSA algorithm identifiers carry an explicit NULL parameter, ECDSA/EdDSA ones carry none. */
  nullParams: boolean;
}

const SHA256_WITH_RSA: SignatureAlgorithm = { oid: '1.2.840.113549.1.1.11', hash: 'sha256', nullParams: true };
const ECDSA_WITH_SHA256: SignatureAlgorithm = { oid: '1.2.840.10045.4.3.2', hash: 'sha256', nullParams: false };
const ED25519: SignatureAlgorithm = { oid: '1.3.101.112', hash: null, nullParams: false };

/** Every algorithm we accept when verifying (what OpenSSL, Go and our own builder produce). */
const VERIFIABLE: ReadonlyMap<string, { hash: string | null; keyType: string }> = new Map([
  ['1.2.840.113549.1.1.5', { hash: 'sha1', keyType: 'rsa' }],
  ['1.2.840.113549.1.1.11', { hash: 'sha256', keyType: 'rsa' }],
  ['1.2.840.113549.1.1.12', { hash: 'sha384', keyType: 'rsa' }],
  ['1.2.840.113549.1.1.13', { hash: 'sha512', keyType: 'rsa' }],
  ['1.2.840.10045.4.1', { hash: 'sha1', keyType: 'ec' }],
  ['1.2.840.10045.4.3.2', { hash: 'sha256', keyType: 'ec' }],
  ['1.2.840.10045.4.3.3', { hash: 'sha384', keyType: 'ec' }],
  ['1.2.840.10045.4.3.4', { hash: 'sha512', keyType: 'ec' }],
  ['1.3.101.112', { hash: null, keyType: 'ed25519' }],
  ['1.3.101.113', { hash: null, keyType: 'ed448' }],
]);

/** The SHA-256 signature algorithm for a private key: RSA → sha256WithRSAEncryption, EC → ecdsa-with-SHA256, Ed25519. */
export function signatureAlgorithmFor(key: KeyObject): SignatureAlgorithm {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return SHA256_WITH_RSA;
    case 'ec':
      return ECDSA_WITH_SHA256;
    case 'ed25519':
      return ED25519;
    default:
      throw new KymaCertError(
        'unsupported',
        `cannot sign with a ${key.asymmetricKeyType ?? 'unknown'} key`,
        'Use an RSA (2048 bits or more) or EC P-256/P-384 key.',
      );
  }
}

/** The AlgorithmIdentifier node for an algorithm. */
export function algorithmIdentifierNode(alg: SignatureAlgorithm): forge.asn1.Asn1 {
  const { create, Class, Type, oidToDer } = forge.asn1;
  const parts = [create(Class.UNIVERSAL, Type.OID, false, oidToDer(alg.oid).getBytes())];
  if (alg.nullParams) parts.push(create(Class.UNIVERSAL, Type.NULL, false, ''));
  return create(Class.UNIVERSAL, Type.SEQUENCE, true, parts);
}

/** Signs `data` with a private key using `alg` (ECDSA signatures come out DER-encoded, as X.509 wants). */
export function signWith(alg: SignatureAlgorithm, data: Buffer, key: KeyObject): Buffer {
  if (key.type !== 'private') throw new KymaCertError('parse', 'a private key is needed to sign');
  return sign(alg.hash, data, key);
}

/** Verifies a signature; false (never a throw) for unknown algorithms or malformed signatures. */
export function verifySignature(algorithmOid: string, data: Buffer, publicKey: KeyObject, signature: Buffer): boolean {
  const alg = VERIFIABLE.get(algorithmOid);
  // The algorithm must fit the key: node would otherwise verify an "ECDSA" signature as RSA.
  if (!alg || alg.keyType !== publicKey.asymmetricKeyType) return false;
  try {
    return verify(alg.hash, data, publicKey, signature);
  } catch {
    return false;
  }
}
