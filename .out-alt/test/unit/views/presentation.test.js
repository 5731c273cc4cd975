"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_test_1 = require("node:test");
const glob_1 = require("../../../src/core/glob");
const hoverContent_1 = require("../../../src/views/hoverContent");
const presentation_1 = require("../../../src/views/presentation");
const statusBarContent_1 = require("../../../src/views/statusBarContent");
const facts = (overrides = {}) => ({
    subjectText: 'CN=my-app,C=DE,O=tenant',
    issuerText: 'CN=Kyma CA',
    commonName: 'my-app',
    serialNumber: '0a1b2c',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2025-04-03T00:00:00Z'),
    subjectAltNames: ['DNS:app.example'],
    fingerprint256: 'AB:CD:EF',
    publicKey: { type: 'rsa', bits: 2048 },
    isCA: false,
    selfSigned: false,
    ...overrides,
});
const expiry = (state, daysLeft) => ({
    state,
    daysLeft,
    // A quarter day past the floored count: shown rounded, the same number.
    msLeft: (daysLeft + 0.25) * 86_400_000,
    severity: state === 'valid' ? 'ok' : state === 'expiring' ? 'warning' : 'error',
});
const view = (overrides = {}) => ({
    facts: facts(),
    expiry: expiry('expiring', 23),
    revoked: false,
    file: 'certs/app.crt',
    key: { status: 'match', file: 'certs/app.key' },
    ...overrides,
});
(0, node_test_1.test)('hover shows subject, issuer, validity with days left, serial, fingerprint, SANs, key and links', () => {
    const md = (0, hoverContent_1.hoverMarkdown)(view(), { t: presentation_1.englishTranslate, target: 'file:///w/certs/app.crt' });
    for (const expected of ['CN=my\u2011app, C=DE, O=tenant', 'CN=Kyma\u00a0CA', '2025-01-01 00:00 UTC', '2025-04-03 00:00 UTC', '23 days left',
        '0a1b2c', 'AB:CD:EF', 'DNS:app.example', 'RSA 2048 bits', 'found, matches (certs/app.key)']) {
        assert.ok(md.includes(expected), `missing ${expected} in\n${md}`);
    }
    const renew = encodeURIComponent(JSON.stringify(['file:///w/certs/app.crt']));
    assert.ok(md.includes(`(command:kymaCert.renewCertificate?${renew})`), md);
    assert.ok(md.includes(`(command:kymaCert.showCertificateDetails?${renew})`), md);
});
(0, node_test_1.test)('hover of a CA certificate or untitled text offers no renewal', () => {
    assert.ok(!(0, hoverContent_1.hoverMarkdown)(view({ facts: facts({ isCA: true }) }), { t: presentation_1.englishTranslate, target: 'file:///w/ca.crt' }).includes('renewCertificate'));
    const untitled = (0, hoverContent_1.hoverMarkdown)(view({ key: undefined, file: undefined }), { t: presentation_1.englishTranslate });
    assert.ok(!untitled.includes('command:'), untitled);
    assert.ok(!untitled.includes('Private key'), untitled);
});
(0, node_test_1.test)('hover reports a missing or mismatching key and a chain position', () => {
    assert.match((0, hoverContent_1.hoverMarkdown)(view({ key: { status: 'missing' } }), { t: presentation_1.englishTranslate }), /Private\u00a0key:\*\* not found/);
    const md = (0, hoverContent_1.hoverMarkdown)(view({ key: { status: 'mismatch', file: 'k.key' } }), { t: presentation_1.englishTranslate, chain: { index: 1, count: 3 } });
    assert.match(md, /does not match/);
    assert.match(md, /\(2 of 3\)/);
    const encrypted = (0, hoverContent_1.hoverMarkdown)(view({ key: { status: 'encrypted', file: 'k.key' } }), { t: presentation_1.englishTranslate });
    assert.match(encrypted, /k\.key is encrypted; it is checked against this certificate when it is used/);
});
(0, node_test_1.test)('markdown from certificate text cannot inject links or formatting', () => {
    const md = (0, hoverContent_1.hoverMarkdown)(view({ facts: facts({ commonName: '[x](command:evil)', subjectText: 'CN=a|b`c' }) }), { t: presentation_1.englishTranslate });
    assert.ok(!md.includes('[x](command:evil)'), md);
    assert.ok(md.includes('\\[x\\](command:evil)'), md);
    assert.ok(md.includes('CN=a\\|b\\`c'), md);
});
(0, node_test_1.test)('status bar text per state', () => {
    assert.equal((0, statusBarContent_1.statusBarText)(view(), presentation_1.englishTranslate), '$(shield) my-app · 23d');
    assert.equal((0, statusBarContent_1.statusBarText)(view({ expiry: expiry('expired', -3) }), presentation_1.englishTranslate), '$(shield) my-app · expired');
    assert.equal((0, statusBarContent_1.statusBarText)(view({ expiry: expiry('not-yet-valid', 40) }), presentation_1.englishTranslate), '$(shield) my-app · not yet valid');
    assert.equal((0, statusBarContent_1.statusBarText)(view({ revoked: true, expiry: expiry('valid', 60) }), presentation_1.englishTranslate), '$(shield) my-app · revoked');
    assert.equal((0, presentation_1.expiryShort)(view({ facts: facts({ commonName: undefined }) }), presentation_1.englishTranslate), '23d');
});
(0, node_test_1.test)('most urgent client certificate: revoked and expired before expiring, CA certificates ignored', () => {
    const expiring = view({ facts: facts({ commonName: 'soon', notAfter: new Date('2025-02-01Z') }) });
    const later = view({ expiry: expiry('valid', 80), facts: facts({ commonName: 'later', notAfter: new Date('2025-06-01Z') }) });
    const expired = view({ expiry: expiry('expired', -1), facts: facts({ commonName: 'gone', notAfter: new Date('2025-01-10Z') }) });
    const ca = view({ expiry: expiry('expired', -9), facts: facts({ commonName: 'ca', isCA: true, notAfter: new Date('2024-01-01Z') }) });
    const revoked = view({ revoked: true, expiry: expiry('valid', 90), facts: facts({ commonName: 'revoked', notAfter: new Date('2025-07-01Z') }) });
    assert.equal((0, statusBarContent_1.mostUrgent)([later, expiring, ca])?.facts.commonName, 'soon');
    assert.equal((0, statusBarContent_1.mostUrgent)([later, expiring, expired, ca])?.facts.commonName, 'gone');
    assert.deepEqual((0, statusBarContent_1.needingAttention)([later, revoked, expiring, ca, expired]).map((v) => v.facts.commonName), ['gone', 'revoked', 'soon']);
    assert.equal((0, statusBarContent_1.mostUrgent)([ca]), undefined);
});
(0, node_test_1.test)('status bar tooltip: subject, issuer, dates, days left, file and a Renew link', () => {
    const md = (0, statusBarContent_1.statusBarTooltip)(view(), { t: presentation_1.englishTranslate, target: 'file:///w/certs/app.crt', othersNeedingAttention: 2 });
    for (const expected of ['CN=my\u2011app, C=DE, O=tenant', 'CN=Kyma\u00a0CA', '2025-04-03 00:00 UTC', '23 days left', 'certs/app.crt',
        '[Renew](command:kymaCert.renewCertificate?', '2 more certificates need attention']) {
        assert.ok(md.includes(expected), `missing ${expected} in\n${md}`);
    }
});
(0, node_test_1.test)('dates are shown in UTC, markdown specials escaped', () => {
    assert.equal((0, presentation_1.formatUtc)(new Date('2026-03-01T12:34:56Z')), '2026-03-01 12:34 UTC');
    assert.equal((0, presentation_1.escapeMarkdown)('a*b_[c]'), 'a\\*b\\_\\[c\\]');
});
(0, node_test_1.test)('globs: files.exclude syntax', () => {
    const excluded = (0, glob_1.globMatcher)(['**/.kyma-backups/**', '**/node_modules/**', '{build,tmp}/*.crt', 'secret?.pem', 'x[!0-9].der']);
    assert.ok(excluded('certs/.kyma-backups/app/1.crt'));
    assert.ok(excluded('.kyma-backups/app.crt'));
    assert.ok(excluded('node_modules/pkg/test.pem'));
    assert.ok(excluded('a/b/node_modules/c.crt'));
    assert.ok(excluded('build/a.crt') && excluded('tmp/a.crt'));
    assert.ok(!excluded('build/sub/a.crt'));
    assert.ok(excluded('secret1.pem') && !excluded('secret12.pem'));
    assert.ok(excluded('xa.der') && !excluded('x1.der'));
    assert.ok(!excluded('certs/app.crt'));
    const include = (0, glob_1.globMatcher)(['**/*.{crt,pem,cer,der}']);
    assert.ok(include('app.crt') && include('a/b/app.der') && !include('app.txt') && !include('app.crt.txt'));
    assert.ok(include('.hidden/app.crt'), 'dot folders are searched like any other');
    const certs = (0, glob_1.globMatcher)(['certs/**']);
    assert.ok(certs('certs') && certs('certs/a/b.crt') && !certs('other/certs.crt'));
    assert.ok(excluded('.cache/node_modules/x.pem'), 'a dot folder above node_modules does not hide it from the exclude');
    assert.ok((0, glob_1.globMatcher)(['**/x.crt'])('a\\x.crt'), 'backslashes are folder separators');
});
//# sourceMappingURL=presentation.test.js.map