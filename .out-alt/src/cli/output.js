"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.processIo = exports.UsageError = exports.EXIT_UNEXPECTED = exports.EXIT_USAGE = void 0;
exports.redactingIo = redactingIo;
exports.printResult = printResult;
exports.reportError = reportError;
exports.progressPrinter = progressPrinter;
exports.isoSeconds = isoSeconds;
const displayText_1 = require("../core/displayText");
const errors_1 = require("../core/errors");
const remedies_1 = require("./remedies");
/** Exit code for a command line the program cannot understand (same as a `config` error). */
exports.EXIT_USAGE = 2;
/** Exit code for a bug: anything that is not a KymaCertError. */
exports.EXIT_UNEXPECTED = 1;
/** A wrong command line: unknown flag, missing argument, contradictory flags. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
exports.UsageError = UsageError;
/**
 * The output boundary for secrets: everything written through the returned Io has token values masked
 * (`token=***`), and every value later pushed onto its `secrets` replaced by `***`, whatever code built the text.
 */
function redactingIo(io) {
    const secrets = [];
    return {
        stdout: (text) => io.stdout((0, displayText_1.redactSecrets)(text, secrets)),
        stderr: (text) => io.stderr((0, displayText_1.redactSecrets)(text, secrets)),
        secrets,
    };
}
/** Lines longer than this are cut: a human line is a subject, a path or a message, never kilobytes. */
const MAX_LINE_CHARS = 2000;
/** One human-readable line: text from servers and files can hold escapes and newlines that would forge output. */
function displayLine(text) {
    return (0, displayText_1.safeDisplayText)(text, MAX_LINE_CHARS);
}
exports.processIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};
/** Prints a command's result: the JSON document with `--json`, the human lines otherwise. */
function printResult(io, json, document, human) {
    if (json)
        io.stdout(`${(0, displayText_1.escapeJsonText)(JSON.stringify(document, null, 2))}\n`);
    else
        io.stdout(human.map((l) => `${displayLine(l)}\n`).join(''));
}
/**
 * Reports a failure and returns the exit code: `{"error":{kind,message,hint,remedy}}` on stdout with `--json`
 * (scripts read one stream), `kyma-cert: message` plus the hint on stderr otherwise. The hint is the error's remedy
 * worded for the command line, or its free-text hint.
 */
function reportError(io, json, e) {
    let kind;
    let message;
    let hint;
    let status;
    let remedy;
    let code;
    if ((0, errors_1.isKymaCertError)(e)) {
        ({ kind, message, hint, status, remedy } = e);
        if (remedy)
            hint = (0, remedies_1.cliRemedyText)(remedy);
        code = (0, errors_1.exitCodeFor)(e.kind);
    }
    else if (e instanceof UsageError) {
        kind = 'config';
        message = e.message;
        hint = 'Run kyma-cert --help for usage.';
        code = exports.EXIT_USAGE;
    }
    else {
        kind = 'internal';
        message = e instanceof Error ? e.message : String(e);
        hint = 'This is a bug in kyma-cert; please report it with the command you ran.';
        code = exports.EXIT_UNEXPECTED;
    }
    if (json) {
        io.stdout(`${(0, displayText_1.escapeJsonText)(JSON.stringify({ error: { kind, message, hint, remedy, ...(status !== undefined ? { status } : {}) } }))}\n`);
    }
    else {
        io.stderr(`kyma-cert: ${displayLine(message)}\n`);
        if (hint)
            io.stderr(`  hint: ${displayLine(hint)}\n`);
    }
    return code;
}
/** Progress lines on stderr, prefixed so they read as a log of steps. */
function progressPrinter(io) {
    return (step) => io.stderr(`… ${displayLine(step)}\n`);
}
/** Dates in output: ISO, to the second. */
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
//# sourceMappingURL=output.js.map