/**
 * Certificates for the bench, made with the tests' one certificate factory (test/unit/helpers/certs.ts): a
 * cluster-like client CA and client certificates with Kyma subjects. RSA-2048 keys come from a small named pool
 * (key generation would otherwise dominate the set-up time); each certificate still gets its own serial.
 */
import { DAY_MS, keyNamed, kymaSubject, makeCa, makeLeaf } from '../test/unit/helpers/certs';

export interface BenchCertificate {
  certPem: string;
  /** PKCS#8 PEM of the certificate's key. */
  keyPem: string;
}

export interface CertificateFactory {
  readonly caPem: string;
  /** Client certificate number `i` (deterministic subject `bench-app-<i>`, validity spread over ±100 days). */
  client(i: number, variant?: number): BenchCertificate;
}

/** A CA plus `keyPoolSize` RSA-2048 keys shared by the client certificates. */
export function createCertificateFactory(keyPoolSize = 8): CertificateFactory {
  const now = Date.now();
  const ca = makeCa({ subject: kymaSubject('application-connector-ca'), notBefore: new Date(now - 10 * DAY_MS), validDays: 3660, keyName: 'bench-ca' });
  return {
    caPem: ca.certPem,
    client(i, variant = 0) {
      // Some valid, some expiring, some expired: the index and inspect do the same work for each, but it is realistic.
      const notBefore = new Date(now - ((i * 37) % 190) * DAY_MS + variant * 1000);
      const key = keyNamed(`bench-${i % keyPoolSize}`);
      const { certPem, keyPem } = makeLeaf(ca, { subject: kymaSubject(`bench-app-${i}`), notBefore, validDays: 92, key });
      return { certPem, keyPem };
    },
  };
}
