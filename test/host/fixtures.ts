/**
 * Workspaces the host test runner (test/host/runner.mjs) opens. Created fresh in the run's temp dir before
 * the workbench starts and deleted afterwards, so no key is ever committed: certificates are generated here.
 * Suites that need more (emulator-issued certificates, connection files) write them into the open folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY_MS, makeCa } from '../unit/helpers/certs';

/** Fixture names accepted by the runner's `--fixture`. */
export type FixtureName = 'plain' | 'with-certificate';

/** Paths inside a fixture workspace (relative to its root). */
export const FixtureFiles = {
  readme: 'README.md',
  certificate: 'certs/app.crt',
  privateKey: 'certs/app.key',
} as const;

/**
 * Fills `dir` (an existing empty folder) with the named fixture:
 * - `plain`: only README.md (the explorer has a row to right-click; no certificate, so nothing activates it)
 * - `with-certificate`: plus a self-signed client certificate certs/app.crt valid for 20 more days and its
 *   key certs/app.key (mode 0600), enough for `workspaceContains` activation and an "expiring" state.
 */
export async function createFixtureWorkspace(dir: string, name: FixtureName | string = 'plain'): Promise<void> {
  if (name !== 'plain' && name !== 'with-certificate') {
    throw new Error(`unknown fixture '${name}' (known: plain, with-certificate)`);
  }
  await writeFile(join(dir, FixtureFiles.readme), '# Fixture workspace\n\nCreated by test/host/fixtures.ts for one host test run.\n');
  if (name === 'with-certificate') {
    const { certificatePem, privateKeyPem } = selfSignedCertificate('fixture-app', new Date());
    await mkdir(join(dir, 'certs'));
    await writeFile(join(dir, FixtureFiles.certificate), certificatePem);
    await writeFile(join(dir, FixtureFiles.privateKey), privateKeyPem, { mode: 0o600 });
  }
}

/** A self-signed RSA certificate with a Connector-style subject, valid from 10 days ago to 20 days ahead. */
function selfSignedCertificate(commonName: string, now: Date): { certificatePem: string; privateKeyPem: string } {
  const cert = makeCa({
    subject: `O=fixture-tenant,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=${commonName}`,
    notBefore: new Date(now.getTime() - 10 * DAY_MS),
    notAfter: new Date(now.getTime() + 20 * DAY_MS),
    isCA: false,
    extKeyUsage: ['clientAuth'],
  });
  return { certificatePem: cert.certPem, privateKeyPem: cert.keyPem };
}
