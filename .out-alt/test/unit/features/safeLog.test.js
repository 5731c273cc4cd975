"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/** The editor's log boundary (issue 7, rows 10 and 11): no token, no raw control characters, whatever is logged. */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const safeLog_1 = require("../../../src/features/safeLog");
(0, node_test_1.test)('safeLog escapes and masks every line; messageOf (notifications) does the same', () => {
    const lines = [];
    const record = (message) => void lines.push(String(message));
    const fake = { info: record, warn: record, error: record, appendLine: record, name: 'x', show: () => undefined };
    const log = (0, safeLog_1.safeLog)(fake);
    log.info('Redeeming https://h/x?token=SECRET1234\nRenewed forged');
    log.error(new Error('\u001b[2Jboom token=SECRET1234'));
    log.warn('\u202eevil');
    strict_1.default.equal(log.name, 'x');
    for (const line of lines) {
        strict_1.default.ok(!line.includes('SECRET1234'), line);
        strict_1.default.ok(!/[\u0000-\u001f\u202e]/.test(line), JSON.stringify(line));
    }
    const shown = (0, errors_1.messageOf)(new errors_1.KymaCertError('server', 'Reading failed (HTTP 500): \u001b[32mRenewed\nok'));
    strict_1.default.ok(!/[\u0000-\u001f]/.test(shown), JSON.stringify(shown));
});
//# sourceMappingURL=safeLog.test.js.map