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
exports.revokeCertificate = revokeCertificate;
const path = __importStar(require("node:path"));
const connection_1 = require("./connection");
const files_1 = require("./files");
const lock_1 = require("./lock");
const management_1 = require("./management");
const material_1 = require("./material");
const tls_options_1 = require("./tls-options");
/**
 * Revokes the certificate itself (spec §6.1): management/info gives `urls.revokeCertUrl`, a POST over mTLS with the
 * certificate revokes it (201). Revocation only blocks renewal; the certificate keeps working until it expires.
 * Records `revoked: { at, sha256Hex }` in the remembered connection so that the editor can show it.
 */
async function revokeCertificate(req) {
    const certFile = path.resolve(req.certFile);
    const keyFile = path.resolve(req.keyFile);
    return (0, lock_1.withCertificateLock)(certFile, async () => {
        const now = req.now ?? (() => new Date());
        const progress = req.onProgress ?? (() => undefined);
        progress('Reading the certificate and key');
        const material = await (0, material_1.loadCertificateMaterial)(certFile, keyFile, now(), req.keyPassphrase);
        const connection = await (0, management_1.resolveConnection)(certFile, req);
        (0, tls_options_1.throwIfCancelled)(req.signal);
        const client = await (0, tls_options_1.createConnectorClient)(connection.network, { certPem: material.clientPem, keyPem: material.keyPem });
        progress('Asking the Connector Service for the revocation URL');
        const info = await (0, management_1.askForSubject)(client, connection.infoUrl, 'revoke');
        (0, tls_options_1.throwIfCancelled)(req.signal);
        progress('Revoking the certificate');
        await client.revoke(info.revokeCertUrl);
        const revokedAt = now().toISOString();
        req.log?.(`revoked certificate SHA-256 ${material.clientFacts.fingerprint256}`);
        // The service is the truth about revocation; this record only lets the editor show it without a round trip.
        await (0, files_1.atomicWriteFiles)([(0, connection_1.connectionWrite)(certFile, {
                infoUrl: connection.infoUrl,
                keyFile,
                caFile: connection.network.caFile,
                revoked: { at: revokedAt, sha256Hex: material.clientFacts.sha256Hex },
            })]);
        return { certFile, sha256Hex: material.clientFacts.sha256Hex, revokedAt, infoUrl: connection.infoUrl };
    });
}
//# sourceMappingURL=revoke.js.map