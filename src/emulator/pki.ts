import { createHash, createPrivateKey, createPublicKey, generateKeyPair, KeyObject, sign, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import forge from 'node-forge';
import * as der from './der';

/**
 * Certificate building for the emulator. Structure is assembled with forge's ASN.1 model; the TBS is signed with
 * node:crypto (forge's JS RSA needs ~95 ms per 2048-bit signature and ~445 ms at 4096 bits; node:crypto 3–7 ms).
 */

const generateKeyPairAsync = promisify(generateKeyPair);

export type SignatureHash = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const RSA_SIGNATURE_OIDS: Readonly<Record<SignatureHash, string>> = {
  sha1: '1.2.840.113549.1.1.5',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};

const EXT = {
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const;

const EKU_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const EKU_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** A signing CA held in memory: its certificate, key, encoded subject (the issuer of what it signs) and key id. */
export interface CertificateAuthority {
  readonly certPem: string;
  readonly key: KeyObject;
  readonly subjectName: Buffer;
  readonly keyId: Buffer;
}

export interface KeyPair {
  readonly key: KeyObject;
  readonly keyPem: string;
}

/** A fresh RSA key; async so the event loop keeps serving while a 4096-bit key is generated. */
export async function generateRsaKeyPair(bits: number): Promise<KeyPair> {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: bits });
  return { key: privateKey, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

export function toPem(derBytes: Buffer, label = 'CERTIFICATE'): string {
  const lines = derBytes.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING contents (what Go uses too). */
export function keyIdentifier(spkiDer: Buffer): Buffer {
  const bits = der.children(der.fromDer(spkiDer), 'public key')[1];
  const value = Buffer.from(bits.value as string, 'binary').subarray(1);
  return createHash('sha1').update(value).digest();
}

function spkiOf(key: KeyObject): Buffer {
  const publicKey = key.type === 'public' ? key : createPublicKey(key);
  return publicKey.export({ type: 'spki', format: 'der' });
}

function extension(id: string, critical: boolean, value: der.Asn1): der.Asn1 {
  const parts = [der.oid(id)];
  if (critical) parts.push(der.boolean(true));
  parts.push(der.octetString(der.toDer(value)));
  return der.sequence(parts);
}

function keyUsage(bits: number[]): der.Asn1 {
  // KeyUsage is a named BIT STRING: bit 0 is the most significant bit of the first byte; trailing zero bits are dropped.
  let value = 0;
  for (const bit of bits) value |= 0x80 >> bit;
  const highest = Math.max(...bits);
  return der.bitString(Buffer.from([value]), 7 - highest);
}

interface TbsInput {
  readonly issuerName: der.Asn1;
  readonly subjectName: der.Asn1;
  readonly spki: der.Asn1;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: der.Asn1[];
  readonly serial: number;
}

/** Builds, signs (node:crypto) and encodes a v3 certificate. */
function signCertificate(input: TbsInput, signer: KeyObject, hash: SignatureHash): Buffer {
  const algorithm = der.sequence([der.oid(RSA_SIGNATURE_OIDS[hash]), der.nullValue()]);
  const tbs = der.sequence([
    der.explicit(0, der.integer(2)),
    der.integer(input.serial),
    algorithm,
    input.issuerName,
    der.sequence([der.time(input.notBefore), der.time(input.notAfter)]),
    input.subjectName,
    input.spki,
    der.explicit(3, der.sequence(input.extensions)),
  ]);
  const tbsDer = der.toDer(tbs);
  const signature = sign(hash, tbsDer, signer);
  return der.toDer(der.sequence([tbs, algorithm, der.bitString(signature)]));
}

/** Self-signed CA (serial 2 like the Kyma certs-setup job), BasicConstraints CA:TRUE, SKI. */
export function createAuthorityCertificate(commonName: string, key: KeyObject, notBefore: Date, validityMs: number): string {
  const spkiDer = spkiOf(key);
  const subject = der.name([{ oid: der.ATTRIBUTE_OIDS.CN, value: commonName }]);
  const certDer = signCertificate(
    {
      issuerName: subject,
      subjectName: subject,
      spki: der.fromDer(spkiDer),
      notBefore,
      notAfter: new Date(notBefore.getTime() + validityMs),
      serial: 2,
      extensions: [
        extension(EXT.keyUsage, true, keyUsage([0, 5, 6])), // digitalSignature, keyCertSign, cRLSign
        extension(EXT.basicConstraints, true, der.sequence([der.boolean(true)])),
        extension(EXT.subjectKeyId, false, der.octetString(keyIdentifier(spkiDer))),
      ],
    },
    key,
    'sha256',
  );
  return toPem(certDer);
}

/** Reads a CA back from PEM (the state dir) into the form the signer needs. */
export function loadAuthority(certPem: string, keyPem: string): CertificateAuthority {
  const x509 = new X509Certificate(certPem);
  const key = createPrivateKey(keyPem);
  if (!x509.checkPrivateKey(key)) {
    throw new Error('CA key does not belong to the CA certificate');
  }
  return { certPem: x509.toString(), key, subjectName: subjectNameOf(x509.raw), keyId: keyIdentifier(spkiOf(key)) };
}

/** The encoded subject Name of a DER certificate. */
export function subjectNameOf(certDer: Buffer): Buffer {
  const tbs = der.children(der.children(der.fromDer(certDer), 'certificate')[0], 'TBS certificate');
  // The version field is optional ([0] EXPLICIT); the subject is the 6th field when it is present.
  const offset = tbs[0].tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return der.toDer(tbs[offset + 4]);
}

/** Server certificate for the loopback names (plus any extra host names) signed by the server CA. */
export function createServerCertificate(
  ca: CertificateAuthority,
  key: KeyObject,
  hosts: readonly string[],
  notBefore: Date,
  validityMs: number,
): string {
  const spkiDer = spkiOf(key);
  const names = hosts.map((host) => {
    const family = isIP(host);
    if (family === 0) return der.implicitPrimitive(2, Buffer.from(host, 'ascii'));
    return der.implicitPrimitive(7, ipBytes(host, family));
  });
  const certDer = signCertificate(
    {
      issuerName: der.fromDer(ca.subjectName),
      subjectName: der.name([{ oid: der.ATTRIBUTE_OIDS.CN, value: hosts.find((h) => isIP(h) === 0) ?? hosts[0] }]),
      spki: der.fromDer(spkiDer),
      notBefore,
      notAfter: new Date(notBefore.getTime() + validityMs),
      serial: 2,
      extensions: [
        extension(EXT.keyUsage, true, keyUsage([0, 2])), // digitalSignature, keyEncipherment
        extension(EXT.extKeyUsage, false, der.sequence([der.oid(EKU_SERVER_AUTH)])),
        extension(EXT.authorityKeyId, false, der.sequence([der.implicitPrimitive(0, ca.keyId)])),
        extension(EXT.subjectAltName, false, der.sequence(names)),
      ],
    },
    ca.key,
    'sha256',
  );
  return toPem(certDer);
}

function ipBytes(address: string, family: number): Buffer {
  if (family === 4) return Buffer.from(address.split('.').map(Number));
  const [head, tail] = address.split('::');
  const parse = (part: string | undefined): number[] => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const groups = tail === undefined ? left : [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  const bytes = Buffer.alloc(16);
  groups.forEach((g, i) => bytes.writeUInt16BE(g, i * 2));
  return bytes;
}

/** What the service copies into a client certificate: the CSR's encoded subject and public key, verbatim. */
export interface LeafRequest {
  readonly subjectName: Buffer;
  readonly spki: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly hash: SignatureHash;
}

/**
 * A client certificate as the Connector Service issues it: serial 2, subject and key from the CSR,
 * KeyUsage digitalSignature (critical, like Go), ExtKeyUsage clientAuth, AuthorityKeyId of the CA.
 */
export function issueClientCertificate(ca: CertificateAuthority, request: LeafRequest): string {
  const certDer = signCertificate(
    {
      issuerName: der.fromDer(ca.subjectName),
      subjectName: der.fromDer(request.subjectName),
      spki: der.fromDer(request.spki),
      notBefore: request.notBefore,
      notAfter: request.notAfter,
      serial: 2,
      extensions: [
        extension(EXT.keyUsage, true, keyUsage([0])),
        extension(EXT.extKeyUsage, false, der.sequence([der.oid(EKU_CLIENT_AUTH)])),
        extension(EXT.authorityKeyId, false, der.sequence([der.implicitPrimitive(0, ca.keyId)])),
      ],
    },
    ca.key,
    request.hash,
  );
  return toPem(certDer);
}

export function spkiFromKey(key: KeyObject): Buffer {
  return spkiOf(key);
}
