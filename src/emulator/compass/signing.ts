import { createHash } from 'node:crypto';
import { readCsrStructure, type CsrStructure } from '../../core/csr';
import { attributesFromNameDer, firstValue, subjectMismatch, type DnAttribute } from '../../core/dn';
import { signatureAlgorithmByOid } from '../../core/signing';
import { asGoName, decodeFirstPemBlock, decodeStdBase64, signatureError, type AcceptedCsr } from '../csr-request';
import type { SubjectDefaults } from '../options';
import { expectedSubject } from '../issuer';
import { subjectNameOf } from '../pki';
import type { CompassState, SystemAuth } from './state';

/**
 * The Compass connector's CSR checks and the certificate hydrator's identity rule (compass-connector-api.md §3.2,
 * §4.2, §6, §7), with the connector's messages verbatim. The adapter wraps the same messages (§10.3).
 */

/** The deployed chart values (§7): not Kyma's Organization/Waldorf. */
export const COMPASS_SUBJECT: SubjectDefaults = { O: 'Org', OU: 'OrgUnit', L: 'locality', ST: 'province', C: 'DE' };

const SIGNING = 'Error while signing Certificate Signing Request: ';
export const CompassMessages = {
  base64: 'Error while decoding Certificate Signing Request: Error while parsing base64 content. Incorrect value provided.',
  pem: `${SIGNING}Error while decoding pem block.`,
  parseCsr: `${SIGNING}Error while parsing CSR: `,
  csrSignature: `${SIGNING}CSR signature invalid: `,
  subjectPrefix: SIGNING,
  createCertificate: `${SIGNING}Error while creating certificate: `,
  configurationAuth:
    'Failed to authenticate request. Token authentication error: Failed to authenticate with one time token.. Certificate authentication error: Failed to authenticate with Certificate. Invalid subject.',
  revokeWithoutCertificate: 'Failed to authenticate with certificate: Failed to authenticate with Certificate. Invalid subject.',
} as const;

/** The connector subject for a SystemAuth: the configured O/OU/L/ST/C plus CN = SystemAuth id (§3.3, §7). */
export function compassSubject(defaults: SubjectDefaults, systemAuthId: string): DnAttribute[] {
  return expectedSubject(defaults, systemAuthId);
}

export type CompassCsrOutcome = { readonly ok: true; readonly csr: AcceptedCsr } | { readonly ok: false; readonly message: string };

/** §4.2 check order: base64 → PEM block → parse → signature → CN → C → O → OU → L → ST → key fits the RSA CA. */
export function checkCompassCsr(base64Csr: string, expected: readonly DnAttribute[]): CompassCsrOutcome {
  const fail = (message: string): CompassCsrOutcome => ({ ok: false, message });
  const pemBytes = decodeStdBase64(base64Csr);
  if (pemBytes === undefined) return fail(CompassMessages.base64);
  const der = decodeFirstPemBlock(pemBytes);
  if (der === undefined) return fail(CompassMessages.pem);
  let csr: CsrStructure;
  let subject: DnAttribute[];
  try {
    csr = readCsrStructure(der);
    subject = attributesFromNameDer(csr.subjectName);
  } catch (e) {
    return fail(`${CompassMessages.parseCsr}asn1: structure error: ${(e as Error).message}`);
  }
  const badSignature = signatureError(csr);
  if (badSignature !== undefined) return fail(CompassMessages.csrSignature + badSignature);
  const mismatch = subjectMismatch(expected, asGoName(subject));
  if (mismatch !== undefined) return fail(CompassMessages.subjectPrefix + mismatch);
  const algorithm = signatureAlgorithmByOid(csr.signatureAlgorithm);
  if (algorithm?.keyType !== 'rsa' || algorithm.hash === null) {
    return fail(`${CompassMessages.createCertificate}x509: requested SignatureAlgorithm does not match private key type`);
  }
  return { ok: true, csr: { subjectName: csr.subjectName, spki: csr.spki, hash: algorithm.hash, subject } };
}

export interface CertificateIdentity {
  readonly auth: SystemAuth;
  /** Lower-case hex SHA-256 of the DER certificate (the revocation key). */
  readonly hash: string;
}

/**
 * The certificate hydrator (§3.2): the subject's O/OU/C/L/ST must equal the configuration, CN names the SystemAuth;
 * a revoked hash, a foreign subject or an unknown SystemAuth (no tenant mapping) yield no identity at all.
 */
export function certificateIdentity(peerDer: Buffer | undefined, state: CompassState, expected: SubjectDefaults): CertificateIdentity | undefined {
  if (peerDer === undefined) return undefined;
  const hash = createHash('sha256').update(peerDer).digest('hex');
  if (state.revoked.has(hash)) return undefined;
  // cert_subject.go reads the first occurrence of each attribute, in any order; extra attributes are ignored.
  const subject = attributesFromNameDer(subjectNameOf(peerDer));
  for (const key of ['O', 'OU', 'C', 'L', 'ST'] as const) {
    if (firstValue(subject, key) !== expected[key]) return undefined;
  }
  const commonName = firstValue(subject, 'CN');
  const auth = commonName === undefined ? undefined : state.systemAuth(commonName);
  return auth === undefined ? undefined : { auth, hash };
}
