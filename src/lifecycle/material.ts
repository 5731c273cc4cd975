import { KeyObject, X509Certificate } from 'node:crypto';
import { certificateFacts, type CertificateFacts } from '../core/certificate';
import { KymaCertError } from '../core/errors';
import type { KeyFileFormat } from '../core/keyFileFormat';
import { readPrivateKey } from '../core/keys';
import { parseCryptoFile } from '../core/pem';
import { readFileIfExists } from './files';
import { certificateHasKey } from './verify';

/** A client certificate file and its private key, read and checked, ready for an mTLS call. */
export interface CertificateMaterial {
  certFile: string;
  /** The certificate file's exact bytes (to rewrite it in its own layout). */
  certData: Buffer;
  format: 'pem' | 'der';
  /** The certificate that belongs to the key. */
  client: X509Certificate;
  clientFacts: CertificateFacts;
  clientPem: string;
  /** How many other certificates (a CA chain) the file holds besides the client certificate. */
  chainCount: number;
  key: KeyObject;
  /** The key file's exact bytes, to check right before writing that nobody replaced it meanwhile. Never logged. */
  keyData: Buffer;
  /** How the key file stores the key (a rotated key is written the same way, encrypted if this one is). */
  keyFormat: KeyFileFormat;
  /** The key as plain PKCS#8 PEM, in memory for the TLS handshake only. Never logged, never sent, never written. */
  keyPem: string;
}

/** The passphrase of an encrypted private key. Held in memory only; never logged, never written, never in an error. */
export interface KeyPassphraseOption {
  keyPassphrase?: string;
}

/** Reads a file that must exist; a missing file is a configuration problem (wrong flag), not an I/O failure. */
export async function readRequiredFile(file: string, what: string): Promise<Buffer> {
  const data = await readFileIfExists(file);
  if (data === undefined) throw new KymaCertError('config', `${what} ${file} does not exist.`);
  return data;
}

/**
 * Reads the certificate file (client certificate alone, or client + CA chain, PEM or DER) and the key, and checks the
 * preconditions of every mTLS operation: it parses, the key belongs to one of its certificates, and that certificate
 * is valid at `now` (an expired certificate cannot pass the gateway's handshake, so only a new token helps).
 * An encrypted key is decrypted in memory with `keyPassphrase`; the file stays as it is.
 */
export async function loadCertificateMaterial(certFile: string, keyFile: string, now: Date, keyPassphrase?: string): Promise<CertificateMaterial> {
  const certData = await readRequiredFile(certFile, 'Certificate file');
  const keyData = await readRequiredFile(keyFile, 'Key file');
  const parsed = parseCryptoFile(certData);
  const certDers = parsed.blocks.filter((b) => b.kind === 'certificate').map((b) => b.der);
  if (parsed.format === 'none' || certDers.length === 0) {
    throw new KymaCertError('parse', `${certFile} holds no certificate.`, undefined, { remedy: { kind: 'check-certificate-file', data: { file: certFile } } });
  }
  const { key, format: keyFormat } = readPrivateKey(keyData, keyPassphrase);
  const certs = certDers.map((der) => new X509Certificate(der));
  const client = certs.find((c) => certificateHasKey(c, key));
  if (!client) {
    throw new KymaCertError('key-mismatch', `The private key ${keyFile} does not belong to the certificate in ${certFile}.`, undefined, {
      remedy: { kind: 'check-key-file', data: { keyFile } },
    });
  }
  const clientFacts = certificateFacts(client);
  if (clientFacts.notAfter.getTime() <= now.getTime()) {
    throw new KymaCertError(
      'expired',
      `The certificate ${clientFacts.commonName ?? clientFacts.subjectText} expired on ${clientFacts.notAfter.toISOString()}; ` +
        'an expired certificate cannot be renewed.',
      undefined,
      { remedy: { kind: 'new-certificate-with-token', data: { reason: 'expired' } } },
    );
  }
  if (clientFacts.notBefore.getTime() > now.getTime()) {
    throw new KymaCertError('not-yet-valid', `The certificate is not valid before ${clientFacts.notBefore.toISOString()}.`, undefined, {
      remedy: { kind: 'check-clock' },
    });
  }
  return {
    certFile,
    certData,
    format: parsed.format === 'der' ? 'der' : 'pem',
    client,
    clientFacts,
    clientPem: client.toString(),
    chainCount: certs.length - 1,
    key,
    keyData,
    keyFormat,
    keyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
