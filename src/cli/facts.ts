import type { CertificateFacts } from '../core/certificate';
import { assessExpiry, describeExpiry } from '../core/expiry';
import { isoSeconds } from './output';

/** The JSON shape of a certificate in CLI output: facts without the raw bytes, plus the expiry assessment. */
export interface CertificateJson {
  subject: string;
  issuer: string;
  commonName?: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  state: string;
  sha256Hex: string;
  fingerprint256: string;
  publicKey: CertificateFacts['publicKey'];
  isCA: boolean;
  selfSigned: boolean;
  subjectAltNames: string[];
}

export function certificateJson(facts: CertificateFacts, now: Date): CertificateJson {
  const expiry = assessExpiry(facts, now);
  return {
    subject: facts.subjectText,
    issuer: facts.issuerText,
    ...(facts.commonName !== undefined ? { commonName: facts.commonName } : {}),
    serialNumber: facts.serialNumber,
    notBefore: facts.notBefore.toISOString(),
    notAfter: facts.notAfter.toISOString(),
    daysLeft: expiry.daysLeft,
    state: expiry.state,
    sha256Hex: facts.sha256Hex,
    fingerprint256: facts.fingerprint256,
    publicKey: facts.publicKey,
    isCA: facts.isCA,
    selfSigned: facts.selfSigned,
    subjectAltNames: facts.subjectAltNames,
  };
}

/** One line: `CN=my-app, valid until 2025-04-03T00:00:00Z (expires in 91 days)` (the full subject when there is no CN). */
export function certificateSummary(facts: CertificateFacts, now: Date): string {
  const name = facts.commonName !== undefined ? `CN=${facts.commonName}` : facts.subjectText;
  return `${name}, valid until ${isoSeconds(facts.notAfter)} (${describeExpiry(assessExpiry(facts, now))})`;
}
