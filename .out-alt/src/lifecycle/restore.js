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
exports.listBackups = void 0;
exports.restoreCertificate = restoreCertificate;
const node_crypto_1 = require("node:crypto");
const path = __importStar(require("node:path"));
const certificate_1 = require("../core/certificate");
const errors_1 = require("../core/errors");
const keys_1 = require("../core/keys");
const pairing_1 = require("../core/pairing");
const pem_1 = require("../core/pem");
const backups_1 = require("./backups");
const files_1 = require("./files");
const lock_1 = require("./lock");
const resolve_1 = require("./resolve");
var backups_2 = require("./backups");
Object.defineProperty(exports, "listBackups", { enumerable: true, get: function () { return backups_2.listBackups; } });
function spkiOf(certDer) {
    return new node_crypto_1.X509Certificate(certDer).publicKey.export({ type: 'spki', format: 'der' });
}
/**
 * The public key a restored certificate must carry: the key file's (found by the one resolver), or, when the key is
 * encrypted and no passphrase was given or no key is found, the current certificate's. Undefined when neither
 * exists: then there is nothing a backup could mismatch.
 */
async function currentPublicKey(certFile, req) {
    const inputs = await (0, resolve_1.resolveCertificateInputs)(certFile, { keyFile: req.keyFile });
    const keyFile = await (0, resolve_1.chooseKeyFile)(inputs).catch(() => undefined);
    const keyData = keyFile ? await (0, files_1.readFileIfExists)(keyFile) : undefined;
    if (keyFile && keyData) {
        try {
            return { spki: (0, keys_1.spkiDer)((0, keys_1.readPrivateKey)(keyData, req.keyPassphrase).key), from: `the key ${keyFile}` };
        }
        catch (e) {
            if (!(0, errors_1.isKymaCertError)(e, 'passphrase-required'))
                throw e;
        }
    }
    const currentData = await (0, files_1.readFileIfExists)(certFile);
    const current = currentData ? (0, pem_1.parseCryptoFile)(currentData).blocks.find((b) => b.kind === 'certificate') : undefined;
    return current ? { spki: spkiOf(current.der), from: `the current certificate ${certFile}` } : undefined;
}
function chooseBackup(entries, wanted, certFile) {
    if (entries.length === 0) {
        throw new errors_1.KymaCertError('config', `There is no backup of ${certFile}.`, `Backups are kept in ${(0, pairing_1.backupDirFor)(certFile)} by renewal.`);
    }
    if (wanted === undefined)
        return entries[0];
    const resolved = path.resolve(wanted);
    const entry = entries.find((e) => e.id === wanted || e.certBackup === resolved);
    if (!entry) {
        throw new errors_1.KymaCertError('config', `No backup "${wanted}" of ${certFile}.`, `Available: ${entries.map((e) => e.id).join(', ')}.`);
    }
    return entry;
}
/**
 * Puts a backed-up certificate (and its CA file, if it was backed up) back into place atomically, and pushes the
 * certificate that was in place into the history, so restoring twice undoes the first restore. The key is never
 * touched, so a backup whose public key is not the current key's (the key was replaced since, e.g. by
 * `issue --force`) is refused with `key-mismatch` and nothing is written.
 */
async function restoreCertificate(req) {
    const certFile = path.resolve(req.certFile);
    return (0, lock_1.withCertificateLock)(certFile, async () => {
        const entry = chooseBackup(await (0, backups_1.listBackups)(certFile), req.backup, certFile);
        const certData = await (0, files_1.readFileIfExists)(entry.certBackup);
        if (!certData)
            throw new errors_1.KymaCertError('io', `The backup ${entry.certBackup} disappeared.`);
        const certs = (0, pem_1.parseCryptoFile)(certData).blocks.filter((b) => b.kind === 'certificate');
        if (certs.length === 0)
            throw new errors_1.KymaCertError('parse', `The backup ${entry.certBackup} holds no certificate.`);
        const expected = await currentPublicKey(certFile, req);
        if (expected && !spkiOf(certs[0].der).equals(expected.spki)) {
            throw new errors_1.KymaCertError('key-mismatch', `The backup ${entry.id} is a certificate for another key than ${expected.from}; nothing was restored.`, 'The key was replaced after that backup was made (a new certificate from a token?). A certificate only works with its own key.');
        }
        const writes = [{ path: certFile, data: certData, mode: await (0, files_1.modeOf)(entry.certBackup) }];
        const caData = entry.caBackup ? await (0, files_1.readFileIfExists)(entry.caBackup) : undefined;
        if (caData)
            writes.push({ path: (0, pairing_1.caFileFor)(certFile), data: caData, mode: entry.caBackup ? await (0, files_1.modeOf)(entry.caBackup) : undefined });
        const current = await (0, backups_1.planBackup)(certFile);
        writes.push(...current.writes);
        const undoDir = await (0, backups_1.ensureDirectory)((0, pairing_1.backupDirFor)(certFile));
        try {
            await (0, files_1.atomicWriteFiles)(writes);
        }
        catch (e) {
            await undoDir();
            throw e;
        }
        await (0, backups_1.removeBackup)(entry);
        await (0, backups_1.pruneBackups)(certFile).catch(() => []);
        req.log?.(`restored ${certFile} from backup ${entry.id}`);
        return {
            certFile,
            restoredFrom: entry,
            backupFile: current.writes.length > 0 ? current.entry.certBackup : undefined,
            restored: (0, certificate_1.certificateFacts)(certs[0].der),
        };
    });
}
//# sourceMappingURL=restore.js.map