"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Property (issue 7): whatever a server answers — a mutated certificate answer, info answer or error body, or noise —
 * every connector answer decoder returns a value or throws KymaCertError, never another exception, quickly; and an
 * error built from the answer never carries a raw control character into a message.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_perf_hooks_1 = require("node:perf_hooks");
const node_test_1 = require("node:test");
const fast_check_1 = __importDefault(require("fast-check"));
const client_1 = require("../../../src/connector/client");
const errors_1 = require("../../../src/connector/errors");
const errors_2 = require("../../../src/core/errors");
const certs_1 = require("../helpers/certs");
const RUNS = 10_000;
const PER_CALL_LIMIT_MS = 1000;
const ca = (0, certs_1.makeCa)({ keyName: 'answers-ca' });
const leaf = (0, certs_1.makeLeaf)(ca, { keyName: 'answers-leaf' });
const b64 = (text) => Buffer.from(text).toString('base64');
const certificateAnswer = { crt: b64(leaf.certPem + ca.certPem), clientCrt: b64(leaf.certPem), caCrt: b64(ca.certPem) };
const SEEDS = [
    certificateAnswer,
    { ...certificateAnswer, crt: b64(`${leaf.certPem}\r\n${ca.certPem}`).replace(/(.{64})/g, '$1\n') },
    { csrUrl: 'https://connector-service.example/v1/applications/certificates?token=abc', api: { infoUrl: 'https://gateway.example/i' }, certificate: { subject: 'O=o,CN=app' } },
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
const fieldValue = fast_check_1.default.oneof(fast_check_1.default.constantFrom(null, 0, true, [], {}, '', '====', '\u0000', 'not base64!'), fast_check_1.default.string({ maxLength: 200 }), fast_check_1.default.base64String({ maxLength: 400 }), fast_check_1.default.constantFrom(leaf.certPem, ca.certPem, b64(leaf.certPem), b64(ca.certPem), b64('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')), fast_check_1.default.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64')));
/** Replaces, deletes or adds fields at the top level or one level down. */
const jsonEdits = fast_check_1.default
    .tuple(fast_check_1.default.integer({ min: 0, max: SEEDS.length - 1 }), fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.nat(), fast_check_1.default.constantFrom('set', 'delete', 'nest'), fieldValue), { maxLength: 4 }))
    .map(([i, edits]) => {
    const value = JSON.parse(JSON.stringify(SEEDS[i]));
    for (const [pos, op, replacement] of edits) {
        const keys = Object.keys(value);
        const key = keys.length > 0 ? keys[pos % keys.length] : 'x';
        if (op === 'set')
            value[key] = replacement;
        else if (op === 'delete')
            delete value[key];
        else
            value[key] = { [key]: replacement };
    }
    return JSON.stringify(value);
});
const seedText = fast_check_1.default.integer({ min: 0, max: SEEDS.length - 1 }).map((i) => JSON.stringify(SEEDS[i]));
/** Text-level damage: bit flips, truncation, spliced bytes. */
const textEdits = fast_check_1.default.oneof(fast_check_1.default.tuple(seedText, fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.nat(), fast_check_1.default.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 8 })).map(([s, flips]) => {
    const out = Buffer.from(s);
    for (const [pos, bit] of flips)
        out[pos % out.length] ^= 1 << bit;
    return out.toString('latin1');
}), fast_check_1.default.tuple(seedText, fast_check_1.default.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))), fast_check_1.default.tuple(seedText, fast_check_1.default.nat(), fast_check_1.default.string({ maxLength: 40 })).map(([s, at, junk]) => s.slice(0, at % (s.length + 1)) + junk + s.slice(at % (s.length + 1))));
const noise = fast_check_1.default.oneof(fast_check_1.default.string({ maxLength: 2000 }), fast_check_1.default.json({ maxDepth: 3 }), fast_check_1.default.constantFrom('', 'null', '[]', '"x"', '<html>502</html>'));
const answer = fast_check_1.default.oneof({ weight: 4, arbitrary: jsonEdits }, { weight: 3, arbitrary: textEdits }, { weight: 1, arbitrary: noise }, { weight: 1, arbitrary: seedText });
const status = fast_check_1.default.constantFrom(200, 201, 400, 403, 404, 405, 409, 500, 502, 503);
const OP = 'Decoding';
const decoders = [
    ['signingRequestInfo', (t, s) => (0, client_1.signingRequestInfoFrom)(OP, s, (0, client_1.answerBody)(OP, s, t))],
    ['managementInfo', (t, s) => (0, client_1.managementInfoFrom)(OP, s, (0, client_1.answerBody)(OP, s, t))],
    ['certificates', (t, s) => (0, client_1.certificatesFrom)(OP, s, (0, client_1.answerBody)(OP, s, t))],
    [
        'errorFromResponse',
        (t, s) => {
            const e = (0, errors_1.errorFromResponse)(OP, s, t);
            strict_1.default.ok(e instanceof errors_2.KymaCertError);
            // The service's text is escaped on its way into the message (issue 7, row 11).
            strict_1.default.ok(!/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(e.message + (e.serverMessage ?? '')), JSON.stringify(e.message));
            throw e;
        },
    ],
];
(0, node_test_1.test)(`connector answer decoders: ${RUNS} mutated answers → a value or a KymaCertError, each call under ${PER_CALL_LIMIT_MS} ms`, (t) => {
    let results = 0;
    let errors = 0;
    let slowest = 0;
    fast_check_1.default.assert(fast_check_1.default.property(answer, status, (text, code) => {
        for (const [name, decode] of decoders) {
            const started = node_perf_hooks_1.performance.now();
            try {
                decode(text, code);
                results++;
            }
            catch (e) {
                if (!(e instanceof errors_2.KymaCertError))
                    throw new Error(`${name} threw ${e?.name}: ${e?.message}`);
                errors++;
            }
            const elapsed = node_perf_hooks_1.performance.now() - started;
            slowest = Math.max(slowest, elapsed);
            strict_1.default.ok(elapsed < PER_CALL_LIMIT_MS, `${name} took ${elapsed.toFixed(0)} ms`);
        }
    }), { numRuns: RUNS });
    // Both outcomes must occur, or the generators are not reaching the decoders' success paths.
    strict_1.default.ok(results > RUNS / 10, `only ${results} decoded answers`);
    strict_1.default.ok(errors > RUNS / 10, `only ${errors} rejections`);
    t.diagnostic(`slowest call ${slowest.toFixed(1)} ms; ${results} values, ${errors} KymaCertErrors`);
});
//# sourceMappingURL=answers.property.test.js.map