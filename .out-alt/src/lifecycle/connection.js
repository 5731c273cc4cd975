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
exports.isInside = isInside;
exports.readConnection = readConnection;
exports.unrememberedPaths = unrememberedPaths;
exports.serializeConnection = serializeConnection;
exports.connectionWrite = connectionWrite;
exports.writeConnection = writeConnection;
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const errors_1 = require("../core/errors");
const pairing_1 = require("../core/pairing");
const boundedRead_1 = require("../io/boundedRead");
const files_1 = require("./files");
const lock_1 = require("./lock");
/** A remembered connection holds a few short strings; anything bigger is not ours. */
const MAX_CONNECTION_BYTES = 64 * 1024;
/** The folder whose files a certificate's remembered connection may name. */
function folderOf(certFile) {
    return path.dirname(path.resolve(certFile));
}
/** `inner` is `outer` itself or below it (both absolute, normalised). */
function isInside(outer, inner) {
    const rel = path.relative(outer, inner);
    return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}
/**
 * Resolves a path named in the connection file, or throws `config` when it leaves the certificate's folder:
 * absolute, with a `..` segment, or (once symlinks are followed) outside the folder's real path.
 */
async function pathInsideFolder(file, base, field, value) {
    const segments = value.split(/[\\/]+/);
    if (path.isAbsolute(value) || path.win32.isAbsolute(value) || segments.includes('..') || value === '' || value.includes('\0')) {
        throw outsideError(file, field, value);
    }
    const resolved = path.resolve(base, value);
    const real = await realpathOfExisting(resolved);
    const realBase = await realpathOfExisting(base);
    if (real !== undefined && realBase !== undefined && !isInside(realBase, real))
        throw outsideError(file, field, value);
    return resolved;
}
/** The real path of `p`, or of its nearest existing ancestor joined with the rest, or undefined on other errors. */
async function realpathOfExisting(p) {
    try {
        return await node_fs_1.promises.realpath(p);
    }
    catch (e) {
        const code = e.code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            return undefined;
        const parent = path.dirname(p);
        if (parent === p)
            return undefined;
        const realParent = await realpathOfExisting(parent);
        return realParent === undefined ? undefined : path.join(realParent, path.basename(p));
    }
}
function fixFile(file) {
    return { kind: 'fix-connection-file', data: { file } };
}
function outsideError(file, field, value) {
    return new errors_1.KymaCertError('config', `${file} names ${field} "${value}", which is outside the certificate's folder; it was not used.`, undefined, { remedy: fixFile(file) });
}
function optionalString(file, json, field) {
    const v = json[field];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw new errors_1.KymaCertError('config', `${file}: ${field} is not a string.`, undefined, { remedy: fixFile(file) });
    return v;
}
/**
 * Reads the remembered connection of a certificate (paths made absolute), or `undefined` if there is none.
 * Anything wrong with it (not a regular file, too big, not JSON, no infoUrl, a path outside the folder) is a
 * `KymaCertError` naming the file; never anything else.
 */
async function readConnection(certFile) {
    const file = (0, pairing_1.connectionFileFor)(certFile);
    const data = await (0, boundedRead_1.readRegularFileIfExists)(file, MAX_CONNECTION_BYTES);
    if (data === undefined)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(data.toString('utf8'));
    }
    catch (e) {
        throw new errors_1.KymaCertError('config', `${file} is not valid JSON.`, undefined, { cause: e, remedy: fixFile(file) });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new errors_1.KymaCertError('config', `${file} is not a JSON object.`, undefined, { remedy: fixFile(file) });
    }
    const json = parsed;
    const infoUrl = optionalString(file, json, 'infoUrl');
    if (infoUrl === undefined || infoUrl === '')
        throw new errors_1.KymaCertError('config', `${file} has no infoUrl.`, undefined, { remedy: fixFile(file) });
    const base = folderOf(certFile);
    const keyFile = optionalString(file, json, 'keyFile');
    const caFile = optionalString(file, json, 'caFile');
    const revoked = json.revoked;
    return {
        infoUrl,
        keyFile: keyFile === undefined ? undefined : await pathInsideFolder(file, base, 'keyFile', keyFile),
        caFile: caFile === undefined ? undefined : await pathInsideFolder(file, base, 'caFile', caFile),
        revoked: typeof revoked === 'object' && revoked !== null && typeof revoked.at === 'string' && typeof revoked.sha256Hex === 'string'
            ? { at: revoked.at, sha256Hex: revoked.sha256Hex }
            : undefined,
    };
}
/** Relative to the folder when inside it; `undefined` (not remembered) when outside: readConnection would refuse it. */
function toRelative(base, p) {
    if (p === undefined)
        return undefined;
    const abs = path.resolve(p);
    // Relative paths keep the folder portable (a workspace moved or checked out elsewhere still works).
    return isInside(base, abs) && abs !== base ? path.relative(base, abs) : undefined;
}
/** Paths of `connection` that `serializeConnection` leaves out because they lie outside the certificate's folder. */
function unrememberedPaths(certFile, connection) {
    const base = folderOf(certFile);
    return [connection.keyFile, connection.caFile].filter((p) => p !== undefined && toRelative(base, p) === undefined);
}
/** The file contents `writeConnection` would write: stable key order, relative paths, trailing newline. */
function serializeConnection(certFile, connection) {
    const base = folderOf(certFile);
    const json = {
        infoUrl: connection.infoUrl,
        keyFile: toRelative(base, connection.keyFile),
        caFile: toRelative(base, connection.caFile),
        revoked: connection.revoked,
    };
    return `${JSON.stringify(json, null, 2)}\n`;
}
/** The write of the remembered connection, for callers that already hold the certificate's lock. */
function connectionWrite(certFile, connection) {
    return { path: (0, pairing_1.connectionFileFor)(certFile), data: serializeConnection(certFile, connection) };
}
/** Writes the remembered connection atomically, under the certificate's lock (it is one of the set's files). */
async function writeConnection(certFile, connection) {
    await (0, lock_1.withCertificateLock)(certFile, () => (0, files_1.atomicWriteFiles)([connectionWrite(certFile, connection)]));
}
//# sourceMappingURL=connection.js.map