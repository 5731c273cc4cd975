/**
 * How log lines name a certificate. Its own module, with type-only imports, so that the editor glue can use it
 * without loading the certificate parser (node-forge) at activation.
 */
import type { CertificateFacts } from './certificate';

/**
 * `CN=…,O=… (SHA-256 AB:CD:…, valid until 2026-…Z)`: the subject, the fingerprint (as shown by the editor and by
 * `openssl x509 -fingerprint -sha256`) and the end of validity.
 */
export function certificateLogLabel(facts: Pick<CertificateFacts, 'subjectText' | 'fingerprint256' | 'notAfter'>): string {
  return `${facts.subjectText} (SHA-256 ${facts.fingerprint256}, valid until ${facts.notAfter.toISOString()})`;
}
