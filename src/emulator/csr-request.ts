import { createPublicKey, KeyObject } from 'node:crypto';
import { csrSignatureValid, CsrStructure, readCsrStructure } from '../core/csr';
import { attributesFromNameDer, DnAttribute, subjectMismatch } from '../core/dn';
import { SignatureHash, signatureAlgorithmByOid } from '../core/signing';
import { errorReply, Messages, Reply } from './reply';

/**
 * The request side of SignCSR (signaturehandler.go, certificates.go), step by step in the service's order:
 * JSON → base64 → PEM → CSR → signature → subject. Every failure is the service's own status and message.
 */

/** What the signer needs from a valid CSR: its encoded subject and key, copied verbatim, and the hash to sign with. */
export interface AcceptedCsr {
  readonly subjectName: Buffer;
  readonly spki: Buffer;
  readonly hash: SignatureHash;
  readonly subject: DnAttribute[];
}

export type CsrOutcome = { readonly ok: true; readonly csr: AcceptedCsr } | { readonly ok: false; readonly reply: Reply };

/** Go's crypto/x509 verifies every algorithm core knows except Ed448. */
const GO_UNIMPLEMENTED_ALGORITHMS: ReadonlySet<string> = new Set(['1.3.101.113']);

const fail = (status: number, message: string): CsrOutcome => ({ ok: false, reply: errorReply(status, message) });

/** Go's json type names, for its "cannot unmarshal" messages. */
function goJsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value; // number, string, object
}

/** Approximates encoding/json's error text for a body JSON.parse rejected. */
export function goSyntaxError(text: string, error: unknown): string {
  if (text.trim() === '' || /end of JSON input/i.test(String(error))) return 'unexpected end of JSON input';
  const position = /position (\d+)/.exec(String(error));
  const char = position ? text[Number(position[1])] : text.trim()[0];
  return `invalid character '${char}' looking for beginning of value`;
}

/** The `csr` string of `{"csr": …}` (field names match case-insensitively, like Go), or the 500 Go answers. */
export function readCsrField(body: Buffer): { ok: true; value: string } | { ok: false; reply: Reply } {
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, reply: errorReply(500, Messages.unmarshal + goSyntaxError(text, e)) };
  }
  if (parsed === null) return { ok: true, value: '' };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return {
      ok: false,
      reply: errorReply(500, `${Messages.unmarshal}json: cannot unmarshal ${goJsonType(parsed)} into Go value of type externalapi.certRequest`),
    };
  }
  const record = parsed as Record<string, unknown>;
  const key = 'csr' in record ? 'csr' : Object.keys(record).find((k) => k.toLowerCase() === 'csr');
  const value = key === undefined ? undefined : record[key];
  if (value === undefined || value === null) return { ok: true, value: '' };
  if (typeof value !== 'string') {
    return {
      ok: false,
      reply: errorReply(500, `${Messages.unmarshal}json: cannot unmarshal ${goJsonType(value)} into Go struct field certRequest.csr of type string`),
    };
  }
  return { ok: true, value };
}

/** Go base64.StdEncoding: standard alphabet, padding required; CR and LF are skipped. */
export function decodeStdBase64(text: string): Buffer | undefined {
  const compact = text.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

/** Go pem.Decode: the first well-formed block (any type); undefined when there is none. */
export function decodeFirstPemBlock(bytes: Buffer): Buffer | undefined {
  const text = bytes.toString('latin1');
  const pattern = /-----BEGIN ([^\r\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (const match of text.matchAll(pattern)) {
    const body = match[2].replace(/^[\w-]+:.*\r?\n/gm, '').replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(body) && body.length % 4 === 0) return Buffer.from(body, 'base64');
  }
  return undefined;
}

/** Go's CheckSignature message for a CSR whose signature does not verify, undefined when it does. */
export function signatureError(csr: CsrStructure): string | undefined {
  const algorithm = signatureAlgorithmByOid(csr.signatureAlgorithm);
  if (!algorithm || GO_UNIMPLEMENTED_ALGORITHMS.has(algorithm.oid)) return 'x509: cannot verify signature: algorithm unimplemented';
  let key: KeyObject;
  try {
    key = createPublicKey({ key: csr.spki, format: 'der', type: 'spki' });
  } catch (e) {
    return `x509: ${(e as Error).message}`;
  }
  if (csrSignatureValid(csr, key)) return undefined;
  return key.asymmetricKeyType === 'rsa' ? 'crypto/rsa: verification error' : 'x509: ECDSA verification failure';
}

/** Go pkix.Name keeps the LAST CommonName but the FIRST C/O/OU/L/ST; reduce the CNs before the shared check. */
export function asGoName(attrs: readonly DnAttribute[]): DnAttribute[] {
  const commonNames = attrs.filter((a) => a.type === 'CN');
  return [...attrs.filter((a) => a.type !== 'CN'), ...commonNames.slice(-1)];
}

/** Validates `{"csr": …}` against the expected subject; on success returns what goes into the certificate. */
export function checkCertRequest(body: Buffer, expected: readonly DnAttribute[]): CsrOutcome {
  const field = readCsrField(body);
  if (!field.ok) return field;
  const pemBytes = decodeStdBase64(field.value);
  if (pemBytes === undefined) return fail(400, Messages.base64);
  const csrDer = decodeFirstPemBlock(pemBytes);
  if (csrDer === undefined) return fail(400, Messages.pem);
  let csr: CsrStructure;
  let subject: DnAttribute[];
  try {
    csr = readCsrStructure(csrDer);
    subject = attributesFromNameDer(csr.subjectName);
  } catch (e) {
    return fail(400, `${Messages.parseCsr}asn1: structure error: ${(e as Error).message}`);
  }
  const badSignature = signatureError(csr);
  if (badSignature !== undefined) return fail(400, Messages.csrSignature + badSignature);
  const mismatch = subjectMismatch(expected, asGoName(subject));
  if (mismatch !== undefined) return fail(400, mismatch);
  const algorithm = signatureAlgorithmByOid(csr.signatureAlgorithm);
  if (algorithm?.keyType !== 'rsa' || algorithm.hash === null) {
    // The template copies csr.SignatureAlgorithm; an EC/Ed25519 algorithm cannot be used with the RSA CA key.
    return fail(500, `${Messages.createCertificate}x509: requested SignatureAlgorithm does not match private key type`);
  }
  return { ok: true, csr: { subjectName: csr.subjectName, spki: csr.spki, hash: algorithm.hash, subject } };
}
