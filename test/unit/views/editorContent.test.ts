/**
 * The vscode-free halves of the Problems entries and the Certificates view, over entries read from real files
 * by the index's own reader (so pairing, connection and line ranges are the ones the editor sees).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_THRESHOLDS } from '../../../src/core/expiry';
import type { CertificateEntry } from '../../../src/lifecycle/certificateEntry';
import { readCertificateEntry } from '../../../src/lifecycle/certificateReader';
import { certificateRow, compareByExpiry, contextValueOf } from '../../../src/views/certificatesViewContent';
import { keyFileOf, problemsOfEntry } from '../../../src/views/diagnosticsContent';
import { englishTranslate } from '../../../src/views/presentation';
import { DAY_MS, TestCert, makeCa, makeLeaf } from '../helpers/certs';
import { viewOf } from '../../../src/views/entryView';

let dir: string;
let ca: TestCert;
const now = () => new Date();

/** A leaf valid from `startedDaysAgo` for `validDays`, signed by the shared CA, with the shared key. */
function leaf(cn: string, startedDaysAgo: number, validDays: number): TestCert {
  return makeLeaf(ca, {
    subject: `O=Organization,CN=${cn}`,
    notBefore: new Date(Date.now() - startedDaysAgo * DAY_MS),
    validDays,
    keyName: 'shared-leaf-key',
  });
}

async function entryOf(file: string, contents: string, extra: Record<string, string> = {}): Promise<CertificateEntry> {
  for (const [name, data] of Object.entries(extra)) await writeFile(join(dir, name), data, { mode: 0o600 });
  await writeFile(join(dir, file), contents);
  const result = await readCertificateEntry(join(dir, file), { maxFileSizeBytes: 1 << 20 });
  assert.ok('entry' in result, JSON.stringify(result));
  return result.entry;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kyma-editor-content-'));
  ca = makeCa({ subject: 'CN=Kyma', validDays: 3650 });
});
after(() => rm(dir, { recursive: true, force: true }));

test('problems of an indexed bundle: CA first is reported at the CA block, expiry at the client block', async () => {
  const client = leaf('bundled', 80, 92); // 12 days left
  const entry = await entryOf('bundle.crt', `${ca.certPem}${client.certPem}`, { 'bundle.key': client.keyPem });
  const problems = problemsOfEntry(entry, now(), DEFAULT_THRESHOLDS, englishTranslate);
  const byCode = new Map(problems.map((p) => [p.code, p]));
  assert.deepEqual([...byCode.keys()].sort(), ['bundle-order', 'expiring']);
  assert.equal(byCode.get('bundle-order')!.startLine, entry.certificates[0].startLine);
  assert.equal(byCode.get('expiring')!.startLine, entry.certificates[1].startLine);
  assert.equal(byCode.get('expiring')!.renewable, true);
  assert.equal(keyFileOf(entry), join(dir, 'bundle.key'));
});

test('a key that does not match is named as the user sees it', async () => {
  const client = leaf('mismatched', 1, 90);
  const stranger = makeLeaf(ca, { subject: 'CN=stranger', keyName: 'stranger-key' });
  const entry = await entryOf('mismatched.crt', client.certPem, { 'mismatched.key': stranger.keyPem });
  const [p] = problemsOfEntry(entry, now(), DEFAULT_THRESHOLDS, englishTranslate, (f) => `certs/${f.split('/').pop()}`);
  assert.equal(p.code, 'key-mismatch');
  assert.match(p.message, /^certs\/mismatched\.key does not match this certificate/);
});

test('the remembered revocation of this certificate is a revoked problem; a missing key is information', async () => {
  const client = leaf('revoked-app', 10, 90);
  const probe = await entryOf('revoked-app.crt', client.certPem);
  const sha256Hex = probe.certificates[0].facts.sha256Hex;
  const connection = JSON.stringify({
    infoUrl: 'https://gateway.example.com/v1/applications/management/info',
    revoked: { at: new Date().toISOString(), sha256Hex },
  });
  const entry = await entryOf('revoked-app.crt', client.certPem, { 'revoked-app.kyma.json': connection });
  const codes = problemsOfEntry(entry, now(), DEFAULT_THRESHOLDS, englishTranslate).map((p) => `${p.code}:${p.severity}`);
  assert.deepEqual(codes, ['revoked:error', 'key-missing:information']);
  assert.equal(keyFileOf(entry), undefined);
});

test('view rows: soonest expiry first, actions by state', async () => {
  const healthy = await entryOf('healthy.crt', leaf('healthy', 1, 90).certPem);
  const expiring = await entryOf('expiring.crt', leaf('expiring', 80, 92).certPem);
  const expired = await entryOf('expired.crt', leaf('expired', 100, 92).certPem);
  const caEntry = await entryOf('kyma-ca.crt', ca.certPem);
  const views = [healthy, caEntry, expired, expiring].map((entry) => ({
    entry,
    view: viewOf(entry, entry.certificates[0], now(), DEFAULT_THRESHOLDS, (f) => f),
  }));
  const rows = views.sort(compareByExpiry).map(({ entry, view }) => certificateRow(entry.file, view, entry.file.split('/').pop()!, englishTranslate));
  assert.deepEqual(
    rows.map((r) => r.label),
    ['expired', 'expiring', 'healthy', 'Kyma'],
  );
  assert.deepEqual(
    rows.map((r) => r.contextValue),
    ['kymaCert:client:needsToken', 'kymaCert:client:renewable:revocable', 'kymaCert:client:renewable:revocable', 'kymaCert:ca'],
  );
  assert.deepEqual(
    rows.map((r) => r.icon.id),
    ['error', 'warning', 'verified', 'verified'],
  );
  assert.match(rows[0].description, /^expired 8 days ago · expired\.crt$/);
  assert.match(rows[1].description, /^1[12] days left · expiring\.crt$/);
  const revokedView = { ...views[0].view, revoked: true, expiry: { ...views[0].view.expiry, state: 'valid' as const, severity: 'ok' as const } };
  assert.equal(contextValueOf(revokedView), 'kymaCert:client:needsToken');
});
