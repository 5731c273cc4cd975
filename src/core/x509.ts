/**
 * Turning "a certificate" in any of the forms callers hold (PEM text, DER bytes, facts, node's X509Certificate)
 * into node's X509Certificate, with `parse` errors for anything else.
 */
import { X509Certificate } from 'node:crypto';
import { KymaCertError } from './errors';
import { readTlv, TAG_SEQUENCE } from './der';
import { MAX_INPUT_BYTES, parseCryptoFile } from './pem';

/** Anything that carries one certificate. PEM input may hold several blocks: the first certificate is used. */
export type CertificateInput = Buffer | string | X509Certificate | { readonly der: Buffer };

/**
 * True for bytes that are exactly one DER SEQUENCE (what a certificate is), within the input cap: callers holding
 * a certificate's DER (a parsed block, facts, a cache key) go straight to OpenSSL, without the file sniffing of
 * parseCryptoFile (which parses a DER certificate once more to tell it from a key).
 */
export function isOneDerSequence(data: Buffer): boolean {
  return data.length <= MAX_INPUT_BYTES && data[0] === TAG_SEQUENCE && readTlv(data)?.end === data.length;
}

/** The DER of the first certificate in `input`. Throws `parse` (or `too-large`). */
export function certificateDer(input: CertificateInput): Buffer {
  if (input instanceof X509Certificate) return input.raw;
  if (!Buffer.isBuffer(input) && typeof input !== 'string') return input.der;
  const parsed = parseCryptoFile(input);
  const block = parsed.blocks.find((b) => b.kind === 'certificate');
  if (!block) {
    const broken = parsed.blocks.find((b) => b.problem && b.label.includes('CERTIFICATE'));
    throw new KymaCertError('parse', broken ? `certificate is damaged: ${broken.problem}` : 'no certificate found');
  }
  return block.der;
}

/** node's X509Certificate for `input`. Throws `parse` when the bytes are not a certificate. */
export function toX509(input: CertificateInput): X509Certificate {
  if (input instanceof X509Certificate) return input;
  if (Buffer.isBuffer(input) && isOneDerSequence(input)) {
    try {
      return new X509Certificate(input);
    } catch {
      // Not a certificate after all (a key, a CSR, damaged): the general path below says which.
    }
  }
  const der = certificateDer(input);
  try {
    return new X509Certificate(der);
  } catch (e) {
    throw new KymaCertError('parse', 'certificate is malformed', undefined, { cause: e });
  }
}
