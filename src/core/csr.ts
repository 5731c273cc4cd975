/**
 * PKCS#10 certificate signing requests: building one for a subject and key (the client side of renew/issue)
 * and reading one back with its signature checked (the emulator's server side, and our own self-checks).
 *
 * Structure is built with forge.asn1; signing uses node:crypto (native: RSA-2048 signing measured ~60× faster than
 * forge's, and forge cannot sign with EC keys), so any key node can load works.
 */
import { KeyObject, createPublicKey } from 'node:crypto';
import { bitString, bitStringBytes, childrenOf, contextConstructed, exactDerTree, forgeFromDer, forgeToDer, integer, oidOf, sequence, toPem } from './der';
import { KymaCertError } from './errors';
import { DnAttribute, attributesFromNameDer, nameNodeFromAttributes } from './dn';
import { spkiDer } from './keys';
import { parseCryptoFile } from './pem';
import { algorithmIdentifierNode, signWith, signatureAlgorithmFor, verifySignature } from './signing';

/**
 * A PEM `CERTIFICATE REQUEST` for `subject` (attributes in the given order = DER order; one RDN each unless
 * `joinedWithPrevious`) and the private `key`, signed with SHA-256 (sha256WithRSAEncryption, ecdsa-with-SHA256;
 * Ed25519 keys sign with Ed25519). No attributes or extensions: the service ignores them.
 * Throws `parse` for an unknown attribute type or a public key, `unsupported` for key types that cannot sign.
 */
export function createCsr(subject: readonly DnAttribute[], key: KeyObject): string {
  if (key.type !== 'private') throw new KymaCertError('parse', 'a CSR needs the private key, not a public key');
  const alg = signatureAlgorithmFor(key);
  const info = sequence([
    integer(Buffer.from([0])), // version 0 (v1)
    nameNodeFromAttributes(subject),
    forgeFromDer(spkiDer(key), 'public key'),
    contextConstructed(0, []), // attributes: none
  ]);
  const signature = signWith(alg, forgeToDer(info), key);
  return toPem('CERTIFICATE REQUEST', forgeToDer(sequence([info, algorithmIdentifierNode(alg), bitString(signature)])));
}

/** The parts of a DER CertificationRequest (RFC 2986), each as its exact original bytes. */
export interface CsrStructure {
  /** CertificationRequestInfo: the signed bytes. */
  info: Buffer;
  /** The subject Name. */
  subjectName: Buffer;
  /** SubjectPublicKeyInfo. */
  spki: Buffer;
  /** Dotted OID of the signature algorithm. */
  signatureAlgorithm: string;
  signature: Buffer;
}

/**
 * Splits a DER CSR into its parts (exact bytes: see exactDerTree). Throws `parse`, with what is wrong in the
 * message, for anything that is not DER of the shape SEQUENCE { info SEQUENCE { version, subject, spki, … },
 * algorithm SEQUENCE { OID, … }, signature BIT STRING }.
 */
export function readCsrStructure(der: Buffer): CsrStructure {
  const what = 'certificate signing request';
  const top = childrenOf(exactDerTree(der, what), what);
  if (top.length !== 3) throw new KymaCertError('parse', `${what} is malformed: not a SEQUENCE of info, algorithm, signature`);
  const [infoNode, algorithmNode, signatureNode] = top;
  const info = childrenOf(infoNode, `${what} info`);
  if (info.length < 3) throw new KymaCertError('parse', `${what} info is malformed`);
  const [, subjectNode, spkiNode] = info;
  childrenOf(subjectNode, `${what} subject`);
  childrenOf(spkiNode, `${what} public key`);
  const algorithm = childrenOf(algorithmNode, `${what} signature algorithm`);
  return {
    info: forgeToDer(infoNode),
    subjectName: forgeToDer(subjectNode),
    spki: forgeToDer(spkiNode),
    signatureAlgorithm: oidOf(algorithm[0], `${what} signature algorithm`),
    signature: bitStringBytes(signatureNode, `${what} signature`),
  };
}

/** True when `publicKey` verifies the CSR's signature over its info with the algorithm the CSR names. */
export function csrSignatureValid(csr: CsrStructure, publicKey: KeyObject): boolean {
  return verifySignature(csr.signatureAlgorithm, csr.info, publicKey, csr.signature);
}

export interface ParsedCsr {
  /** Subject attributes in DER order. */
  subject: DnAttribute[];
  publicKey: KeyObject;
  /** True when the CSR's own public key verifies its signature with the algorithm it names. */
  signatureValid: boolean;
  /** Dotted OID of the signature algorithm (e.g. 1.2.840.113549.1.1.11 for sha256WithRSAEncryption). */
  signatureAlgorithm: string;
  der: Buffer;
}

/**
 * Reads a CSR (PEM `CERTIFICATE REQUEST` / `NEW CERTIFICATE REQUEST`, or DER) and checks its signature.
 * Anything that is not a well-formed CSR → `parse` (a bad signature is not an error: see `signatureValid`).
 */
export function parseCsr(input: string | Buffer): ParsedCsr {
  const block = parseCryptoFile(input).blocks.find((b) => b.kind === 'csr');
  if (!block) throw new KymaCertError('parse', 'no certificate signing request found');
  const der = block.der;
  const csr = readCsrStructure(der);
  const subject = attributesFromNameDer(csr.subjectName);
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: csr.spki, format: 'der', type: 'spki' });
  } catch (e) {
    throw new KymaCertError('parse', 'certificate signing request has an unreadable public key', undefined, { cause: e });
  }
  return { subject, publicKey, signatureValid: csrSignatureValid(csr, publicKey), signatureAlgorithm: csr.signatureAlgorithm, der };
}
