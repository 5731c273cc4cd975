"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readSecretInput = readSecretInput;
const errors_1 = require("../core/errors");
/** A token is a line or a short document; more than this on standard input is a mistake (or a device). */
const MAX_STDIN_BYTES = 64 * 1024;
/**
 * The value of a secret flag: the flag's value, or standard input when it is `-`, or `envVar` when the flag is
 * absent. Leading/trailing whitespace (the newline of `echo`) is dropped. Undefined when none is given.
 */
async function readSecretInput(flagValue, envVar, source = {}) {
    if (flagValue === '-') {
        const text = (await readAll(source.stdin ?? process.stdin, MAX_STDIN_BYTES)).trim();
        if (text === '')
            throw new errors_1.KymaCertError('config', 'Standard input was empty; expected the secret on it.');
        return text;
    }
    if (flagValue !== undefined && flagValue !== '')
        return flagValue;
    const fromEnv = (source.env ?? process.env)[envVar]?.trim();
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}
function readAll(stream, maxBytes) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        stream.on('data', (chunk) => {
            const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            size += buffer.length;
            if (size > maxBytes) {
                reject(new errors_1.KymaCertError('too-large', `Standard input holds more than ${maxBytes / 1024} KiB; expected one secret.`));
                stream.destroy?.();
                return;
            }
            chunks.push(buffer);
        });
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
    });
}
//# sourceMappingURL=secretInput.js.map