"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HINT_NEW_CERTIFICATE = exports.NEEDS_NEW_CERTIFICATE = exports.KymaCertError = void 0;
exports.isKymaCertError = isKymaCertError;
exports.messageOf = messageOf;
exports.exitCodeFor = exitCodeFor;
/**
 * One error type for every layer (core, connector, lifecycle, CLI, editor).
 * `kind` drives CLI exit codes and editor messages; `remedy` is what the user can do about it, as data: the CLI
 * words it with flags (src/cli/remedies.ts), the editor with commands and settings (src/views/remedies.ts).
 * `hint` is the older free-text form, still shown by the CLI; the editor drops a hint that names a CLI flag.
 */
const displayText_1 = require("./displayText");
class KymaCertError extends Error {
    kind;
    status;
    serverMessage;
    hint;
    remedy;
    /**
     * Token values in `message` and `hint` are masked (`token=***`) whoever built them: an error is printed, logged
     * and serialised to JSON, and a one-time token must reach none of those. The service's own text is escaped for
     * display (control characters, bidi overrides) and capped.
     */
    constructor(kind, message, hint, options = {}) {
        super((0, displayText_1.redactSecrets)(message), options.cause === undefined ? undefined : { cause: options.cause });
        this.kind = kind;
        this.name = 'KymaCertError';
        this.hint = hint === undefined ? undefined : (0, displayText_1.redactSecrets)(hint);
        this.status = options.status;
        this.serverMessage = options.serverMessage === undefined ? undefined : (0, displayText_1.safeDisplayText)(options.serverMessage);
        this.remedy = options.remedy;
    }
    toJSON() {
        return { kind: this.kind, message: this.message, hint: this.hint, remedy: this.remedy, status: this.status };
    }
}
exports.KymaCertError = KymaCertError;
function isKymaCertError(e, kind) {
    return e instanceof KymaCertError && (kind === undefined || e.kind === kind);
}
/** Error text for the log and the UI; core errors never carry key material. */
function messageOf(e) {
    // Shown in notifications, quick picks and the log, and it may quote a server or a file: escaped, capped, masked.
    return (0, displayText_1.safeDisplayText)(e instanceof Error ? e.message : String(e));
}
/** Kinds after which renewal cannot succeed: the user needs a new certificate from a one-time token. */
exports.NEEDS_NEW_CERTIFICATE = new Set(['expired', 'revoked']);
exports.HINT_NEW_CERTIFICATE = 'Request a new certificate with a one-time token (Kyma: create a TokenRequest for the application).';
/** Documented CLI exit codes, one per family of failure (README lists them). */
function exitCodeFor(kind) {
    switch (kind) {
        case 'config':
            return 2;
        case 'parse':
        case 'too-large':
        case 'not-a-file':
        case 'unsupported':
        case 'passphrase-required':
        case 'bad-passphrase':
        case 'key-mismatch':
            return 3;
        case 'expired':
        case 'not-yet-valid':
        case 'revoked':
        case 'invalid-token':
            return 4;
        case 'untrusted-server':
        case 'tls':
        case 'timeout':
        case 'network':
            return 5;
        case 'bad-request':
        case 'server':
            return 6;
        case 'verification':
            return 7;
        case 'locked':
            return 8;
        case 'io':
            return 9;
        case 'cancelled':
            return 10;
    }
}
//# sourceMappingURL=errors.js.map