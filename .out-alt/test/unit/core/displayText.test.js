"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const displayText_1 = require("../../../src/core/displayText");
const errors_1 = require("../../../src/core/errors");
(0, node_test_1.describe)('safeDisplayText (issue 7, row 11)', () => {
    (0, node_test_1.it)('escapes ESC, CR, LF, other C0/C1 controls, DEL, separators and bidi overrides; keeps ordinary text', () => {
        strict_1.default.equal((0, displayText_1.safeDisplayText)('\u001b[31mred\r\nRenewed\u0007'), '\\e[31mred\\r\\nRenewed\\x07');
        strict_1.default.equal((0, displayText_1.safeDisplayText)('a\u0085b\u009bc\u007fd'), 'a\\x85b\\x9bc\\x7fd');
        strict_1.default.equal((0, displayText_1.safeDisplayText)('x\u202eevil\u2066y\u2028z\u200f'), 'x\\u202eevil\\u2066y\\u2028z\\u200f');
        strict_1.default.equal((0, displayText_1.safeDisplayText)('CN=Müller, O=株式会社 ✓'), 'CN=Müller, O=株式会社 ✓');
    });
    (0, node_test_1.it)('caps the length with an ellipsis and never splits a surrogate pair', () => {
        strict_1.default.equal((0, displayText_1.safeDisplayText)('x'.repeat(50), 10), `${'x'.repeat(10)}…`);
        strict_1.default.equal((0, displayText_1.safeDisplayText)(`${'x'.repeat(9)}😀`, 10), `${'x'.repeat(9)}…`);
        const huge = (0, displayText_1.safeDisplayText)('\n'.repeat(5_000_000));
        strict_1.default.ok(huge.length <= 1001);
    });
});
(0, node_test_1.describe)('token masking (issue 7, row 10)', () => {
    (0, node_test_1.it)('masks token values in URLs and free text, keeping the rest', () => {
        strict_1.default.equal((0, displayText_1.redactUrl)('https://h:1/v1/info?token=abc123&x=1#frag'), 'https://h:1/v1/info?token=***&x=1');
        strict_1.default.equal((0, displayText_1.redactUrl)('https://user:pw@h/p?Connector-Token=zz'), 'https://h/p?Connector-Token=***');
        strict_1.default.equal((0, displayText_1.redactUrl)('https://a b/x?token=SECRET'), 'https://a b/x?token=***');
        strict_1.default.equal((0, displayText_1.redactSecrets)('failed for "https://h/x?one_time_token=SECRET", retry'), 'failed for "https://h/x?one_time_token=***", retry');
        strict_1.default.equal((0, displayText_1.redactSecrets)('bare SECRETVALUE here', ['SECRETVALUE']), 'bare *** here');
        strict_1.default.equal(JSON.parse((0, displayText_1.redactSecrets)(JSON.stringify({ m: 'url "https://h?token=S3CR3T" end' }))).m, 'url "https://h?token=***" end');
        strict_1.default.equal((0, displayText_1.tokenOf)('https://h/x?a=1&token=T0K'), 'T0K');
    });
    (0, node_test_1.it)('KymaCertError masks tokens in message and hint whoever builds it, and escapes the server text', () => {
        const e = new errors_1.KymaCertError('network', 'cannot reach https://h/x?token=SECRET', 'try https://h/x?token=SECRET again', { serverMessage: 'a\nb' });
        strict_1.default.ok(!JSON.stringify(e).includes('SECRET'));
        strict_1.default.ok(!e.message.includes('SECRET') && !e.hint?.includes('SECRET'));
        strict_1.default.equal(e.serverMessage, 'a\\nb');
    });
    (0, node_test_1.it)('is linear on hostile input (many "token" names, long runs)', () => {
        const started = performance.now();
        (0, displayText_1.redactSecrets)('token'.repeat(400_000));
        (0, displayText_1.redactSecrets)('a.'.repeat(1_000_000));
        (0, displayText_1.redactSecrets)('token='.repeat(300_000));
        strict_1.default.ok(performance.now() - started < 3000);
    });
});
(0, node_test_1.describe)('escapeJsonText', () => {
    (0, node_test_1.it)('keeps the JSON value and escapes what a terminal would interpret', () => {
        const json = JSON.stringify({ s: 'a\u202eb\u0085c\u2028' }, null, 2);
        const escaped = (0, displayText_1.escapeJsonText)(json);
        strict_1.default.ok(!/[\u202e\u0085\u2028]/.test(escaped));
        strict_1.default.deepEqual(JSON.parse(escaped), { s: 'a\u202eb\u0085c\u2028' });
    });
});
//# sourceMappingURL=displayText.test.js.map