/**
 * Property: whatever bytes arrive (mutated PEM/DER certificates, keys, CSRs, or noise), every core parser either
 * returns a result or throws KymaCertError — never another exception — and returns quickly (hang detector).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { certificateFacts } from '../../../src/core/certificate';
import { createCsr, parseCsr } from '../../../src/core/csr';
import { KymaCertError } from '../../../src/core/errors';
import { loadPrivateKey } from '../../../src/core/keys';
import { parseCryptoFile, scanPemLines } from '../../../src/core/pem';
import { keyNamed, kymaSubject, makeCa, makeLeaf } from '../helpers/certs';

const PER_CALL_LIMIT_MS = 1000;
const RUNS = 4000;

const rsaKey = keyNamed('core-rsa');
const ca = makeCa({ key: rsaKey });
const ecLeaf = makeLeaf(ca, { keyType: 'ec' });
const rsaLeaf = makeLeaf(ca, { key: rsaKey, subject: 'O=Organization,OU=OrgUnit,CN=rsa-app' });
const csrPem = createCsr(kymaSubject(), ecLeaf.key);
const rsaCsrPem = createCsr(kymaSubject(), rsaKey);

const SEEDS: Buffer[] = [
  Buffer.from(ecLeaf.certPem),
  Buffer.from(rsaLeaf.certPem + ca.certPem),
  Buffer.from(`subject=CN=x\r\n${ecLeaf.certPem}${ecLeaf.keyPem}`.replace(/\n/g, '\r\n')),
  ecLeaf.certDer,
  ca.certDer,
  Buffer.from(rsaKey.export({ type: 'pkcs1', format: 'pem' }) as string),
  Buffer.from(ecLeaf.keyPem),
  Buffer.from(ecLeaf.key.export({ type: 'sec1', format: 'pem' }) as string),
  rsaKey.export({ type: 'pkcs1', format: 'der' }),
  ecLeaf.key.export({ type: 'sec1', format: 'der' }),
  ecLeaf.key.export({ type: 'pkcs8', format: 'der' }),
  Buffer.from(ecLeaf.key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'p' }) as string),
  Buffer.from(ecLeaf.key.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'p' }) as string),
  Buffer.from(csrPem),
  Buffer.from(rsaCsrPem),
  parseCryptoFile(csrPem).blocks[0].der,
];

const seed = fc.integer({ min: 0, max: SEEDS.length - 1 }).map((i) => SEEDS[i]);

/** Flips 1–16 random bits. */
const bitFlips = fc.tuple(seed, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 16 })).map(([s, flips]) => {
  const out = Buffer.from(s);
  for (const [pos, bit] of flips) out[pos % out.length] ^= 1 << bit;
  return out;
});

const truncation = fc.tuple(seed, fc.nat()).map(([s, n]) => s.subarray(0, n % (s.length + 1)));

const junkLine = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '-----BEGIN CERTIFICATE-----',
    '-----END CERTIFICATE-----',
    '-----BEGIN RSA PRIVATE KEY-----',
    '-----END PRIVATE KEY-----',
    'Proc-Type: 4,ENCRYPTED',
    'DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF',
    '====',
    'MIIB',
    '',
    '\r',
  ),
  fc.base64String({ maxLength: 64 }),
);

/** Inserts, deletes or duplicates lines. */
const lineEdits = fc
  .tuple(seed, fc.array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'duplicate'), junkLine), { minLength: 1, maxLength: 6 }))
  .map(([s, edits]) => {
    const lines = s.toString('latin1').split('\n');
    for (const [pos, op, line] of edits) {
      const i = pos % (lines.length + 1);
      if (op === 'insert') lines.splice(i, 0, line);
      else if (op === 'delete') lines.splice(i, 1);
      else lines.splice(i, 0, lines[i] ?? line);
    }
    return Buffer.from(lines.join('\n'), 'latin1');
  });

/** Replaces a range with random bytes. */
const splice = fc.tuple(seed, fc.nat(), fc.nat({ max: 64 }), fc.uint8Array({ maxLength: 64 })).map(([s, at, len, bytes]) => {
  const start = at % (s.length + 1);
  return Buffer.concat([s.subarray(0, start), Buffer.from(bytes), s.subarray(start + len)]);
});

const noise = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)),
  fc.uint8Array({ maxLength: 512 }).map((a) => Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0xff]), Buffer.from(a)])),
  fc.string({ maxLength: 2000 }).map((s) => Buffer.from(s)),
);

const input = fc.oneof(bitFlips, truncation, lineEdits, splice, noise, seed);

const parsers: Array<[string, (data: Buffer) => unknown]> = [
  ['parseCryptoFile', (d) => parseCryptoFile(d)],
  ['parseCryptoFile(string)', (d) => parseCryptoFile(d.toString('latin1'))],
  ['certificateFacts', (d) => certificateFacts(d)],
  ['loadPrivateKey', (d) => loadPrivateKey(d)],
  ['parseCsr', (d) => parseCsr(d)],
];

test(`core parsers: ${RUNS} mutated inputs → a result or a KymaCertError, each call under ${PER_CALL_LIMIT_MS} ms`, (t) => {
  let slowest = 0;
  let errors = 0;
  let results = 0;
  fc.assert(
    fc.property(input, (data) => {
      for (const [name, parse] of parsers) {
        const started = performance.now();
        try {
          parse(data);
          results++;
        } catch (e) {
          if (!(e instanceof KymaCertError)) {
            throw new Error(`${name} threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
          }
          errors++;
        }
        const elapsed = performance.now() - started;
        slowest = Math.max(slowest, elapsed);
        assert.ok(elapsed < PER_CALL_LIMIT_MS, `${name} took ${elapsed.toFixed(0)} ms`);
      }
    }),
    { numRuns: RUNS },
  );
  // Both outcomes must occur, or the generators are not exercising the parsers.
  assert.ok(results > RUNS / 10, `only ${results} successful parses`);
  assert.ok(errors > RUNS / 10, `only ${errors} rejections`);
  t.diagnostic(`slowest call ${slowest.toFixed(1)} ms; ${results} results, ${errors} KymaCertErrors`);
});

test('PEM text: the fast path for tidy files gives exactly what the line scanner gives, for any text', () => {
  const bodyLines = ecLeaf.certPem.trim().split('\n').slice(1, -1);
  const fragment = fc.oneof(
    fc.constantFrom('CERTIFICATE', 'PRIVATE KEY', 'RSA PRIVATE KEY', 'TRUSTED CERTIFICATE', 'X', ' CERTIFICATE ').map((l) => `-----BEGIN ${l}-----`),
    fc.constantFrom('CERTIFICATE', 'PRIVATE KEY', 'OTHER').map((l) => `-----END ${l}-----`),
    fc.constantFrom(...bodyLines, 'QUJD', 'QUI=', 'QQ==', 'Q===', '=', 'AB=C', 'A', 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,00', ''),
    fc.constantFrom('subject=CN=x', '-----', ' -----BEGIN CERTIFICATE-----', '\ufeff-----BEGIN CERTIFICATE-----', 'text -----END X-----'),
    fc.string({ maxLength: 6 }),
  );
  const pem = fc
    .tuple(fc.array(fc.tuple(fragment, fc.constantFrom('\n', '\r\n', '\r', ' \n', '')), { maxLength: 40 }), fc.boolean())
    .map(([parts, wellFormedFirst]) => (wellFormedFirst ? ecLeaf.certPem : '') + parts.map(([f, br]) => f + br).join(''));
  fc.assert(
    fc.property(pem, (text) => {
      const fast = parseCryptoFile(text);
      const lines = scanPemLines(text);
      assert.deepEqual(
        fast.blocks.map((b) => ({ ...b, der: b.der.toString('hex') })),
        lines.blocks.map((b) => ({ ...b, der: b.der.toString('hex') })),
      );
      assert.equal(fast.format, lines.format);
    }),
    { numRuns: 3000 },
  );
  // Real files: a chain and a key, LF and CRLF.
  for (const text of [rsaLeaf.certPem + ca.certPem, (ecLeaf.certPem + ecLeaf.keyPem).replace(/\n/g, '\r\n')]) {
    assert.deepEqual(parseCryptoFile(text), scanPemLines(text));
  }
});
