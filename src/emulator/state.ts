import { X509Certificate } from 'node:crypto';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { readRegularFileIfExists } from '../io/boundedRead';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateAuthority, createAuthorityCertificate, createServerCertificate, generateRsaKeyPair, loadAuthority } from './pki';
import { DAY_MS } from './options';

/** The PKI the emulator persists in its state dir, so that restarts keep the CAs clients already trust. */
export interface EmulatorPki {
  readonly stateDir: string;
  /** True when the emulator created a temp state dir itself (and removes it on close). */
  readonly ownsStateDir: boolean;
  readonly serverCa: CertificateAuthority;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
  readonly clientCa: CertificateAuthority;
  readonly serverCaFile: string;
  readonly clientCaFile: string;
}

export const STATE_FILES = {
  serverCaCert: 'server-ca.crt',
  serverCaKey: 'server-ca.key',
  serverCert: 'server.crt',
  serverKey: 'server.key',
  clientCaCert: 'client-ca.crt',
  clientCaKey: 'client-ca.key',
} as const;

const CA_VALIDITY_MS = 10 * 365 * DAY_MS;
const SERVER_CERT_VALIDITY_MS = 365 * DAY_MS;
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'] as const;

async function readIfExists(path: string): Promise<string | undefined> {
  return (await readRegularFileIfExists(path))?.toString('utf8');
}

/** Private keys are written 0600 (chmod too, in case the file already existed with wider permissions). */
async function writeSecret(path: string, data: string): Promise<void> {
  await writeFile(path, data, { mode: 0o600 });
  await chmod(path, 0o600);
}

function stillValid(certPem: string, now: Date): boolean {
  const cert = new X509Certificate(certPem);
  return new Date(cert.validTo).getTime() > now.getTime() && new Date(cert.validFrom).getTime() <= now.getTime();
}

async function loadOrCreateAuthority(
  dir: string,
  certFile: string,
  keyFile: string,
  commonName: string,
  bits: number,
  now: Date,
): Promise<{ ca: CertificateAuthority; created: boolean }> {
  const certPem = await readIfExists(join(dir, certFile));
  const keyPem = await readIfExists(join(dir, keyFile));
  if (certPem !== undefined && keyPem !== undefined && stillValid(certPem, now)) {
    return { ca: loadAuthority(certPem, keyPem), created: false };
  }
  const pair = await generateRsaKeyPair(bits);
  const pem = createAuthorityCertificate(commonName, pair.key, now, CA_VALIDITY_MS);
  await writeSecret(join(dir, keyFile), pair.keyPem);
  await writeFile(join(dir, certFile), pem);
  return { ca: loadAuthority(pem, pair.keyPem), created: true };
}

function coversHosts(certPem: string, hosts: readonly string[]): boolean {
  const cert = new X509Certificate(certPem);
  return hosts.every((h) => (isIP(h) === 0 ? cert.checkHost(h) !== undefined : cert.checkIP(h) !== undefined));
}

/**
 * Loads the PKI from `stateDir` or creates what is missing or expired. A new server CA forces a new server
 * certificate; the client CA is independent (renewing it would invalidate every issued client certificate).
 */
export async function loadOrCreatePki(options: { stateDir?: string; extraHosts: readonly string[]; clientCaBits: number; now: Date }): Promise<EmulatorPki> {
  const ownsStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), 'kyma-emulator-')));
  await mkdir(stateDir, { recursive: true, mode: 0o700 });

  const server = await loadOrCreateAuthority(stateDir, STATE_FILES.serverCaCert, STATE_FILES.serverCaKey, 'Kyma Emulator Server CA', 2048, options.now);
  const client = await loadOrCreateAuthority(stateDir, STATE_FILES.clientCaCert, STATE_FILES.clientCaKey, 'Kyma', options.clientCaBits, options.now);

  const hosts = [...new Set([...LOOPBACK_HOSTS, ...options.extraHosts])];
  let serverCertPem = await readIfExists(join(stateDir, STATE_FILES.serverCert));
  let serverKeyPem = await readIfExists(join(stateDir, STATE_FILES.serverKey));
  const reusable =
    !server.created &&
    serverCertPem !== undefined &&
    serverKeyPem !== undefined &&
    stillValid(serverCertPem, options.now) &&
    coversHosts(serverCertPem, hosts) &&
    new X509Certificate(serverCertPem).verify(new X509Certificate(server.ca.certPem).publicKey);
  if (!reusable) {
    const pair = await generateRsaKeyPair(2048);
    serverKeyPem = pair.keyPem;
    serverCertPem = createServerCertificate(server.ca, pair.key, hosts, options.now, SERVER_CERT_VALIDITY_MS);
    await writeSecret(join(stateDir, STATE_FILES.serverKey), serverKeyPem);
    await writeFile(join(stateDir, STATE_FILES.serverCert), serverCertPem);
  }

  return {
    stateDir,
    ownsStateDir,
    serverCa: server.ca,
    serverCertPem: serverCertPem as string,
    serverKeyPem: serverKeyPem as string,
    clientCa: client.ca,
    serverCaFile: join(stateDir, STATE_FILES.serverCaCert),
    clientCaFile: join(stateDir, STATE_FILES.clientCaCert),
  };
}
