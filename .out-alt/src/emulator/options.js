"use strict";
/** Options of the local Connector Service emulator, their defaults, and the duration syntax of the CLI. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_TOKEN_TTL_MS = exports.DEFAULT_VALIDITY_MS = exports.DAY_MS = exports.DEFAULT_SUBJECT = void 0;
exports.parseDuration = parseDuration;
exports.DEFAULT_SUBJECT = { O: 'Organization', OU: 'OrgUnit', L: 'Waldorf', ST: 'Waldorf', C: 'DE' };
exports.DAY_MS = 24 * 60 * 60 * 1000;
exports.DEFAULT_VALIDITY_MS = 92 * exports.DAY_MS;
exports.DEFAULT_TOKEN_TTL_MS = 5 * 60 * 1000;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: exports.DAY_MS };
/** Parses "92d", "2h", "15m", "90s", "500ms" (or bare milliseconds) into milliseconds. */
function parseDuration(text) {
    const match = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(text);
    if (!match) {
        throw new Error(`invalid duration "${text}" (expected e.g. 92d, 2h, 15m, 90s, 500ms)`);
    }
    const value = Number(match[1]) * UNIT_MS[match[2] ?? 'ms'];
    if (!Number.isSafeInteger(value) || value <= 0) {
        throw new Error(`invalid duration "${text}" (must be positive)`);
    }
    return value;
}
//# sourceMappingURL=options.js.map