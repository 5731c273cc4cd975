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
exports.precedence = exports.infoUrlForDomain = exports.defaultsFromSettings = void 0;
exports.resolveCertificateInputs = resolveCertificateInputs;
exports.pairKey = pairKey;
exports.chooseKeyFile = chooseKeyFile;
exports.requireInfoUrl = requireInfoUrl;
/**
 * The one answer to "which key file, which management/info URL, which server CA file" for a certificate, shared by
 * the CLI, the editor commands, auto-renew and the index (they used to decide it each in their own way).
 *
 * Precedence, highest first:
 *   1. explicit: what the user named for this certificate: CLI flags (`--key`, `--info-url`/`--domain`,
 *      `--ca-file`), the editor's per-certificate `kymaCert.keyFiles` setting, or an answer just given in a prompt;
 *   2. remembered: `<name>.kyma.json` next to the certificate, whose paths must stay inside the certificate's folder
 *      (checked by `readConnection`; a violation is a `config` error naming the file, and the file is then not used);
 *   3. defaults: workspace-wide editor settings (`managementInfoUrl`/`clusterDomain`, `caFile`). They rank below the
 *      remembered connection because one workspace may hold certificates of several clusters;
 *   4. pairing rules (`core/pairing.ts`) for the key: `app.key`, `app-key.pem`, `app.key.pem` next to `app.crt`.
 * An explicit key is the only key candidate: when the user names a key, a mismatch is reported, not papered over.
 */
const node_crypto_1 = require("node:crypto");
const path = __importStar(require("node:path"));
const errors_1 = require("../core/errors");
const keys_1 = require("../core/keys");
const pairing_1 = require("../core/pairing");
const pem_1 = require("../core/pem");
const boundedRead_1 = require("../io/boundedRead");
const connection_1 = require("./connection");
const precedence_1 = require("./precedence");
const verify_1 = require("./verify");
var precedence_2 = require("./precedence");
Object.defineProperty(exports, "defaultsFromSettings", { enumerable: true, get: function () { return precedence_2.defaultsFromSettings; } });
Object.defineProperty(exports, "infoUrlForDomain", { enumerable: true, get: function () { return precedence_2.infoUrlForDomain; } });
Object.defineProperty(exports, "precedence", { enumerable: true, get: function () { return precedence_2.precedence; } });
/** Applies the precedence rules above. Never throws for a bad connection file: it lands in `rememberedProblem`. */
async function resolveCertificateInputs(certFile, explicit = {}, defaults = {}) {
    const abs = path.resolve(certFile);
    let remembered;
    let rememberedProblem;
    try {
        remembered = await (0, connection_1.readConnection)(abs);
    }
    catch (e) {
        rememberedProblem = (0, errors_1.isKymaCertError)(e) ? e : new errors_1.KymaCertError('config', `Could not read the remembered connection of ${abs}.`, undefined, { cause: e });
    }
    const keyCandidatesList = explicit.keyFile
        ? [{ file: path.resolve(explicit.keyFile), source: explicit.keyFileFrom ?? 'flag' }]
        : [
            ...(remembered?.keyFile ? [{ file: remembered.keyFile, source: 'connection' }] : []),
            ...(0, pairing_1.keyCandidates)(abs)
                .filter((file) => file !== remembered?.keyFile)
                .map((file) => ({ file, source: 'naming' })),
        ];
    return { certFile: abs, keyCandidates: keyCandidatesList, ...(0, precedence_1.precedence)(explicit, remembered, defaults), remembered, rememberedProblem };
}
/**
 * Finds the key among `candidates` that belongs to one of `certificates` (DER): a key block inside the certificate
 * file itself first (`sameFileKeys`), then the candidates in order. The first match wins; without a match, the
 * first candidate that exists decides the status (`mismatch` or `unreadable`), else `missing`. Reads are bounded
 * and refuse pipes and devices (`readRegularFile`).
 */
async function pairKey(candidates, certificates, sameFile) {
    const x509 = certificates.map((der) => new node_crypto_1.X509Certificate(der));
    const matches = (data) => {
        const key = (0, keys_1.loadPrivateKey)(data);
        return x509.some((c) => (0, verify_1.certificateHasKey)(c, key));
    };
    let firstFound;
    for (const block of sameFile?.keyBlocks ?? []) {
        if (block.kind === 'encrypted-private-key') {
            firstFound ??= { status: 'encrypted', file: sameFile.file, source: 'same-file' };
            continue;
        }
        try {
            if (matches(block.der))
                return { status: 'match', file: sameFile.file, source: 'same-file' };
        }
        catch {
            // A damaged key block in the certificate file: the separate key files may still do.
        }
    }
    for (const candidate of candidates) {
        let data;
        try {
            data = candidate.source === 'naming' ? await (0, boundedRead_1.readRegularFileIfExists)(candidate.file) : await (0, boundedRead_1.readRegularFile)(candidate.file);
        }
        catch (e) {
            firstFound ??= { status: 'unreadable', file: candidate.file, problem: messageOf(e), source: candidate.source };
            continue;
        }
        if (data === undefined)
            continue;
        let outcome;
        try {
            outcome = { status: matches(data) ? 'match' : 'mismatch', file: candidate.file, source: candidate.source };
        }
        catch (e) {
            // An encrypted key's public half is encrypted too: without the passphrase it cannot be compared.
            outcome = (0, errors_1.isKymaCertError)(e, 'passphrase-required')
                ? { status: 'encrypted', file: candidate.file, source: candidate.source }
                : { status: 'unreadable', file: candidate.file, problem: messageOf(e), source: candidate.source };
        }
        if (outcome.status === 'match')
            return outcome;
        firstFound ??= outcome;
    }
    return firstFound ?? { status: 'missing' };
}
/**
 * The key file a workflow should use for `inputs.certFile` (CLI, commands): the matching candidate, else the first
 * one that exists (the workflow then reports the mismatch precisely), else a `config` error listing what was tried.
 */
async function chooseKeyFile(inputs) {
    const certData = await (0, boundedRead_1.readRegularFileIfExists)(inputs.certFile).catch(() => undefined);
    let ders = [];
    let keyBlocks = [];
    if (certData) {
        try {
            const blocks = (0, pem_1.parseCryptoFile)(certData).blocks;
            ders = blocks.filter((b) => b.kind === 'certificate').map((b) => b.der);
            keyBlocks = blocks.filter((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key');
        }
        catch {
            // The workflow reads the certificate again and reports what is wrong with it.
        }
    }
    const pairing = await pairKey(inputs.keyCandidates, ders, { file: inputs.certFile, keyBlocks }).catch(() => undefined);
    if (pairing?.file)
        return pairing.file;
    const explicit = inputs.keyCandidates.find((c) => c.source === 'flag' || c.source === 'setting');
    if (explicit)
        return explicit.file;
    // A remembered connection that was refused may be why no key turned up: that is the error worth reading.
    if (inputs.rememberedProblem)
        throw inputs.rememberedProblem;
    throw new errors_1.KymaCertError('config', `No private key found for ${inputs.certFile} (tried ${inputs.keyCandidates.map((c) => path.basename(c.file)).join(', ')}).`, undefined, { remedy: { kind: 'check-key-file' } });
}
/** The info URL, or a `config` error: the remembered connection's problem if that is why there is none. */
function requireInfoUrl(inputs, connectionFile) {
    if (inputs.infoUrl !== undefined)
        return inputs.infoUrl;
    if (inputs.rememberedProblem)
        throw inputs.rememberedProblem;
    throw new errors_1.KymaCertError('config', `No management info URL is known for ${inputs.certFile}.`, undefined, { remedy: { kind: 'set-management-url', data: { connectionFile } } });
}
function messageOf(e) {
    return e instanceof Error ? e.message : String(e);
}
//# sourceMappingURL=resolve.js.map