/**
 * PKCS#10 certificate signing requests: building one for a subject and key (the client side of renew/issue)
 * and reading one back with its signature checked (the emulator's server side, and our own self-checks).
 *
 * Structure is built with forge.asn1; signing uses node:crypto (native: RSA-2048 signing measured ~60× faster than
 * forge's, and forge cannot sign with EC keys), so any key node can load works.
 */
import { KeyObject, createPublicKey } from 'node:crypto';
import forge from 'node-forge';
import { KymaCertError } from './errors';
import { DnAttribute, attributesFromNameDer, nameNodeFromAttributes } from './dn';
import { TAG_BIT_STRING, TAG_SEQUENCE, derToForge, forgeToDer, readChildren, readTlv, tlvBytes, tlvOid, toPem } from './der';
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
  const { create, Class, Type } = forge.asn1;
  const info = create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    create(Class.UNIVERSAL, Type.INTEGER, false, '\x00'), // version 0 (v1)
    nameNodeFromAttributes(subject),
    derToForge(spkiDer(key)),
    create(Class.CONTEXT_SPECIFIC, 0, true, []), // attributes: none
  ]);
  const infoDer = forgeToDer(info);
  const signature = signWith(alg, infoDer, key);
  const request = create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    info,
    algorithmIdentifierNode(alg),
    create(Class.UNIVERSAL, Type.BITSTRING, false, `\x00${signature.toString('binary')}`),
  ]);
  return toPem('CERTIFICATE REQUEST', forgeToDer(request));
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
  const bad = (what: string): never => {
    throw new KymaCertError('parse', `certificate signing request is malformed: ${what}`);
  };
  const outer = readTlv(der);
  const top = outer && outer.tag === TAG_SEQUENCE && outer.end === der.length ? readChildren(der, outer) : undefined;
  if (!top || top.length !== 3) return bad('not a SEQUENCE of info, algorithm, signature');
  const [infoTlv, algTlv, sigTlv] = top;
  if (infoTlv.tag !== TAG_SEQUENCE || algTlv.tag !== TAG_SEQUENCE || sigTlv.tag !== TAG_BIT_STRING) {
    return bad('unexpected element types');
  }
  const info = readChildren(der, infoTlv);
  if (!info || info.length < 3 || info[1].tag !== TAG_SEQUENCE || info[2].tag !== TAG_SEQUENCE) {
    return bad('request info');
  }
  const subject = attributesFromNameDer(tlvBytes(der, info[1]));
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: tlvBytes(der, info[2]), format: 'der', type: 'spki' });
  } catch (e) {
    throw new KymaCertError('parse', 'certificate signing request has an unreadable public key', undefined, { cause: e });
  }
  const algParts = readChildren(der, algTlv);
  const signatureAlgorithm = algParts && algParts.length > 0 ? tlvOid(der, algParts[0]) : undefined;
  if (!signatureAlgorithm) return bad('signature algorithm');
  if (sigTlv.end - sigTlv.contentStart < 2 || der[sigTlv.contentStart] !== 0) return bad('signature bit string');
  const signature = der.subarray(sigTlv.contentStart + 1, sigTlv.end);
  const signatureValid = verifySignature(signatureAlgorithm, tlvBytes(der, infoTlv), publicKey, signature);
  return { subject, publicKey, signatureValid, signatureAlgorithm, der };
}
