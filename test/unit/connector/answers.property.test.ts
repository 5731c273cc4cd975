/**
 * Property (issue 7): whatever a server answers — a mutated certificate answer, info answer or error body, or noise —
 * every connector answer decoder returns a value or throws KymaCertError, never another exception, quickly; and an
 * error built from the answer never carries a raw control character into a message.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import fc from 'fast-check';
import { answerBody, certificatesFrom, managementInfoFrom, signingRequestInfoFrom } from '../../../src/connector/client';
import { errorFromResponse } from '../../../src/connector/errors';
import { KymaCertError } from '../../../src/core/errors';
import { makeCa, makeLeaf } from '../helpers/certs';

const RUNS = 10_000;
const PER_CALL_LIMIT_MS = 1000;

const ca = makeCa({ keyName: 'answers-ca' });
const leaf = makeLeaf(ca, { keyName: 'answers-leaf' });
const b64 = (text: string): string => Buffer.from(text).toString('base64');

const certificateAnswer = { crt: b64(leaf.certPem + ca.certPem), clientCrt: b64(leaf.certPem), caCrt: b64(ca.certPem) };
const SEEDS: unknown[] = [
  certificateAnswer,
  { ...certificateAnswer, crt: b64(`${leaf.certPem}\r\n${ca.certPem}`).replace(/(.{64})/g, '$1\n') },
  {
    csrUrl: 'https://connector-service.example/v1/applications/certificates?token=abc',
    api: { infoUrl: 'https://gateway.example/i' },
    certificate: { subject: 'O=o,CN=app' },
  },
  {
    clientIdentity: { application: 'app' },
    urls: { renewCertUrl: 'https://gateway.example/r', revokeCertUrl: 'https://gateway.example/v' },
    certificate: { subject: 'O=o,CN=app' },
  },
  { code: 403, error: 'Invalid token.' },
  { code: 403, error: 'Certificate has been revoked.' },
  { code: 400, error: 'CSR: No country provided.' },
  { code: 500, error: '\u001b[2J\r\nRenewed forged line\u202e' },
];

/** A JSON value that replaces a field: the wrong type, an empty or hostile string, base64 of junk. */
const fieldValue = fc.oneof(
  fc.constantFrom(null, 0, true, [], {}, '', '====', '\u0000', 'not base64!'),
  fc.string({ maxLength: 200 }),
  fc.base64String({ maxLength: 400 }),
  fc.constantFrom(leaf.certPem, ca.certPem, b64(leaf.certPem), b64(ca.certPem), b64('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64')),
);

/** Replaces, deletes or adds fields at the top level or one level down. */
const jsonEdits = fc
  .tuple(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('set', 'delete', 'nest'), fieldValue), { maxLength: 4 }))
  .map(([i, edits]) => {
    const value = JSON.parse(JSON.stringify(SEEDS[i])) as Record<string, unknown>;
    for (const [pos, op, replacement] of edits) {
      const keys = Object.keys(value);
      const key = keys.length > 0 ? keys[pos % keys.length] : 'x';
      if (op === 'set') value[key] = replacement;
      else if (op === 'delete') delete value[key];
      else value[key] = { [key]: replacement };
    }
    return JSON.stringify(value);
  });

const seedText = fc.integer({ min: 0, max: SEEDS.length - 1 }).map((i) => JSON.stringify(SEEDS[i]));

/** Text-level damage: bit flips, truncation, spliced bytes. */
const textEdits = fc.oneof(
  fc.tuple(seedText, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 8 })).map(([s, flips]) => {
    const out = Buffer.from(s);
    for (const [pos, bit] of flips) out[pos % out.length] ^= 1 << bit;
    return out.toString('latin1');
  }),
  fc.tuple(seedText, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
  fc.tuple(seedText, fc.nat(), fc.string({ maxLength: 40 })).map(([s, at, junk]) => s.slice(0, at % (s.length + 1)) + junk + s.slice(at % (s.length + 1))),
);

const noise = fc.oneof(fc.string({ maxLength: 2000 }), fc.json({ maxDepth: 3 }), fc.constantFrom('', 'null', '[]', '"x"', '<html>502</html>'));

const answer = fc.oneof(
  { weight: 4, arbitrary: jsonEdits },
  { weight: 3, arbitrary: textEdits },
  { weight: 1, arbitrary: noise },
  { weight: 1, arbitrary: seedText },
);
const status = fc.constantFrom(200, 201, 400, 403, 404, 405, 409, 500, 502, 503);

const OP = 'Decoding';
const decoders: Array<[string, (text: string, status: number) => unknown]> = [
  ['signingRequestInfo', (t, s) => signingRequestInfoFrom(OP, s, answerBody(OP, s, t))],
  ['managementInfo', (t, s) => managementInfoFrom(OP, s, answerBody(OP, s, t))],
  ['certificates', (t, s) => certificatesFrom(OP, s, answerBody(OP, s, t))],
  [
    'errorFromResponse',
    (t, s) => {
      const e = errorFromResponse(OP, s, t);
      assert.ok(e instanceof KymaCertError);
      // The service's text is escaped on its way into the message (issue 7, row 11).
      assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(e.message + (e.serverMessage ?? '')), JSON.stringify(e.message));
      throw e;
    },
  ],
];

test(`connector answer decoders: ${RUNS} mutated answers → a value or a KymaCertError, each call under ${PER_CALL_LIMIT_MS} ms`, (t) => {
  let results = 0;
  let errors = 0;
  let slowest = 0;
  fc.assert(
    fc.property(answer, status, (text, code) => {
      for (const [name, decode] of decoders) {
        const started = performance.now();
        try {
          decode(text, code);
          results++;
        } catch (e) {
          if (!(e instanceof KymaCertError)) throw new Error(`${name} threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
          errors++;
        }
        const elapsed = performance.now() - started;
        slowest = Math.max(slowest, elapsed);
        assert.ok(elapsed < PER_CALL_LIMIT_MS, `${name} took ${elapsed.toFixed(0)} ms`);
      }
    }),
    { numRuns: RUNS },
  );
  // Both outcomes must occur, or the generators are not reaching the decoders' success paths.
  assert.ok(results > RUNS / 10, `only ${results} decoded answers`);
  assert.ok(errors > RUNS / 10, `only ${errors} rejections`);
  t.diagnostic(`slowest call ${slowest.toFixed(1)} ms; ${results} values, ${errors} KymaCertErrors`);
});
