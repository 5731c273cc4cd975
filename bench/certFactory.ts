/**
 * Certificates for the bench, made once per run with node:crypto keys and the core's certificate builder:
 * a cluster-like client CA and client certificates with Kyma subjects. RSA-2048 keys come from a small pool
 * (key generation would otherwise dominate the set-up time); each certificate still gets its own serial.
 */
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { buildCertificate } from '../src/core/certificate-builder';
import { parseConnectorSubject } from '../src/core/dn';

const DAY_MS = 86_400_000;

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
  const rsa = (): KeyObject => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const caKey = rsa();
  const caSubject = parseConnectorSubject('O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=application-connector-ca');
  const now = Date.now();
  const ca = buildCertificate({
    subject: caSubject,
    publicKey: caKey,
    signingKey: caKey,
    isCA: true,
    notBefore: new Date(now - 10 * DAY_MS),
    notAfter: new Date(now + 3650 * DAY_MS),
  });
  const keys = Array.from({ length: keyPoolSize }, () => {
    const key = rsa();
    return { key, pem: key.export({ type: 'pkcs8', format: 'pem' }) as string };
  });
  return {
    caPem: ca.pem,
    client(i, variant = 0) {
      const { key, pem } = keys[i % keys.length];
      // Some valid, some expiring, some expired: the index and inspect do the same work for each, but it is realistic.
      const notBefore = new Date(now - ((i * 37) % 190) * DAY_MS + variant * 1000);
      const cert = buildCertificate({
        subject: parseConnectorSubject(`O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=bench-app-${i}`),
        issuer: caSubject,
        publicKey: key,
        signingKey: caKey,
        notBefore,
        notAfter: new Date(notBefore.getTime() + 92 * DAY_MS),
        extKeyUsage: ['clientAuth'],
      });
      return { certPem: cert.pem, keyPem: pem };
    },
  };
}
