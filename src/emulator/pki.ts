import { createPrivateKey, KeyObject, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { buildCertificate } from '../core/certificate-builder';
import { certificateNameDer } from '../core/certificate';
import { generateRsaKeyAsync } from '../core/keys';
import type { SignatureHash } from '../core/signing';

/**
 * The emulator's certificates as the Kyma Connector Service and its certs-setup job make them: the choices
 * (serial 2, which extensions, subject and key copied from the CSR) live here, the building in core.
 */

export type { SignatureHash } from '../core/signing';

/** A signing CA held in memory: its certificate, key and encoded subject (the issuer of what it signs). */
export interface CertificateAuthority {
  readonly certPem: string;
  readonly key: KeyObject;
  readonly subjectName: Buffer;
}

export interface KeyPair {
  readonly key: KeyObject;
  readonly keyPem: string;
}

/** The Connector Service and certs-setup job give every certificate serial number 2. */
const SERIAL_HEX = '02';

/** A fresh RSA key; async so the event loop keeps serving while a 4096-bit key is generated. */
export async function generateRsaKeyPair(bits: number): Promise<KeyPair> {
  const { key, pem } = await generateRsaKeyAsync(bits);
  return { key, keyPem: pem };
}

/**
 * The key a test helper certifies: the caller's public key, or a fresh RSA-2048 pair whose private key is handed
 * back (`keyPem`) so the caller can use the certificate.
 */
export async function keyToCertify(publicKey: KeyObject | string | undefined): Promise<{ publicKey: KeyObject | string; keyPem?: string }> {
  if (publicKey !== undefined) return { publicKey };
  const pair = await generateRsaKeyPair(2048);
  return { publicKey: pair.key, keyPem: pair.keyPem };
}

/** Self-signed CA (serial 2 like the Kyma certs-setup job): KeyUsage, BasicConstraints CA:TRUE, SKI; no AKI. */
export function createAuthorityCertificate(commonName: string, key: KeyObject, notBefore: Date, validityMs: number): string {
  return buildCertificate({
    subject: [{ type: 'CN', value: commonName }],
    publicKey: key,
    signingKey: key,
    serialNumberHex: SERIAL_HEX,
    notBefore,
    notAfter: new Date(notBefore.getTime() + validityMs),
    isCA: true,
    keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
    authorityKeyIdentifier: false,
  }).pem;
}

/** Reads a CA back from PEM (the state dir) into the form the signer needs. */
export function loadAuthority(certPem: string, keyPem: string): CertificateAuthority {
  const x509 = new X509Certificate(certPem);
  const key = createPrivateKey(keyPem);
  if (!x509.checkPrivateKey(key)) {
    throw new Error('CA key does not belong to the CA certificate');
  }
  return { certPem: x509.toString(), key, subjectName: subjectNameOf(x509.raw) };
}

/** The encoded subject Name of a DER certificate. */
export function subjectNameOf(certDer: Buffer): Buffer {
  return certificateNameDer(certDer, 'subject');
}

/** Server certificate for the loopback names (plus any extra host names) signed by the server CA. */
export function createServerCertificate(ca: CertificateAuthority, key: KeyObject, hosts: readonly string[], notBefore: Date, validityMs: number): string {
  return buildCertificate({
    subject: [{ type: 'CN', value: hosts.find((h) => isIP(h) === 0) ?? hosts[0] }],
    issuer: ca.subjectName,
    publicKey: key,
    signingKey: ca.key,
    serialNumberHex: SERIAL_HEX,
    notBefore,
    notAfter: new Date(notBefore.getTime() + validityMs),
    basicConstraints: false,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extKeyUsage: ['serverAuth'],
    subjectKeyIdentifier: false,
    subjectAltNames: hosts,
  }).pem;
}

/** What the service copies into a client certificate: the CSR's encoded subject and public key, verbatim. */
export interface LeafRequest {
  readonly subjectName: Buffer;
  readonly spki: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The CSR's signature digest: the service signs with the algorithm the CSR used. */
  readonly hash: SignatureHash;
}

/**
 * A client certificate as the Connector Service issues it: serial 2, subject and key from the CSR,
 * KeyUsage digitalSignature (critical, like Go), ExtKeyUsage clientAuth, AuthorityKeyId of the CA.
 */
export function issueClientCertificate(ca: CertificateAuthority, request: LeafRequest): string {
  return buildCertificate({
    subject: request.subjectName,
    issuer: ca.subjectName,
    publicKey: request.spki,
    signingKey: ca.key,
    serialNumberHex: SERIAL_HEX,
    notBefore: request.notBefore,
    notAfter: request.notAfter,
    basicConstraints: false,
    keyUsage: ['digitalSignature'],
    extKeyUsage: ['clientAuth'],
    subjectKeyIdentifier: false,
    signatureHash: request.hash,
  }).pem;
}
