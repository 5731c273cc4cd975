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
exports.issueCertificate = issueCertificate;
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const certificate_1 = require("../core/certificate");
const csr_1 = require("../core/csr");
const dn_1 = require("../core/dn");
const errors_1 = require("../core/errors");
const keyFileFormat_1 = require("../core/keyFileFormat");
const keys_1 = require("../core/keys");
const pairing_1 = require("../core/pairing");
const serviceHosts_1 = require("../core/serviceHosts");
const backups_1 = require("./backups");
const connection_1 = require("./connection");
const files_1 = require("./files");
const lock_1 = require("./lock");
const management_1 = require("./management");
const tls_options_1 = require("./tls-options");
const verify_1 = require("./verify");
function checkName(name) {
    if (name === '' || name !== path.basename(name) || name === '.' || name === '..') {
        throw new errors_1.KymaCertError('config', `The name "${name}" must be a plain file name without a directory.`);
    }
    return name;
}
/**
 * Gets a first certificate from a one-time token (spec §3): token info → new RSA 2048 key → CSR with the returned
 * subject → POST to csrUrl → verify → write key (0600), certificate, CA and the remembered connection atomically.
 * Refuses to replace existing files unless `force`, and checks that before spending the token. On any failure
 * nothing is written.
 */
async function issueCertificate(req) {
    const outDir = path.resolve(req.outDir);
    (0, management_1.checkHttpsUrl)(req.tokenUrl, 'The token URL');
    // Asking for the name needs the application's name, which only the token's answer tells.
    let redeemed;
    let name = req.name;
    if (name === undefined && req.chooseName) {
        redeemed = await redeem(req);
        name = await req.chooseName((0, dn_1.firstValue)(redeemed.subject, 'CN') ?? 'client');
        if (name === undefined)
            throw new errors_1.KymaCertError('cancelled', 'Cancelled before a key was generated; nothing was written.');
    }
    const certFile = path.join(outDir, `${checkName(name ?? 'client')}.crt`);
    // The lock lives next to the certificate, so the folder must exist first; a failed run removes what it created.
    const undoDir = await (0, backups_1.ensureDirectory)(outDir);
    try {
        return await (0, lock_1.withCertificateLock)(certFile, () => issueLocked(req, outDir, certFile, redeemed));
    }
    catch (e) {
        await undoDir();
        throw e;
    }
}
async function redeem(req) {
    const progress = req.onProgress ?? (() => undefined);
    const client = await (0, tls_options_1.createConnectorClient)(req);
    progress('Redeeming the one-time token');
    // A used or expired token is a plain 403 `invalid-token`; the connector's error carries the `new-token` remedy.
    const info = await client.getSigningRequestInfo(req.tokenUrl);
    const subjectText = info?.certificate?.subject;
    const infoUrl = info?.api?.infoUrl;
    if (typeof info?.csrUrl !== 'string' || typeof subjectText !== 'string' || typeof infoUrl !== 'string') {
        throw new errors_1.KymaCertError('server', 'The token answer lacks csrUrl, certificate.subject or api.infoUrl.');
    }
    let subject;
    try {
        subject = (0, dn_1.parseConnectorSubject)(subjectText);
    }
    catch (e) {
        throw new errors_1.KymaCertError('server', `The token answer has a subject we cannot read: ${subjectText}`, undefined, { cause: e });
    }
    // Both URLs come from the server: the CSR goes, and later renewals present the certificate, only to the token
    // URL's host or its documented partner (connector-service.D ↔ gateway.D).
    const csrUrl = (0, serviceHosts_1.requireSameServiceUrl)(req.tokenUrl, info.csrUrl, 'csrUrl');
    (0, serviceHosts_1.requireSameServiceUrl)(req.tokenUrl, infoUrl, 'api.infoUrl');
    return { client, subject, subjectText, csrUrl, infoUrl };
}
async function issueLocked(req, outDir, certFile, redeemedEarlier) {
    const now = req.now ?? (() => new Date());
    const progress = req.onProgress ?? (() => undefined);
    const log = req.log ?? (() => undefined);
    const keyFile = path.join(outDir, `${(0, pairing_1.certificateBaseName)(certFile)}.key`);
    const caFile = (0, pairing_1.caFileFor)(certFile);
    const connectionFile = (0, pairing_1.connectionFileFor)(certFile);
    if (!req.force) {
        for (const file of [certFile, keyFile, caFile, connectionFile]) {
            if (await pathExists(file)) {
                throw new errors_1.KymaCertError('config', `${file} already exists.`, undefined, { remedy: { kind: 'choose-other-name', data: { file } } });
            }
        }
    }
    const { client, subject, subjectText, csrUrl, infoUrl } = redeemedEarlier ?? (await redeem(req));
    log(`subject ${subjectText}`);
    (0, tls_options_1.throwIfCancelled)(req.signal);
    progress('Generating a new RSA 2048 key');
    const { key, pem: plainKeyPem } = await (0, keys_1.generateRsaKeyAsync)(2048);
    // With a passphrase the new key is written encrypted (PKCS#8, AES-256-CBC): it never touches the disk in plain text.
    const keyPem = req.keyPassphrase === undefined ? plainKeyPem : (0, keyFileFormat_1.exportPrivateKey)(key, keyFileFormat_1.NEW_ENCRYPTED_KEY_FORMAT, req.keyPassphrase);
    (0, tls_options_1.throwIfCancelled)(req.signal);
    progress('Requesting the certificate');
    // A used or expired token is a 403 `invalid-token`; the connector's error carries the `new-token` remedy.
    const issued = await client.signCsrWithToken(csrUrl, (0, csr_1.createCsr)(subject, key));
    progress('Verifying the certificate');
    const verified = (0, verify_1.verifyIssuedCertificates)({ issued, key, expectedSubject: subject, now: now() });
    log(`certificate ${(0, certificate_1.certificateLogLabel)(verified.clientFacts)}`);
    progress('Writing the key and certificate');
    await (0, files_1.atomicWriteFiles)([
        { path: keyFile, data: keyPem, mode: files_1.PRIVATE_KEY_MODE },
        { path: certFile, data: verified.clientPem },
        { path: caFile, data: verified.caPem },
        { path: connectionFile, data: (0, connection_1.serializeConnection)(certFile, { infoUrl, keyFile, caFile: req.caFile }) },
    ]);
    return { certFile, keyFile, caFile, connectionFile, certificate: verified.clientFacts, infoUrl };
}
/** Anything at that path, even a dangling link or a pipe (never opened: existence is all that matters here). */
async function pathExists(file) {
    return node_fs_1.promises.lstat(file).then(() => true, () => false);
}
//# sourceMappingURL=issue.js.map