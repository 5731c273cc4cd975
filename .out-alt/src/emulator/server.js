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
exports.isLoopbackHost = isLoopbackHost;
exports.assertListenAddressAllowed = assertListenAddressAllowed;
exports.urlHost = urlHost;
exports.listen = listen;
exports.closeServer = closeServer;
exports.startEmulator = startEmulator;
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const http = __importStar(require("node:http"));
const https = __importStar(require("node:https"));
const node_net_1 = require("node:net");
const errors_1 = require("../core/errors");
const delays_1 = require("./delays");
const faults_1 = require("./faults");
const handlers = __importStar(require("./handlers"));
const handlers_1 = require("./handlers");
const issuer_1 = require("./issuer");
const options_1 = require("./options");
const pki_1 = require("./pki");
const pipeline_1 = require("./pipeline");
const state_1 = require("./state");
const tokens_1 = require("./tokens");
/** localhost, 127.0.0.0/8 or ::1 (also as an IPv4-mapped address). */
function isLoopbackHost(host) {
    const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
    if (bare === 'localhost' || bare === '::1')
        return true;
    const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
    return (0, node_net_1.isIP)(v4) === 4 && v4.startsWith('127.');
}
/** Both flavors listen on loopback only, unless the caller explicitly allows more (`--listen-any`). */
function assertListenAddressAllowed(host, options) {
    if (options.listenAny || isLoopbackHost(host))
        return;
    throw new errors_1.KymaCertError('config', `The emulator listens on loopback only; "${host}" is not a loopback address.`, 'Its internal API issues certificates to anyone who can reach it. Pass --listen-any to listen on a network anyway.');
}
function urlHost(host) {
    if (host === '0.0.0.0' || host === '')
        return '127.0.0.1';
    if (host === '::')
        return '[::1]';
    return (0, node_net_1.isIP)(host) === 6 ? `[${host}]` : host;
}
function listen(server, port, host) {
    return new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolveListen(server.address().port);
        });
    });
}
function closeServer(server) {
    return new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
    });
}
/** Starts the three listeners of the real topology on loopback (see connector-service-api.md §1, §11). */
async function startEmulator(options = {}) {
    const now = options.now ?? (() => new Date());
    const host = options.host ?? '127.0.0.1';
    assertListenAddressAllowed(host, options);
    const subject = { ...options_1.DEFAULT_SUBJECT, ...options.subject };
    const log = options.log ?? (() => undefined);
    const extraHosts = [...state_1.LOOPBACK_HOSTS, '0.0.0.0', '::', ''].includes(host) ? [] : [host];
    const pki = await (0, state_1.loadOrCreatePki)({
        stateDir: options.stateDir,
        extraHosts,
        clientCaBits: options.caKeyBits ?? 2048,
        now: now(),
    });
    const delays = new delays_1.Delays();
    const urls = { connector: '', gateway: '', internal: '' };
    const ctx = {
        subject,
        tokens: new tokens_1.TokenStore(options.tokenTtlMs ?? options_1.DEFAULT_TOKEN_TTL_MS, now),
        revoked: new Set(),
        faults: new faults_1.FaultQueue(),
        issuer: new issuer_1.Issuer(pki.clientCa, options.validityMs ?? options_1.DEFAULT_VALIDITY_MS, now),
        connectorUrl: () => urls.connector,
        gatewayUrl: () => urls.gateway,
        gatewayHash: (0, node_crypto_1.createHash)('sha256').update(new node_crypto_1.X509Certificate(pki.serverCertPem).raw).digest('hex'),
    };
    const tlsBase = { key: pki.serverKeyPem, cert: pki.serverCertPem, minVersion: 'TLSv1.2' };
    const connector = https.createServer(tlsBase, (0, pipeline_1.createRequestHandler)('connector', pipeline_1.connectorRoutes, ctx, delays, log));
    const gateway = https.createServer({
        ...tlsBase,
        maxVersion: options.gatewayMaxTlsVersion ?? 'TLSv1.2',
        requestCert: true,
        rejectUnauthorized: true,
        ca: [pki.clientCa.certPem],
    }, (0, pipeline_1.createRequestHandler)('gateway', pipeline_1.gatewayRoutes, ctx, delays, log));
    const internal = http.createServer((0, pipeline_1.createRequestHandler)('internal', pipeline_1.internalRoutes, ctx, delays, log));
    for (const [name, server] of [['connector', connector], ['gateway', gateway]]) {
        server.on('tlsClientError', (err) => log(`${name} TLS handshake failed: ${err.code ?? err.message}`));
    }
    const servers = [connector, gateway, internal];
    try {
        const base = `https://${urlHost(host)}`;
        urls.connector = `${base}:${await listen(connector, options.port ?? 0, host)}`;
        urls.gateway = `${base}:${await listen(gateway, options.gatewayPort ?? 0, host)}`;
        urls.internal = `http://${urlHost(host)}:${await listen(internal, options.internalPort ?? 0, host)}`;
    }
    catch (e) {
        await Promise.all(servers.filter((s) => s.listening).map(closeServer));
        if (pki.ownsStateDir)
            await (0, promises_1.rm)(pki.stateDir, { recursive: true, force: true });
        throw e;
    }
    let closed;
    return {
        connectorUrl: urls.connector,
        gatewayUrl: urls.gateway,
        internalUrl: urls.internal,
        infoUrl: `${urls.gateway}${handlers_1.Paths.managementInfo}`,
        serverCaFile: pki.serverCaFile,
        clientCaFile: pki.clientCaFile,
        serverCaPem: pki.serverCa.certPem,
        clientCaPem: pki.clientCa.certPem,
        stateDir: pki.stateDir,
        mintToken: (application) => handlers.mintTokenReply(ctx, application),
        revokeHash: (hex) => void ctx.revoked.add(hex.toLowerCase()),
        isRevoked: (hex) => ctx.revoked.has(hex.toLowerCase()),
        injectFault: (fault) => void ctx.faults.add(fault),
        get pendingFaults() {
            return ctx.faults.size;
        },
        async issueClientCertificate(issue = {}) {
            let publicKey = issue.publicKey;
            let keyPem;
            if (publicKey === undefined) {
                const pair = await (0, pki_1.generateRsaKeyPair)(2048);
                publicKey = pair.key;
                keyPem = pair.keyPem;
            }
            const { certPem, caPem } = ctx.issuer.issueFor({
                publicKey,
                subject: issue.subject ?? (0, issuer_1.expectedSubject)(subject, issue.application ?? 'emulated-app'),
                notBefore: issue.notBefore,
                validityMs: issue.validityMs,
            });
            const sha256Hex = (0, node_crypto_1.createHash)('sha256').update(new node_crypto_1.X509Certificate(certPem).raw).digest('hex');
            return { certPem, caPem, keyPem, sha256Hex };
        },
        close() {
            closed ??= (async () => {
                delays.cancelAll();
                await Promise.all(servers.map(closeServer));
                if (pki.ownsStateDir)
                    await (0, promises_1.rm)(pki.stateDir, { recursive: true, force: true });
            })();
            return closed;
        },
    };
}
//# sourceMappingURL=server.js.map