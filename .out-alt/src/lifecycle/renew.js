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
exports.renewCertificate = renewCertificate;
const path = __importStar(require("node:path"));
const certificate_1 = require("../core/certificate");
const csr_1 = require("../core/csr");
const dn_1 = require("../core/dn");
const errors_1 = require("../core/errors");
const pairing_1 = require("../core/pairing");
const backups_1 = require("./backups");
const connection_1 = require("./connection");
const files_1 = require("./files");
const layout_1 = require("./layout");
const crashPoint_1 = require("./crashPoint");
const lock_1 = require("./lock");
const management_1 = require("./management");
const material_1 = require("./material");
const tls_options_1 = require("./tls-options");
const verify_1 = require("./verify");
/**
 * Renews a client certificate with its existing key (spec §4, §5, §12): checks the certificate and key locally,
 * asks management/info for the subject and the renewal URL, sends a CSR with exactly that subject, verifies the
 * answer, writes the new certificate (in the old file's layout), the CA and a backup in one atomic step, and then
 * proves the new certificate works with a second management/info call, restoring the previous files if it does not.
 * Any failure leaves every file byte-identical. Holds the certificate's lock throughout (`locked` if taken).
 */
async function renewCertificate(req) {
    const certFile = path.resolve(req.certFile);
    return (0, lock_1.withCertificateLock)(certFile, () => renewLocked({ ...req, certFile, keyFile: path.resolve(req.keyFile) }));
}
async function renewLocked(req) {
    const now = req.now ?? (() => new Date());
    const progress = req.onProgress ?? (() => undefined);
    const log = req.log ?? (() => undefined);
    const { certFile, keyFile } = req;
    progress('Reading the certificate and key');
    await (0, backups_1.checkBackupDir)(certFile); // refuse a planted .kyma-backups link before spending a server round trip
    const material = await (0, material_1.loadCertificateMaterial)(certFile, keyFile, now(), req.keyPassphrase);
    log(`certificate ${(0, certificate_1.certificateLogLabel)(material.clientFacts)}`);
    const connection = await (0, management_1.resolveConnection)(certFile, req);
    if (connection.remembered?.revoked?.sha256Hex === material.clientFacts.sha256Hex) {
        log(`this certificate was revoked on ${connection.remembered.revoked.at}; asking the service anyway`);
    }
    (0, tls_options_1.throwIfCancelled)(req.signal);
    const client = await (0, tls_options_1.createConnectorClient)(connection.network, { certPem: material.clientPem, keyPem: material.keyPem });
    progress('Asking the Connector Service for the subject');
    const info = await (0, management_1.askForSubject)(client, connection.infoUrl, 'renew');
    log(`subject ${(0, dn_1.formatConnectorSubject)(info.subject)}, renewal URL ${info.renewCertUrl}`);
    (0, tls_options_1.throwIfCancelled)(req.signal);
    progress('Requesting the renewed certificate');
    const csrPem = (0, csr_1.createCsr)(info.subject, material.key);
    let issued;
    try {
        issued = await client.renew(info.renewCertUrl, csrPem);
    }
    catch (e) {
        throw withRevocationHint(e);
    }
    (0, tls_options_1.throwIfCancelled)(req.signal);
    progress('Verifying the renewed certificate');
    const verified = (0, verify_1.verifyIssuedCertificates)({
        issued,
        key: material.key,
        expectedSubject: info.subject,
        now: now(),
        current: material.client,
        allowIssuerChange: req.allowIssuerChange,
    });
    log(`renewed certificate ${(0, certificate_1.certificateLogLabel)(verified.clientFacts)}`);
    if (verified.issuerChanged)
        log(`the issuing CA changed to ${verified.issuer.subject.replace(/\n/g, ', ')} (allowed by allowIssuerChange)`);
    (0, tls_options_1.throwIfCancelled)(req.signal);
    progress('Writing the renewed certificate');
    await checkUnchangedSince(material, keyFile);
    const plan = await planWrites(material, keyFile, verified, connection, log);
    const snapshot = await (0, files_1.takeSnapshot)(plan.writes.map((w) => w.path));
    const undoBackupDir = await (0, backups_1.ensureDirectory)((0, pairing_1.backupDirFor)(certFile));
    try {
        await (0, files_1.atomicWriteFiles)(plan.writes);
    }
    catch (e) {
        await undoBackupDir();
        throw e;
    }
    (0, crashPoint_1.crashPoint)('renew:written');
    progress('Checking the renewed certificate with the Connector Service');
    try {
        const renewedClient = await (0, tls_options_1.createConnectorClient)(connection.network, { certPem: verified.clientPem, keyPem: material.keyPem });
        await renewedClient.getManagementInfo(connection.infoUrl);
    }
    catch (e) {
        const reason = (0, errors_1.isKymaCertError)(e) ? e.message : String(e);
        try {
            await (0, files_1.restoreSnapshot)(snapshot);
        }
        catch (restoreError) {
            // Keep the backup: it is now the only copy of the previous certificate.
            throw new errors_1.KymaCertError('io', `The renewed certificate was not accepted (${reason}), and putting the previous files back failed.`, undefined, { cause: restoreError, remedy: { kind: 'restore-by-hand', data: { backupFile: plan.backupFile, certFile } } });
        }
        await undoBackupDir();
        if ((0, errors_1.isKymaCertError)(e, 'cancelled')) {
            throw new errors_1.KymaCertError('cancelled', 'Cancelled while checking the renewed certificate; the previous files were restored.');
        }
        throw new errors_1.KymaCertError('verification', `The Connector Service did not accept the renewed certificate (${reason}). The previous files were restored.`, undefined, { cause: e, status: (0, errors_1.isKymaCertError)(e) ? e.status : undefined, remedy: { kind: 'retry-later' } });
    }
    const pruned = await (0, backups_1.pruneBackups)(certFile).catch(() => []);
    if (pruned.length > 0)
        log(`removed ${pruned.length} old backup(s)`);
    return {
        certFile,
        caFile: plan.caFile,
        backupFile: plan.backupFile,
        previous: material.clientFacts,
        renewed: verified.clientFacts,
        infoUrl: connection.infoUrl,
    };
}
/**
 * The certificate and key on disk must still be the bytes this renewal started from: the new certificate is for
 * that key. Every writer of ours holds the lock, but a person or another tool may have replaced the pair meanwhile
 * (e.g. `issue --force` from an older version, a `cp`); writing now would leave a certificate that fits no key.
 */
async function checkUnchangedSince(material, keyFile) {
    const [certNow, keyNow] = await Promise.all([(0, files_1.readFileIfExists)(material.certFile), (0, files_1.readFileIfExists)(keyFile)]);
    if (!certNow?.equals(material.certData) || !keyNow?.equals(material.keyData)) {
        throw new errors_1.KymaCertError('io', `${!certNow?.equals(material.certData) ? material.certFile : keyFile} changed while the renewal was running; nothing was written.`, 'Another program replaced the certificate or key. Check which pair is current, then renew again.');
    }
}
/** A revoked certificate can never be renewed: say what helps instead. */
function withRevocationHint(e) {
    if ((0, errors_1.isKymaCertError)(e, 'revoked') && !e.remedy) {
        return new errors_1.KymaCertError('revoked', e.message, undefined, {
            status: e.status,
            serverMessage: e.serverMessage,
            cause: e,
            remedy: { kind: 'new-certificate-with-token', data: { reason: 'revoked' } },
        });
    }
    return e;
}
async function planWrites(material, keyFile, verified, connection, log) {
    const { certFile } = material;
    const writes = [
        {
            path: certFile,
            data: (0, layout_1.renderRenewedCertificateFile)({ format: material.format, data: material.certData, clientDer: material.client.raw }, verified.clientPem, verified.caPem),
        },
    ];
    let caFile = (0, pairing_1.caFileFor)(certFile);
    if (connection.network.caFile && path.resolve(connection.network.caFile) === path.resolve(caFile)) {
        // That file is the server's trust anchor for TLS here; overwriting it with the client CA would break the next call.
        log(`not writing the issuing CA to ${caFile}: it is the server CA file (--ca-file)`);
        caFile = undefined;
    }
    else {
        writes.push({ path: caFile, data: verified.caPem });
    }
    const backup = await (0, backups_1.planBackup)(certFile);
    writes.push(...backup.writes);
    const remembered = {
        infoUrl: connection.infoUrl,
        keyFile,
        caFile: connection.network.caFile,
    };
    for (const p of (0, connection_1.unrememberedPaths)(certFile, remembered))
        log(`not remembering ${p}: it is outside the certificate's folder (pass it again next time)`);
    const connectionFile = (0, pairing_1.connectionFileFor)(certFile);
    const serialized = (0, connection_1.serializeConnection)(certFile, remembered);
    const existing = await (0, files_1.readFileIfExists)(connectionFile);
    // Rewrite only when something changed, so a routine renewal does not churn a file that may be under version control.
    if (!existing || existing.toString('utf8') !== serialized)
        writes.push({ path: connectionFile, data: serialized });
    return { writes, caFile, backupFile: backup.entry.certBackup };
}
//# sourceMappingURL=renew.js.map