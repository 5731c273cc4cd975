/**
 * The Certificate Details page as HTML from plain data: what it shows (validity bar with its thresholds, chain with
 * files, key, connection, backups, buttons), and what it must never do (run text from a file as markup, load
 * anything remote, use inline styles the CSP would block).
 */
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_THRESHOLDS, assessExpiry } from '../../../src/core/expiry';
import { readCertificateEntry } from '../../../src/lifecycle/certificateReader';
import type { CertificateEntry } from '../../../src/lifecycle/certificateEntry';
import { chainOf, detailsPageInput } from '../../../src/views/detailsModel';
import { DetailsPageInput, detailsHtml, escapeHtml, validityBar } from '../../../src/views/detailsPage';
import { CertificateView, FactsView, englishTranslate as t } from '../../../src/views/presentation';
import { DAY_MS, TestCert, makeCa, makeLeaf } from '../helpers/certs';

const NOW = new Date('2025-03-02T00:00:00Z');
const facts = (overrides: Partial<FactsView> = {}): FactsView => ({
  subjectText: 'CN=my-app,O=tenant,C=DE',
  issuerText: 'CN=Kyma CA',
  commonName: 'my-app',
  serialNumber: '0A1B2C',
  notBefore: new Date('2025-01-01T00:00:00Z'),
  notAfter: new Date('2025-04-03T00:00:00Z'), // 92 days
  subjectAltNames: [],
  fingerprint256: Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(':'),
  publicKey: { type: 'rsa', bits: 2048 },
  isCA: false,
  selfSigned: false,
  ...overrides,
});
const leafView = (f: FactsView = facts(), revoked = false): CertificateView => ({
  facts: f,
  expiry: assessExpiry(f, NOW, DEFAULT_THRESHOLDS),
  revoked,
  file: 'certs/app.crt',
});
const input = (overrides: Partial<DetailsPageInput> = {}): DetailsPageInput => ({
  file: 'certs/app.crt',
  format: 'pem',
  leaf: leafView(),
  chain: [
    { facts: facts(), file: 'certs/app.crt' },
    { facts: facts({ commonName: 'Kyma CA', subjectText: 'CN=Kyma CA', isCA: true, selfSigned: true }), file: 'certs/app-ca.crt' },
  ],
  key: { status: 'match', file: 'certs/app.key' },
  connection: { backend: 'Kyma Connector Service', urls: [{ label: 'Management info URL', url: 'https://gateway.example/v1/applications/management/info' }] },
  backups: [
    { id: 'b1', createdAt: new Date('2025-02-01T10:00:00Z') },
    { id: 'b0', createdAt: new Date('2025-01-01T09:00:00Z') },
  ],
  thresholds: { ...DEFAULT_THRESHOLDS },
  now: NOW,
  actions: { renew: true, revoke: true, restore: true },
  ...overrides,
});
const render = (i: DetailsPageInput): string => detailsHtml(i, { t, nonce: 'N0nce', cspSource: 'vscode-webview://x' });

test('details page: subject, issuer, chain leaf → CA with files, key, connection, backups with dates, buttons', () => {
  const html = render(input());
  for (const expected of [
    'CN=my-app,O=tenant,C=DE',
    'CN=Kyma CA',
    'certs/app-ca.crt',
    'found, matches (certs/app.key)',
    'Kyma Connector Service',
    'https://gateway.example/v1/applications/management/info',
    '2025-02-01 10:00 UTC',
    '2025-01-01 09:00 UTC',
    'data-action="renew"',
    'data-action="revoke"',
    'data-action="restore"',
  ]) {
    assert.ok(html.includes(expected), `missing ${expected}`);
  }
  // Chain order: the leaf first, then its CA, each with the file it came from.
  const chain = html.slice(html.indexOf('<ol class="chain">'));
  assert.ok(chain.indexOf('my-app') < chain.indexOf('Kyma CA'));
  assert.match(chain, /my-app<\/strong> <span class="muted">Certificate · certs\/app\.crt/);
  // The fingerprint in two lines of 16 bytes.
  assert.match(html, /<code class="fingerprint">00(:[0-9A-F]{2}){15}<br>10(:[0-9A-F]{2}){15}<\/code>/);
});

test('details page: the validity bar shows the used share and where warning and error start', () => {
  const html = render(input());
  // 60 of 92 days used.
  assert.match(html, /\.used \{ width: 65\.2%; \}/);
  assert.match(html, /aria-valuenow="65\.2"/);
  assert.match(html, /65\.2% of 92 days used/);
  const bar = validityBar(facts(), NOW, DEFAULT_THRESHOLDS);
  assert.match(html, new RegExp(`\\.mark\\.warning \\{ left: ${(bar.warningAt * 100).toFixed(1)}%`));
  assert.match(html, new RegExp(`\\.mark\\.error \\{ left: ${(bar.errorAt * 100).toFixed(1)}%`));
  assert.ok(bar.warningAt < bar.errorAt && bar.errorAt < 1);
});

test('validity bar thresholds fall exactly where the expiry assessment changes state', () => {
  for (const thresholds of [DEFAULT_THRESHOLDS, { warnDays: 10, warnFraction: 0.5, errorDays: 3 }, { warnDays: 30, warnFraction: 0, errorDays: 0 }]) {
    const validity = facts();
    const bar = validityBar(validity, NOW, thresholds);
    const at = (date: Date, deltaMs: number) => assessExpiry(validity, new Date(date.getTime() + deltaMs), thresholds).severity;
    assert.equal(at(bar.warningFrom, -1), 'ok', JSON.stringify(thresholds));
    assert.equal(at(bar.warningFrom, 0), 'warning', JSON.stringify(thresholds));
    assert.equal(at(bar.errorFrom, -1), 'warning', JSON.stringify(thresholds));
    assert.equal(at(bar.errorFrom, 0), 'error', JSON.stringify(thresholds));
  }
  // Clamped into the lifetime: a 5-day certificate is in the warning zone from its first day.
  const short = facts({ notBefore: new Date('2025-01-01Z'), notAfter: new Date('2025-01-06Z') });
  const bar = validityBar(short, new Date('2025-01-02Z'), DEFAULT_THRESHOLDS);
  assert.equal(bar.warningAt, 0);
  assert.equal(bar.used, 0.2);
});

test('details page: text from certificate files is escaped, never markup', () => {
  const hostile = '<img src=x onerror=alert(1)>"\'&';
  const f = facts({ commonName: hostile, subjectText: `CN=${hostile}`, issuerText: '</code><script>alert(2)</script>' });
  const html = render(
    input({
      file: 'certs/<b>.crt',
      leaf: leafView(f),
      chain: [{ facts: f, file: 'a"onmouseover="x' }],
      key: { status: 'unreadable', file: '<k>', problem: '<p>' },
      connection: { urls: [{ label: 'infoUrl', url: 'javascript:"><script>' }] },
    }),
  );
  assert.ok(!html.includes('<img'), 'unescaped tag from the subject');
  assert.ok(!html.includes('<b>'), 'unescaped tag from the file name');
  assert.ok(!html.includes('"onmouseover'), 'attribute break-out');
  assert.equal(html.match(/<script/g)?.length, 1, "only the page's own script");
  assert.ok(html.includes(escapeHtml(hostile)));
  // A right-to-left override would make the subject read differently from what it is: shown as an escape.
  const reordered = render(input({ leaf: leafView(facts({ subjectText: 'CN=evil\u202Eppa-ym' })) }));
  assert.ok(!reordered.includes('\u202E'), 'raw bidi override in the page');
  assert.ok(reordered.includes('CN=evil\\u202e'), 'the override is shown as an escape');
});

test('details page: strict CSP with a nonce, nothing remote, no inline style attributes', () => {
  const html = render(input());
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replace(/&#39;/g, "'");
  assert.ok(csp);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-N0nce'/);
  assert.ok(!/unsafe-inline|unsafe-eval|https?:/.test(csp), csp);
  // Every style and script element carries the nonce; nothing the CSP would block silently.
  for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? []) assert.match(tag, /nonce="N0nce"/);
  assert.ok(!/\sstyle="/.test(html), 'style attributes are blocked by the CSP');
  assert.ok(!/\ssrc=|\shref=|url\(/.test(html), 'no resource is loaded');
  // Theme colours only: no hard-coded colour values.
  assert.ok(!/#[0-9a-f]{3,6}\b|rgb\(/i.test(html.slice(html.indexOf('<style'), html.indexOf('</style>'))));
});

test('details page: buttons follow what is possible; a DER file says so; an empty file has no buttons', () => {
  const revoked = render(input({ leaf: leafView(facts(), true), actions: { renew: false, revoke: false, restore: true } }));
  assert.match(revoked, /data-action="renew" disabled/);
  assert.match(revoked, /data-action="revoke" disabled/);
  assert.doesNotMatch(revoked, /data-action="restore" disabled/);
  assert.match(revoked, /class="status error">revoked</);
  assert.match(render(input({ format: 'der' })), /class="badge">DER</);
  const empty = render(input({ leaf: undefined, chain: [] }));
  assert.match(empty, /No certificate found in this file\./);
  assert.equal(empty.match(/ disabled>/g)?.length, 3);
});

let dir: string;
let ca: TestCert;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kyma-details-'));
  ca = makeCa({ subject: 'CN=Kyma', validDays: 3650 });
});
after(() => rm(dir, { recursive: true, force: true }));

async function entryOf(name: string, pem: string): Promise<CertificateEntry> {
  await writeFile(join(dir, name), pem);
  const result = await readCertificateEntry(join(dir, name), { maxFileSizeBytes: 1 << 20 });
  assert.ok('entry' in result);
  return result.entry;
}

test('details model: the chain lists the CA of the -ca.crt once; a revoked certificate offers no Renew', async () => {
  const leaf = makeLeaf(ca, { subject: 'O=Org,CN=chain-app', notBefore: new Date(Date.now() - DAY_MS), validDays: 92, keyName: 'shared-leaf-key' });
  const bundled = await entryOf('chain-app.crt', `${leaf.certPem}${ca.certPem}`);
  const caEntry = await entryOf('chain-app-ca.crt', ca.certPem);
  const chain = chainOf(bundled, caEntry, (f) => f.slice(dir.length + 1));
  assert.deepEqual(
    chain.map((l) => [l.facts.commonName, l.file]),
    [
      ['chain-app', 'chain-app.crt'],
      ['Kyma', 'chain-app.crt'],
    ],
  );

  const model = (entry: CertificateEntry | undefined) =>
    detailsPageInput({
      entry,
      caEntry,
      file: join(dir, 'gone.crt'),
      backups: [],
      thresholds: DEFAULT_THRESHOLDS,
      now: new Date(),
      displayPath: (f) => f,
      t,
    });
  const fine = model(bundled);
  assert.deepEqual(fine.actions, { renew: true, revoke: true, restore: false });
  const revoked = model({ ...bundled, revoked: true, connection: { infoUrl: 'https://g.example/info', revoked: { at: 'x', sha256Hex: 'y' } } });
  assert.deepEqual(revoked.actions, { renew: false, revoke: false, restore: false });
  assert.deepEqual(revoked.connection?.urls, [{ label: 'Management info URL', url: 'https://g.example/info' }]);
  assert.equal(model(undefined).leaf, undefined);
});
