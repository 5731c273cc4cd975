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
/**
 * The hover and the status-bar tooltip laid out for a ~500-px hover, and the days-left count people expect.
 */
const assert = __importStar(require("node:assert/strict"));
const node_test_1 = require("node:test");
const hoverContent_1 = require("../../../src/views/hoverContent");
const presentation_1 = require("../../../src/views/presentation");
const statusBarContent_1 = require("../../../src/views/statusBarContent");
const expiry_1 = require("../../../src/core/expiry");
const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (0xa0 + i).toString(16).toUpperCase()).join(':');
const facts = (overrides = {}) => ({
    subjectText: 'CN=expiring-app,OU=Org Unit,O=Some Organization,L=Waldorf,ST=Waldorf,C=DE',
    issuerText: 'CN=Kyma CA,O=Kyma',
    commonName: 'expiring-app',
    serialNumber: '0A1B2C',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2025-04-03T00:00:00Z'),
    subjectAltNames: [],
    fingerprint256: FINGERPRINT,
    publicKey: { type: 'rsa', bits: 2048 },
    isCA: false,
    selfSigned: false,
    ...overrides,
});
const at = (daysLeft, overrides = {}) => {
    const f = facts();
    return {
        facts: f,
        expiry: (0, expiry_1.assessExpiry)(f, new Date(f.notAfter.getTime() - daysLeft * expiry_1.MS_PER_DAY), expiry_1.DEFAULT_THRESHOLDS),
        revoked: false,
        file: 'certs/expiring-app.crt',
        key: { status: 'match', file: 'certs/expiring-app.key' },
        ...overrides,
    };
};
const TARGET = 'file:///w/certs/expiring-app.crt';
(0, node_test_1.test)('days left are rounded: a fresh 92-day certificate shows 92d, 5½ days show 6d, under half a day <1d', () => {
    const shown = (daysLeft) => (0, presentation_1.expiryShort)(at(daysLeft), presentation_1.englishTranslate);
    assert.equal(shown(92), '92d');
    assert.equal(shown(92 - 1 / 86_400), '92d', 'issued a second ago');
    assert.equal(shown(91.5), '92d');
    assert.equal(shown(91.49), '91d');
    assert.equal(shown(5.5), '6d');
    assert.equal(shown(1), '1d');
    assert.equal(shown(0.5), '1d');
    assert.equal(shown(0.49), '<1d');
    assert.equal(shown(-0.01), 'expired');
    assert.equal((0, presentation_1.expiryPhrase)(at(92 - 1 / 86_400), presentation_1.englishTranslate), '92 days left');
    assert.equal((0, presentation_1.expiryPhrase)(at(0.2), presentation_1.englishTranslate), 'less than a day left');
    assert.equal((0, presentation_1.daysShown)({ msLeft: -5 * expiry_1.MS_PER_DAY }), 0);
});
(0, node_test_1.test)('hover: the summary (name, days left) and the Renew link come first, the problem right under them', () => {
    const md = (0, hoverContent_1.hoverMarkdown)(at(12), { t: presentation_1.englishTranslate, target: TARGET, problems: ['Certificate expires in 12 days (2025-04-03 00:00 UTC). Renew it.'] });
    const lines = md.split('\n');
    assert.match(lines[0], /^\*\*expiring-app\*\* · 12 days left/);
    assert.match(lines[1], /\[Renew\]\(command:kymaCert\.renewCertificate\?/);
    assert.match(lines[1], /\[Show Details\]/);
    assert.equal(lines[2], '');
    assert.match(lines[3], /^⚠ Certificate expires in 12 days/);
    assert.ok(md.indexOf('Subject') > md.indexOf('⚠'), 'facts come after the problem');
});
(0, node_test_1.test)('hover: labels never wrap, the fingerprint is two lines of 16 bytes, the subject breaks only between attributes', () => {
    const md = (0, hoverContent_1.hoverMarkdown)(at(12), { t: presentation_1.englishTranslate, target: TARGET });
    assert.ok(md.includes('**SHA\u2011256:**'), 'SHA-256 with a non-breaking hyphen');
    assert.ok(md.includes('**Public\u00a0key:**'));
    const fingerprint = md.split('\n').filter((l) => /^(\*\*SHA.256:\*\* )?`[0-9A-F]{2}:/.test(l));
    assert.equal(fingerprint.length, 2, md);
    for (const line of fingerprint)
        assert.equal(/`([^`]+)`/.exec(line)[1].length, 47);
    assert.equal((0, presentation_1.fingerprintLines)(FINGERPRINT).join(':'), FINGERPRINT);
    // Inside an attribute nothing may break (no plain space or hyphen); between attributes ", " may.
    const subject = (0, presentation_1.wrappableName)(facts().subjectText);
    assert.equal(subject.split(', ').length, 6);
    for (const attribute of subject.split(', '))
        assert.doesNotMatch(attribute, /[ -]/, attribute);
    assert.equal((0, presentation_1.wrappableName)('CN=a\\,b,O=c'), 'CN=a\\,b, O=c', 'an escaped comma stays inside its attribute');
    assert.equal((0, presentation_1.nowrap)('Valid from'), 'Valid\u00a0from');
});
(0, node_test_1.test)('status bar tooltip: summary and links first, problem below, no Renew for a revoked or expired certificate', () => {
    const md = (0, statusBarContent_1.statusBarTooltip)(at(12), { t: presentation_1.englishTranslate, target: TARGET, othersNeedingAttention: 2, problems: ['Certificate expires in 12 days.'] });
    const lines = md.split('\n');
    assert.match(lines[0], /expiring-app\*\* · 12 days left/);
    assert.match(lines[1], /^\[Renew\]/);
    assert.match(lines[3], /^⚠ Certificate expires/);
    for (const expected of ['CN=expiring\u2011app, OU=Org\u00a0Unit', 'certs/expiring-app.crt', '2 more certificates need attention']) {
        assert.ok(md.includes(expected), `missing ${expected} in\n${md}`);
    }
    const revoked = at(40, { revoked: true });
    assert.equal((0, statusBarContent_1.renewOffered)(revoked), false);
    assert.doesNotMatch((0, statusBarContent_1.statusBarTooltip)(revoked, { t: presentation_1.englishTranslate, target: TARGET, othersNeedingAttention: 0 }), /renewCertificate/);
    assert.doesNotMatch((0, hoverContent_1.hoverMarkdown)(revoked, { t: presentation_1.englishTranslate, target: TARGET, renewable: (0, statusBarContent_1.renewOffered)(revoked) }), /renewCertificate/);
    assert.equal((0, statusBarContent_1.renewOffered)(at(-1)), false, 'expired');
    assert.equal((0, statusBarContent_1.renewOffered)(at(3)), true);
});
//# sourceMappingURL=hoverLayout.test.js.map