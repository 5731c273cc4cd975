import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FolderListing, parseBlocks, readCertificateEntry } from '../../../src/lifecycle/certificateReader';
import { DEFAULT_THRESHOLDS } from '../../../src/core/expiry';
import { blockAtLine, relativeTo, viewOf } from '../../../src/views/entryView';
import { DAY_MS, makeCa } from '../helpers/certs';

/** A self-signed certificate `O=tenant,CN=<cn>` from 10 days ago to `notAfterDays` ahead, with its own key. */
function makeCertificate(cn: string, notAfterDays: number): { certPem: string; keyPem: string } {
  const notBefore = new Date(Date.now() - 10 * DAY_MS);
  const notAfter = new Date(Date.now() + notAfterDays * DAY_MS);
  return makeCa({ subject: `O=tenant,CN=${cn}`, notBefore, notAfter, keyName: `reader-${cn}`, isCA: false, extKeyUsage: [] });
}

let dir: string;
let app: { certPem: string; keyPem: string };
let other: { certPem: string; keyPem: string };
const options = { maxFileSizeBytes: 64 * 1024 };

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kyma-entry-'));
  app = makeCertificate('app', 20);
  other = makeCertificate('other', 200);
});
after(() => rm(dir, { recursive: true, force: true }));

test('pairs a certificate with its key by the naming rules and finds the CA file', async () => {
  await writeFile(join(dir, 'app.crt'), app.certPem);
  await writeFile(join(dir, 'app.key'), app.keyPem, { mode: 0o600 });
  await writeFile(join(dir, 'app-ca.crt'), other.certPem);
  const result = await readCertificateEntry(join(dir, 'app.crt'), options);
  assert.ok('entry' in result);
  assert.equal(result.entry.certificates[0].facts.commonName, 'app');
  assert.deepEqual(result.entry.key, { status: 'match', file: join(dir, 'app.key'), source: 'naming' });
  assert.equal(result.entry.caFile, join(dir, 'app-ca.crt'));
  assert.equal(result.entry.revoked, false);
});

test('a key that belongs to another certificate is reported as a mismatch; no key as missing', async () => {
  await writeFile(join(dir, 'mixed.crt'), app.certPem);
  await writeFile(join(dir, 'mixed.key'), other.keyPem);
  const mixed = await readCertificateEntry(join(dir, 'mixed.crt'), options);
  assert.ok('entry' in mixed);
  assert.equal(mixed.entry.key.status, 'mismatch');
  await writeFile(join(dir, 'lonely.pem'), other.certPem);
  const lonely = await readCertificateEntry(join(dir, 'lonely.pem'), options);
  assert.ok('entry' in lonely);
  assert.equal(lonely.entry.key.status, 'missing');
});

test('an encrypted key (PKCS#8 or legacy, separate or in the same file) is paired as encrypted, never as an error', async () => {
  const { createPrivateKey } = await import('node:crypto');
  const key = createPrivateKey(app.keyPem);
  const pkcs8 = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string;
  const legacy = key.export({ type: 'pkcs1', format: 'pem', cipher: 'des-ede3-cbc', passphrase: 'pw' }) as string;
  await writeFile(join(dir, 'locked.crt'), app.certPem);
  await writeFile(join(dir, 'locked.key'), pkcs8, { mode: 0o600 });
  const separate = await readCertificateEntry(join(dir, 'locked.crt'), options);
  assert.ok('entry' in separate);
  assert.deepEqual(separate.entry.key, { status: 'encrypted', file: join(dir, 'locked.key'), source: 'naming' });
  await writeFile(join(dir, 'locked-combined.pem'), app.certPem + legacy);
  const combined = await readCertificateEntry(join(dir, 'locked-combined.pem'), options);
  assert.ok('entry' in combined);
  assert.deepEqual(combined.entry.key, { status: 'encrypted', file: join(dir, 'locked-combined.pem'), source: 'same-file' });
  const view = viewOf(separate.entry, separate.entry.certificates[0], new Date(), DEFAULT_THRESHOLDS, (f) => f);
  assert.equal(view.key?.status, 'encrypted');
});

test('the remembered connection supplies the key file and the revoked flag of this very certificate', async () => {
  const sub = join(dir, 'remembered');
  await mkdir(sub);
  await writeFile(join(sub, 'svc.crt'), app.certPem);
  await writeFile(join(sub, 'secret-material.pem'), app.keyPem);
  const sha256Hex = new X509Certificate(app.certPem).fingerprint256.replace(/:/g, '').toLowerCase();
  await writeFile(
    join(sub, 'svc.kyma.json'),
    JSON.stringify({
      infoUrl: 'https://gateway.example/v1/applications/management/info',
      keyFile: 'secret-material.pem',
      revoked: { at: '2025-01-01T00:00:00Z', sha256Hex },
    }),
  );
  const result = await readCertificateEntry(join(sub, 'svc.crt'), options);
  assert.ok('entry' in result);
  assert.equal(result.entry.key.status, 'match');
  assert.equal(result.entry.key.source, 'connection');
  assert.equal(result.entry.revoked, true);
  assert.equal(result.entry.connection?.infoUrl, 'https://gateway.example/v1/applications/management/info');
});

test('a setting override wins, and a key inside the certificate file pairs as the same file', async () => {
  await writeFile(join(dir, 'combined.pem'), `${app.certPem}${app.keyPem}`);
  const combined = await readCertificateEntry(join(dir, 'combined.pem'), options);
  assert.ok('entry' in combined);
  assert.deepEqual(combined.entry.key, { status: 'match', file: join(dir, 'combined.pem'), source: 'same-file' });
  await writeFile(join(dir, 'elsewhere.key'), other.keyPem);
  await writeFile(join(dir, 'over.crt'), other.certPem);
  const overridden = await readCertificateEntry(join(dir, 'over.crt'), { ...options, keyFileOverride: join(dir, 'elsewhere.key') });
  assert.ok('entry' in overridden);
  assert.equal(overridden.entry.key.source, 'setting');
  assert.equal(overridden.entry.key.status, 'match');
});

test('DER files, chains with line ranges, and files that are skipped', async () => {
  await writeFile(join(dir, 'app.der'), new X509Certificate(app.certPem).raw);
  const der = await readCertificateEntry(join(dir, 'app.der'), options);
  assert.ok('entry' in der);
  assert.equal(der.entry.format, 'der');

  const chain = parseBlocks(`intro\n${app.certPem}\n${other.certPem}`);
  assert.ok(!('problem' in chain));
  assert.equal(chain.certificates.length, 2);
  assert.equal(chain.certificates[0].startLine, 1);
  assert.equal(blockAtLine(chain.certificates, chain.certificates[1].startLine + 2)?.facts.commonName, 'other');
  assert.equal(blockAtLine(chain.certificates, 0), undefined);

  await writeFile(join(dir, 'big.pem'), Buffer.alloc(70 * 1024, 'A'));
  const big = await readCertificateEntry(join(dir, 'big.pem'), options);
  assert.ok('skipped' in big && big.skipped === 'too-large', JSON.stringify(big));
  await writeFile(join(dir, 'only-key.pem'), app.keyPem);
  assert.deepEqual(await readCertificateEntry(join(dir, 'only-key.pem'), options), { skipped: 'no-certificate' });
  const gone = await readCertificateEntry(join(dir, 'gone.crt'), options);
  assert.ok('skipped' in gone && gone.skipped === 'missing');
});

test('views: expiry is assessed now; only the leaf carries key and revocation', async () => {
  await writeFile(join(dir, 'chain.crt'), `${app.certPem}${other.certPem}`);
  await writeFile(join(dir, 'chain.key'), app.keyPem);
  const result = await readCertificateEntry(join(dir, 'chain.crt'), options);
  assert.ok('entry' in result);
  const [leaf, ca] = result.entry.certificates.map((b) => viewOf(result.entry, b, new Date(), DEFAULT_THRESHOLDS, (f) => relativeTo(dir, f)));
  assert.equal(leaf.expiry.state, 'expiring');
  assert.equal(leaf.key?.file, 'chain.key');
  assert.equal(ca.key, undefined);
  assert.equal(ca.expiry.state, 'valid');
  assert.equal(leaf.file, 'chain.crt');
  assert.equal(relativeTo(dir, '/elsewhere/x.crt'), '/elsewhere/x.crt');
});

test('a folder listing (one per pass) changes no entry, only skips companions that are not there', async () => {
  const sub = join(dir, 'listed');
  await mkdir(sub);
  await writeFile(join(sub, 'App.crt'), app.certPem);
  await writeFile(join(sub, 'app.key'), app.keyPem); // another case than the certificate: found where the FS folds case
  await writeFile(join(sub, 'svc.crt'), other.certPem);
  await writeFile(join(sub, 'svc-ca.crt'), app.certPem);
  await writeFile(
    join(sub, 'svc.kyma.json'),
    JSON.stringify({ infoUrl: 'https://gateway.example/v1/applications/management/info', keyFile: 'svc-secret.pem' }),
  );
  await writeFile(join(sub, 'svc-secret.pem'), other.keyPem);
  await writeFile(join(sub, 'lonely.pem'), other.certPem);
  const listing = new FolderListing();
  for (const name of ['App.crt', 'svc.crt', 'lonely.pem', 'svc-ca.crt']) {
    const file = join(sub, name);
    assert.deepEqual(await readCertificateEntry(file, { ...options, listing }), await readCertificateEntry(file, options), name);
  }
  // Existing names (in any case), absent names, and folders that cannot be listed (no hint: may exist).
  assert.equal(await listing.mayExist(join(sub, 'svc.kyma.json')), true);
  assert.equal(await listing.mayExist(join(sub, 'APP.KEY')), true);
  assert.equal(await listing.mayExist(join(sub, 'lonely.key')), false);
  assert.equal(await listing.mayExist(join(sub, 'no-such-folder', 'x.key')), true);
  // A listing is a snapshot: a key written after it is only seen by the next pass.
  await writeFile(join(sub, 'lonely.key'), other.keyPem);
  const stale = await readCertificateEntry(join(sub, 'lonely.pem'), { ...options, listing });
  const next = await readCertificateEntry(join(sub, 'lonely.pem'), { ...options, listing: new FolderListing() });
  assert.ok('entry' in stale && 'entry' in next);
  assert.equal(stale.entry.key.status, 'missing');
  assert.equal(next.entry.key.status, 'match');
});
