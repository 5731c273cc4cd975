"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_INPUT_BYTES = void 0;
exports.readCertificateEntry = readCertificateEntry;
exports.parseBlocks = parseBlocks;
/**
 * Reads one certificate file for the index: parse once, pair with the private key and CA file, read the
 * remembered connection. No `vscode` import. Loaded lazily through `loadCertificateReader()`: it pulls in the
 * parser and node-forge, which activation should not wait for.
 */
const promises_1 = require("node:fs/promises");
const certificate_1 = require("../core/certificate");
const pairing_1 = require("../core/pairing");
const pem_1 = require("../core/pem");
const errors_1 = require("../core/errors");
const boundedRead_1 = require("../io/boundedRead");
const resolve_1 = require("./resolve");
var pem_2 = require("../core/pem");
Object.defineProperty(exports, "MAX_INPUT_BYTES", { enumerable: true, get: function () { return pem_2.MAX_INPUT_BYTES; } });
/** Reads and pairs one file. Never throws: problems become `skipped` or a key status. */
async function readCertificateEntry(file, options) {
    let data;
    try {
        // Never blocks (a named pipe), never reads past the cap (/dev/zero, a sparse 1.5 GB file): see boundedRead.ts.
        data = await (0, boundedRead_1.readRegularFile)(file, options.maxFileSizeBytes);
    }
    catch (e) {
        if ((0, errors_1.isKymaCertError)(e, 'too-large'))
            return { skipped: 'too-large', detail: e.message };
        // A pipe, device or directory named like a certificate is not one of ours: skipped like a missing file.
        if ((0, boundedRead_1.isNotFound)(e) || (0, errors_1.isKymaCertError)(e, 'not-a-file'))
            return { skipped: 'missing', detail: (0, errors_1.messageOf)(e) };
        return { skipped: 'unreadable', detail: (0, errors_1.messageOf)(e) };
    }
    const parsed = parseBlocks(data);
    if ('problem' in parsed)
        return { skipped: 'unreadable', detail: parsed.problem };
    if (parsed.certificates.length === 0)
        return { skipped: 'no-certificate' };
    // The one resolver decides which key files to try (setting, then remembered connection, then naming rules).
    const inputs = await (0, resolve_1.resolveCertificateInputs)(file, { keyFile: options.keyFileOverride, keyFileFrom: 'setting' });
    const connection = inputs.remembered;
    const connectionProblem = inputs.rememberedProblem?.message;
    const leaf = parsed.certificates[0].facts;
    const key = await (0, resolve_1.pairKey)(inputs.keyCandidates, [leaf.der], { file, keyBlocks: parsed.keyBlocks });
    const caFile = (0, pairing_1.caFileFor)(file);
    return {
        entry: {
            file,
            format: parsed.format,
            certificates: parsed.certificates,
            key,
            caFile: caFile !== file && (await isFile(caFile)) ? caFile : undefined,
            connection,
            connectionProblem,
            revoked: connection?.revoked?.sha256Hex === leaf.sha256Hex,
        },
    };
}
/** The certificates (and private-key blocks) of a file or editor text; damaged blocks are left out. */
function parseBlocks(data) {
    let blocks;
    let format;
    try {
        ({ format, blocks } = (0, pem_1.parseCryptoFile)(data));
    }
    catch (e) {
        return { problem: (0, errors_1.messageOf)(e) };
    }
    const certificates = [];
    for (const block of blocks) {
        if (block.kind !== 'certificate')
            continue;
        try {
            certificates.push({ facts: (0, certificate_1.certificateFacts)(block.der), startLine: block.startLine, endLine: block.endLine });
        }
        catch {
            // A damaged block is simply not a certificate we can describe; the rest of the file still is.
        }
    }
    const keyBlocks = blocks.filter((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key');
    return { format: format === 'der' ? 'der' : 'pem', certificates, keyBlocks };
}
async function isFile(file) {
    try {
        return (await (0, promises_1.stat)(file)).isFile();
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=certificateReader.js.map