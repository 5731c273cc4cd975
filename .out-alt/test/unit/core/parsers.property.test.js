"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Property: whatever bytes arrive (mutated PEM/DER certificates, keys, CSRs, or noise), every core parser either
 * returns a result or throws KymaCertError — never another exception — and returns quickly (hang detector).
 */
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_perf_hooks_1 = require("node:perf_hooks");
const fast_check_1 = __importDefault(require("fast-check"));
const certificate_1 = require("../../../src/core/certificate");
const csr_1 = require("../../../src/core/csr");
const errors_1 = require("../../../src/core/errors");
const keys_1 = require("../../../src/core/keys");
const pem_1 = require("../../../src/core/pem");
const certs_1 = require("../helpers/certs");
const PER_CALL_LIMIT_MS = 1000;
const RUNS = 4000;
const rsaKey = (0, certs_1.keyNamed)('core-rsa');
const ca = (0, certs_1.makeCa)({ key: rsaKey });
const ecLeaf = (0, certs_1.makeLeaf)(ca, { keyType: 'ec' });
const rsaLeaf = (0, certs_1.makeLeaf)(ca, { key: rsaKey, subject: 'O=Organization,OU=OrgUnit,CN=rsa-app' });
const csrPem = (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), ecLeaf.key);
const rsaCsrPem = (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), rsaKey);
const SEEDS = [
    Buffer.from(ecLeaf.certPem),
    Buffer.from(rsaLeaf.certPem + ca.certPem),
    Buffer.from(`subject=CN=x\r\n${ecLeaf.certPem}${ecLeaf.keyPem}`.replace(/\n/g, '\r\n')),
    ecLeaf.certDer,
    ca.certDer,
    Buffer.from(rsaKey.export({ type: 'pkcs1', format: 'pem' })),
    Buffer.from(ecLeaf.keyPem),
    Buffer.from(ecLeaf.key.export({ type: 'sec1', format: 'pem' })),
    rsaKey.export({ type: 'pkcs1', format: 'der' }),
    ecLeaf.key.export({ type: 'sec1', format: 'der' }),
    ecLeaf.key.export({ type: 'pkcs8', format: 'der' }),
    Buffer.from(ecLeaf.key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'p' })),
    Buffer.from(ecLeaf.key.export({ type: 'sec1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'p' })),
    Buffer.from(csrPem),
    Buffer.from(rsaCsrPem),
    (0, pem_1.parseCryptoFile)(csrPem).blocks[0].der,
];
const seed = fast_check_1.default.integer({ min: 0, max: SEEDS.length - 1 }).map((i) => SEEDS[i]);
/** Flips 1–16 random bits. */
const bitFlips = fast_check_1.default
    .tuple(seed, fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.nat(), fast_check_1.default.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 16 }))
    .map(([s, flips]) => {
    const out = Buffer.from(s);
    for (const [pos, bit] of flips)
        out[pos % out.length] ^= 1 << bit;
    return out;
});
const truncation = fast_check_1.default.tuple(seed, fast_check_1.default.nat()).map(([s, n]) => s.subarray(0, n % (s.length + 1)));
const junkLine = fast_check_1.default.oneof(fast_check_1.default.string({ maxLength: 80 }), fast_check_1.default.constantFrom('-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '-----BEGIN RSA PRIVATE KEY-----', '-----END PRIVATE KEY-----', 'Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF', '====', 'MIIB', '', '\r'), fast_check_1.default.base64String({ maxLength: 64 }));
/** Inserts, deletes or duplicates lines. */
const lineEdits = fast_check_1.default
    .tuple(seed, fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.nat(), fast_check_1.default.constantFrom('insert', 'delete', 'duplicate'), junkLine), { minLength: 1, maxLength: 6 }))
    .map(([s, edits]) => {
    const lines = s.toString('latin1').split('\n');
    for (const [pos, op, line] of edits) {
        const i = pos % (lines.length + 1);
        if (op === 'insert')
            lines.splice(i, 0, line);
        else if (op === 'delete')
            lines.splice(i, 1);
        else
            lines.splice(i, 0, lines[i] ?? line);
    }
    return Buffer.from(lines.join('\n'), 'latin1');
});
/** Replaces a range with random bytes. */
const splice = fast_check_1.default
    .tuple(seed, fast_check_1.default.nat(), fast_check_1.default.nat({ max: 64 }), fast_check_1.default.uint8Array({ maxLength: 64 }))
    .map(([s, at, len, bytes]) => {
    const start = at % (s.length + 1);
    return Buffer.concat([s.subarray(0, start), Buffer.from(bytes), s.subarray(start + len)]);
});
const noise = fast_check_1.default.oneof(fast_check_1.default.uint8Array({ maxLength: 4096 }).map((a) => Buffer.from(a)), fast_check_1.default.uint8Array({ maxLength: 512 }).map((a) => Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0xff]), Buffer.from(a)])), fast_check_1.default.string({ maxLength: 2000 }).map((s) => Buffer.from(s)));
const input = fast_check_1.default.oneof(bitFlips, truncation, lineEdits, splice, noise, seed);
const parsers = [
    ['parseCryptoFile', (d) => (0, pem_1.parseCryptoFile)(d)],
    ['parseCryptoFile(string)', (d) => (0, pem_1.parseCryptoFile)(d.toString('latin1'))],
    ['certificateFacts', (d) => (0, certificate_1.certificateFacts)(d)],
    ['loadPrivateKey', (d) => (0, keys_1.loadPrivateKey)(d)],
    ['parseCsr', (d) => (0, csr_1.parseCsr)(d)],
];
(0, node_test_1.test)(`core parsers: ${RUNS} mutated inputs → a result or a KymaCertError, each call under ${PER_CALL_LIMIT_MS} ms`, (t) => {
    let slowest = 0;
    let errors = 0;
    let results = 0;
    fast_check_1.default.assert(fast_check_1.default.property(input, (data) => {
        for (const [name, parse] of parsers) {
            const started = node_perf_hooks_1.performance.now();
            try {
                parse(data);
                results++;
            }
            catch (e) {
                if (!(e instanceof errors_1.KymaCertError)) {
                    throw new Error(`${name} threw ${e?.name}: ${e?.message}`);
                }
                errors++;
            }
            const elapsed = node_perf_hooks_1.performance.now() - started;
            slowest = Math.max(slowest, elapsed);
            strict_1.default.ok(elapsed < PER_CALL_LIMIT_MS, `${name} took ${elapsed.toFixed(0)} ms`);
        }
    }), { numRuns: RUNS });
    // Both outcomes must occur, or the generators are not exercising the parsers.
    strict_1.default.ok(results > RUNS / 10, `only ${results} successful parses`);
    strict_1.default.ok(errors > RUNS / 10, `only ${errors} rejections`);
    t.diagnostic(`slowest call ${slowest.toFixed(1)} ms; ${results} results, ${errors} KymaCertErrors`);
});
//# sourceMappingURL=parsers.property.test.js.map