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
exports.CA_SUFFIX = exports.CONNECTION_SUFFIX = exports.BACKUP_DIR_NAME = exports.CERTIFICATE_EXTENSIONS = void 0;
exports.isKeyFileName = isKeyFileName;
exports.isCertificateFileName = isCertificateFileName;
exports.isCaFileName = isCaFileName;
exports.certificateBaseName = certificateBaseName;
exports.keyCandidates = keyCandidates;
exports.caFileFor = caFileFor;
exports.connectionFileFor = connectionFileFor;
exports.backupDirFor = backupDirFor;
exports.certificateCandidatesForKey = certificateCandidatesForKey;
/**
 * File naming conventions, in one place. For `dir/app.crt`:
 * key `dir/app.key` (also `dir/app-key.pem`, `dir/app.key.pem`), issuing CA `dir/app-ca.crt`,
 * remembered connection `dir/app.kyma.json`, backups `dir/.kyma-backups/app/`.
 */
const path = __importStar(require("node:path"));
exports.CERTIFICATE_EXTENSIONS = ['.crt', '.pem', '.cer', '.der'];
exports.BACKUP_DIR_NAME = '.kyma-backups';
exports.CONNECTION_SUFFIX = '.kyma.json';
exports.CA_SUFFIX = '-ca.crt';
const KEY_SUFFIXES = ['.key', '-key.pem', '.key.pem'];
/** True for names that hold a private key by our conventions (`.key`, `-key.pem`, `.key.pem`, `key.pem`). */
function isKeyFileName(name) {
    const lower = path.basename(name).toLowerCase();
    return lower === 'key.pem' || KEY_SUFFIXES.some((s) => lower.endsWith(s) && lower.length > s.length);
}
/** True for names that may hold a certificate: `.crt .pem .cer .der`, except key files. */
function isCertificateFileName(name) {
    const lower = path.basename(name).toLowerCase();
    return exports.CERTIFICATE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length) && !isKeyFileName(lower);
}
/** True for the CA file renewal writes next to a certificate (`app-ca.crt`). */
function isCaFileName(name) {
    const lower = path.basename(name).toLowerCase();
    return lower.endsWith(exports.CA_SUFFIX) && lower.length > exports.CA_SUFFIX.length;
}
/** `app` for `dir/app.crt`: the file name without its certificate extension. */
function certificateBaseName(certPath) {
    const name = path.basename(certPath);
    const lower = name.toLowerCase();
    const ext = exports.CERTIFICATE_EXTENSIONS.find((e) => lower.endsWith(e) && lower.length > e.length);
    return ext ? name.slice(0, name.length - ext.length) : name;
}
function sibling(certPath, name) {
    return path.join(path.dirname(certPath), name);
}
/** Where the private key of `certPath` may be, most likely first: `app.key`, `app-key.pem`, `app.key.pem`. */
function keyCandidates(certPath) {
    const base = certificateBaseName(certPath);
    return KEY_SUFFIXES.map((s) => sibling(certPath, base + s));
}
/** The issuing CA written by renewal: `dir/app-ca.crt`. */
function caFileFor(certPath) {
    return sibling(certPath, certificateBaseName(certPath) + exports.CA_SUFFIX);
}
/** The remembered connection (URLs etc.): `dir/app.kyma.json`. */
function connectionFileFor(certPath) {
    return sibling(certPath, certificateBaseName(certPath) + exports.CONNECTION_SUFFIX);
}
/** Where backups of `certPath` and its key go: `dir/.kyma-backups/app/`. */
function backupDirFor(certPath) {
    return path.join(path.dirname(certPath), exports.BACKUP_DIR_NAME, certificateBaseName(certPath));
}
/** The inverse of keyCandidates: certificate files a key file may belong to (`app.key` → `app.crt`, `app.pem`, …). */
function certificateCandidatesForKey(keyPath) {
    const name = path.basename(keyPath);
    const suffix = [...KEY_SUFFIXES]
        .sort((a, b) => b.length - a.length)
        .find((s) => name.toLowerCase().endsWith(s) && name.length > s.length);
    if (!suffix)
        return [];
    const base = name.slice(0, name.length - suffix.length);
    return exports.CERTIFICATE_EXTENSIONS.map((ext) => path.join(path.dirname(keyPath), base + ext));
}
//# sourceMappingURL=pairing.js.map