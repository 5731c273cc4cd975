"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const certificate_1 = require("../../../src/core/certificate");
const pem_1 = require("../../../src/core/pem");
const problems_1 = require("../../../src/core/problems");
const certs_1 = require("../helpers/certs");
// Whole seconds: X.509 validity has second resolution, so day counts below come out exact.
const now = new Date('2025-06-01T12:00:00Z');
/** Parse `text` like the editor does and judge it. */
function problemsOf(text, extra = {}) {
    const { blocks } = (0, pem_1.parseCryptoFile)(text);
    return (0, problems_1.findProblems)({ blocks, facts: (0, problems_1.factsForBlocks)(blocks), now, ...extra });
}
/** 0-based line of the n-th BEGIN line in `text`. */
function beginLine(text, n = 0) {
    return text.split('\n').map((l, i) => (l.startsWith('-----BEGIN') ? i : -1)).filter((i) => i >= 0)[n];
}
const leafOk = (0, certs_1.certValid)(now, -30, 335); // 335 of 365 days left
(0, node_test_1.test)('a healthy client certificate has no problems', () => {
    strict_1.default.deepEqual(problemsOf(leafOk, { key: { status: 'match', file: 'app.key' } }), []);
});
(0, node_test_1.test)('an expiring certificate is a renewable warning at its block', () => {
    const text = `subject=CN=my-app\n${(0, certs_1.certValid)(now, -70, 20)}`; // 20 days left: within warnDays 30
    const [p, ...rest] = problemsOf(text);
    strict_1.default.deepEqual(rest, []);
    strict_1.default.equal(p.code, 'expiring');
    strict_1.default.equal(p.severity, 'warning');
    strict_1.default.equal(p.renewable, true);
    strict_1.default.match(p.message, /expires in 20 days \(2025-06-21 12:00 UTC\)\. Renew it\./);
    strict_1.default.equal(p.startLine, 1);
    strict_1.default.equal(p.endLine, text.trimEnd().split('\n').length - 1);
});
(0, node_test_1.test)('a certificate in its last days is a renewable error', () => {
    const [p] = problemsOf((0, certs_1.certValid)(now, -87, 3));
    strict_1.default.equal(p.code, 'expiring');
    strict_1.default.equal(p.severity, 'error');
    strict_1.default.equal(p.renewable, true);
    strict_1.default.match(p.message, /expires in 3 days/);
});
(0, node_test_1.test)('days in the message are rounded like the status bar shows them (11.6 days: 12)', () => {
    const [p] = problemsOf((0, certs_1.certValid)(now, -80.4, 11.6));
    strict_1.default.match(p.message, /expires in 12 days/);
});
(0, node_test_1.test)('thresholds are honoured', () => {
    const text = (0, certs_1.certValid)(now, -60, 40); // 40 days and 40% left: above both default thresholds
    strict_1.default.deepEqual(problemsOf(text), []);
    strict_1.default.equal(problemsOf(text, { thresholds: { warnDays: 45, warnFraction: 0, errorDays: 7 } })[0]?.code, 'expiring');
});
(0, node_test_1.test)('an expired certificate is an error that renewal cannot fix', () => {
    const [p, ...rest] = problemsOf((0, certs_1.certValid)(now, -95, -5));
    strict_1.default.deepEqual(rest, []);
    strict_1.default.equal(p.code, 'expired');
    strict_1.default.equal(p.severity, 'error');
    strict_1.default.equal(p.renewable, false);
    strict_1.default.match(p.message, /expired 5 days ago .*one-time token/);
    strict_1.default.match(problemsOf((0, certs_1.certValid)(now, -90, -0.5))[0].message, /expired today/);
});
(0, node_test_1.test)('a certificate that is not valid yet is an error pointing at the clock', () => {
    const [p] = problemsOf((0, certs_1.certValid)(now, 2, 92));
    strict_1.default.equal(p.code, 'not-yet-valid');
    strict_1.default.equal(p.severity, 'error');
    strict_1.default.equal(p.renewable, false);
    strict_1.default.match(p.message, /not valid until 2025-06-03 12:00 UTC.*clock/);
});
(0, node_test_1.test)('a CA certificate before the client certificate is a bundle-order warning at the CA block', () => {
    const ca = (0, certs_1.certValid)(now, -100, 3000, { isCA: true });
    const other = (0, certs_1.certValid)(now, -100, 3000, { isCA: true, commonName: 'Root' });
    const text = `${ca}${leafOk}${other}`;
    const problems = problemsOf(text);
    strict_1.default.equal(problems.length, 1);
    strict_1.default.equal(problems[0].code, 'bundle-order');
    strict_1.default.equal(problems[0].severity, 'warning');
    strict_1.default.equal(problems[0].startLine, beginLine(text, 0));
    strict_1.default.match(problems[0].message, /client certificate first/);
    // Leaf first, CA after it: the order openssl and the service expect.
    strict_1.default.deepEqual(problemsOf(`${leafOk}${ca}`), []);
    // A CA file on its own (app-ca.crt) has no client certificate to be out of order with.
    strict_1.default.deepEqual(problemsOf(`${ca}${other}`), []);
});
(0, node_test_1.test)('expiry of a CA in the bundle is reported at the CA block but is not renewable', () => {
    const ca = (0, certs_1.certValid)(now, -3000, 10, { isCA: true });
    const text = `${leafOk}${ca}`;
    const [p] = problemsOf(text);
    strict_1.default.equal(p.code, 'expiring');
    strict_1.default.equal(p.renewable, false);
    strict_1.default.match(p.message, /^CA certificate expires in 10 days/);
    strict_1.default.equal(p.startLine, beginLine(text, 1));
});
(0, node_test_1.test)('key pairing problems sit on the client certificate', () => {
    const ca = (0, certs_1.certValid)(now, -100, 3000, { isCA: true });
    const text = `${leafOk}${ca}`;
    const at = (key) => problemsOf(text, { key });
    const [mismatch] = at({ status: 'mismatch', file: 'app.key' });
    strict_1.default.equal(mismatch.code, 'key-mismatch');
    strict_1.default.equal(mismatch.severity, 'error');
    strict_1.default.equal(mismatch.startLine, 0);
    strict_1.default.match(mismatch.message, /^app\.key does not match this certificate/);
    const [missing] = at({ status: 'missing', file: 'app.key' });
    strict_1.default.deepEqual([missing.code, missing.severity], ['key-missing', 'information']);
    strict_1.default.match(missing.message, /expected app\.key/);
    const [unreadable] = at({ status: 'unreadable', file: 'app.key', problem: 'private key (pkcs8) is malformed' });
    strict_1.default.deepEqual([unreadable.code, unreadable.severity], ['key-unreadable', 'warning']);
    strict_1.default.match(unreadable.message, /malformed/);
    strict_1.default.deepEqual(at({ status: 'match' }), []);
    strict_1.default.deepEqual(at({ status: 'encrypted', file: 'app.key' }), [], 'an encrypted key is paired, not a problem');
});
(0, node_test_1.test)('a revoked certificate gets one revoked error and no expiry noise', () => {
    const text = (0, certs_1.certValid)(now, -70, 20);
    const sha256Hex = (0, certificate_1.certificateFacts)(text).sha256Hex;
    const problems = problemsOf(text, { revoked: { at: '2025-05-30T08:00:00Z', sha256Hex: sha256Hex.toUpperCase() } });
    strict_1.default.equal(problems.length, 1);
    strict_1.default.equal(problems[0].code, 'revoked');
    strict_1.default.equal(problems[0].severity, 'error');
    strict_1.default.equal(problems[0].renewable, false);
    strict_1.default.match(problems[0].message, /revoked on 2025-05-30 08:00 UTC\. Request a new certificate with a one-time token/);
    // The remembered revocation was of an older certificate: the one in the file is fine.
    const renewed = problemsOf(leafOk, { revoked: { at: '2025-05-30T08:00:00Z', sha256Hex } });
    strict_1.default.deepEqual(renewed, []);
});
(0, node_test_1.test)('a damaged PEM block is reported where it is', () => {
    const text = `${leafOk}-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n`;
    const problems = problemsOf(text);
    strict_1.default.equal(problems.length, 1);
    strict_1.default.equal(problems[0].code, 'malformed-block');
    strict_1.default.equal(problems[0].startLine, beginLine(text, 1));
    strict_1.default.equal(problems[0].endLine, beginLine(text, 1) + 2);
    strict_1.default.match(problems[0].message, /invalid base64 on line/);
});
(0, node_test_1.test)('a certificate block that is valid base64 but not X.509 is unreadable', () => {
    const text = `-----BEGIN CERTIFICATE-----\n${Buffer.from('definitely not DER').toString('base64')}\n-----END CERTIFICATE-----\n`;
    const [p] = problemsOf(text);
    strict_1.default.equal(p.code, 'unreadable-certificate');
    strict_1.default.deepEqual([p.startLine, p.endLine], [0, 2]);
});
(0, node_test_1.test)('messages go through the translate function', () => {
    const seen = [];
    const problems = problemsOf((0, certs_1.certValid)(now, -70, 20), {
        translate: (message, ...args) => {
            seen.push(message);
            return `«${message}»${args.length}`;
        },
    });
    strict_1.default.ok(seen.includes('Certificate expires {0} ({1}). Renew it.'));
    strict_1.default.match(problems[0].message, /^«Certificate expires/);
});
//# sourceMappingURL=problems.test.js.map