/**
 * Real X.509 certificates with chosen validity for the problem tests: one RSA key (generated once by
 * node:crypto, fast) signs everything; node-forge builds the structures.
 */
import { generateKeyPairSync } from 'node:crypto';
import * as forge from 'node-forge';

const DAY_MS = 86_400_000;

let signer: { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } | undefined;

function key(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  if (!signer) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKey = forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string) as forge.pki.rsa.PrivateKey;
    signer = { privateKey, publicKey: forge.pki.setRsaPublicKey(privateKey.n, privateKey.e) };
  }
  return signer;
}

export interface TestCertOptions {
  commonName?: string;
  notBefore: Date;
  notAfter: Date;
  isCA?: boolean;
}

let serial = 1;

/** PEM of a certificate with the given validity; CA certificates carry basicConstraints cA=true. */
export function makeCertificatePem(options: TestCertOptions): string {
  const { privateKey, publicKey } = key();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(2, '0');
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  const name = [
    { shortName: 'O', value: 'Organization' },
    { shortName: 'CN', value: options.commonName ?? (options.isCA ? 'Test CA' : 'my-app') },
  ];
  cert.setSubject(name);
  cert.setIssuer(options.isCA ? name : [{ shortName: 'CN', value: 'Test CA' }]);
  cert.setExtensions([{ name: 'basicConstraints', cA: options.isCA === true, critical: true }]);
  cert.sign(privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
}

/** A certificate valid from `startDaysFromNow` to `endDaysFromNow` relative to `now`. */
export function certValid(now: Date, startDaysFromNow: number, endDaysFromNow: number, extra: Partial<TestCertOptions> = {}): string {
  return makeCertificatePem({
    notBefore: new Date(now.getTime() + startDaysFromNow * DAY_MS),
    notAfter: new Date(now.getTime() + endDaysFromNow * DAY_MS),
    ...extra,
  });
}
