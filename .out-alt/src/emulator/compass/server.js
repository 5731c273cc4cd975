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
exports.COMPASS_VALIDITY_MS = void 0;
exports.startCompassEmulator = startCompassEmulator;
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const http = __importStar(require("node:http"));
const https = __importStar(require("node:https"));
const delays_1 = require("../delays");
const faults_1 = require("../faults");
const handlers_1 = require("../handlers");
const issuer_1 = require("../issuer");
const options_1 = require("../options");
const pipeline_1 = require("../pipeline");
const pki_1 = require("../pki");
const reply_1 = require("../reply");
const server_1 = require("../server");
const state_1 = require("../state");
const adapter_1 = require("./adapter");
const connector_1 = require("./connector");
const context_1 = require("./context");
const director_1 = require("./director");
const signing_1 = require("./signing");
const state_2 = require("./state");
/** The Compass chart's certificate validity: 2160h (§7). */
exports.COMPASS_VALIDITY_MS = 90 * options_1.DAY_MS;
function parseJson(body) {
    try {
        const value = JSON.parse(body.toString('utf8'));
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** Revocation by hash (what an administrator does by editing the revocation ConfigMap). */
const internalRevocations = async (request, ctx) => {
    const hash = parseJson(request.body)?.hash;
    if (typeof hash !== 'string' || hash === '')
        return (0, reply_1.errorReply)(400, 'certificate hash value not provided.');
    ctx.state.revoked.add(hash.toLowerCase());
    return { status: 201 };
};
function issueDirect(ctx, options) {
    const existing = options.systemAuthId === undefined ? undefined : ctx.state.systemAuth(options.systemAuthId);
    if (options.systemAuthId !== undefined && existing === undefined)
        throw new Error(`unknown SystemAuth ${options.systemAuthId}`);
    const auth = existing ?? ctx.state.newSystemAuth(ctx.state.application(options.application ?? 'emulated-app'));
    const issued = ctx.issuer.issueFor({ publicKey: options.publicKey, subject: (0, signing_1.compassSubject)(ctx.subject, auth.id), notBefore: options.notBefore, validityMs: options.validityMs });
    return { ...issued, systemAuthId: auth.id };
}
/** POST /emulator/certificates `{publicKeyPem, application?, systemAuthId?, validityMs?, notBefore?}` (never a private key). */
const emulatorCertificates = async (request, ctx) => {
    const body = parseJson(request.body);
    try {
        if (typeof body?.publicKeyPem !== 'string')
            throw new Error('"publicKeyPem" is required');
        const issued = issueDirect(ctx, {
            publicKey: (0, node_crypto_1.createPublicKey)(body.publicKeyPem),
            application: typeof body.application === 'string' ? body.application : undefined,
            systemAuthId: typeof body.systemAuthId === 'string' ? body.systemAuthId : undefined,
            validityMs: typeof body.validityMs === 'number' ? body.validityMs : undefined,
            notBefore: typeof body.notBefore === 'string' ? new Date(body.notBefore) : undefined,
        });
        return (0, reply_1.jsonReply)(201, { ...(0, issuer_1.certificateResponse)(issued.certPem, issued.caPem), systemAuthId: issued.systemAuthId });
    }
    catch (e) {
        return (0, reply_1.errorReply)(400, e.message);
    }
};
const internalRoutes = new Map([
    [handlers_1.Paths.tokens, { methods: { POST: director_1.internalApplicationTokens }, internal: true }],
    [handlers_1.Paths.revocations, { methods: { POST: internalRevocations }, internal: true }],
    [context_1.CompassPaths.director, (0, director_1.directorRoute)(true)],
    [handlers_1.Paths.emulatorFaults, { methods: { POST: handlers_1.emulatorFaults }, internal: true }],
    [handlers_1.Paths.emulatorCertificates, { methods: { POST: emulatorCertificates }, internal: true }],
]);
/**
 * Starts the Compass flavor (compass-connector-api.md §11): the connector's token and mTLS hosts, the Director stub
 * on the mTLS host, the connectivity adapter's token and mTLS hosts, and the internal listener. One state (tokens,
 * SystemAuths, revocations) behind all of them, so a revocation removes the identity everywhere.
 */
async function startCompassEmulator(options = {}) {
    const now = options.now ?? (() => new Date());
    const host = options.host ?? '127.0.0.1';
    (0, server_1.assertListenAddressAllowed)(host, options);
    const log = options.log ?? (() => undefined);
    const extraHosts = [...state_1.LOOPBACK_HOSTS, '0.0.0.0', '::', ''].includes(host) ? [] : [host];
    const pki = await (0, state_1.loadOrCreatePki)({ stateDir: options.stateDir, extraHosts, clientCaBits: options.caKeyBits ?? 2048, now: now() });
    const delays = new delays_1.Delays();
    const urls = { tokenHost: '', mtlsHost: '', adapter: '', adapterMtls: '', internal: '' };
    const ctx = {
        state: new state_2.CompassState(options.tokenTtlMs ?? options_1.DEFAULT_TOKEN_TTL_MS, now),
        subject: { ...signing_1.COMPASS_SUBJECT, ...options.subject },
        faults: new faults_1.FaultQueue(),
        issuer: new issuer_1.Issuer(pki.clientCa, options.validityMs ?? exports.COMPASS_VALIDITY_MS, now),
        urls,
    };
    const tlsBase = { key: pki.serverKeyPem, cert: pki.serverCertPem, minVersion: 'TLSv1.2' };
    const mutual = { ...tlsBase, maxVersion: options.gatewayMaxTlsVersion ?? 'TLSv1.2', requestCert: true, rejectUnauthorized: true, ca: [pki.clientCa.certPem] };
    const handler = (name, routes, goErrors = false) => (0, pipeline_1.createRequestHandler)(name, routes, ctx, delays, log, goErrors ? adapter_1.GO_NOT_FOUND : undefined);
    const tokenHost = https.createServer(tlsBase, handler('compass-gateway', new Map([[context_1.CompassPaths.connector, (0, connector_1.connectorRoute)(false)]])));
    const mtlsHost = https.createServer(mutual, handler('compass-gateway-mtls', new Map([[context_1.CompassPaths.connector, (0, connector_1.connectorRoute)(true)], [context_1.CompassPaths.director, (0, director_1.directorRoute)(false)]])));
    const adapter = https.createServer(tlsBase, handler('adapter-gateway', (0, adapter_1.adapterRoutes)(false), true));
    const adapterMtls = https.createServer(mutual, handler('adapter-gateway-mtls', (0, adapter_1.adapterRoutes)(true), true));
    const internal = http.createServer(handler('internal', internalRoutes));
    const named = [['compass-gateway', tokenHost], ['compass-gateway-mtls', mtlsHost], ['adapter-gateway', adapter], ['adapter-gateway-mtls', adapterMtls]];
    for (const [name, server] of named) {
        server.on('tlsClientError', (err) => log(`${name} TLS handshake failed: ${err.code ?? err.message}`));
    }
    const servers = [tokenHost, mtlsHost, adapter, adapterMtls, internal];
    try {
        const base = `https://${(0, server_1.urlHost)(host)}`;
        urls.tokenHost = `${base}:${await (0, server_1.listen)(tokenHost, options.port ?? 0, host)}`;
        urls.mtlsHost = `${base}:${await (0, server_1.listen)(mtlsHost, options.gatewayPort ?? 0, host)}`;
        urls.adapter = `${base}:${await (0, server_1.listen)(adapter, 0, host)}`;
        urls.adapterMtls = `${base}:${await (0, server_1.listen)(adapterMtls, 0, host)}`;
        urls.internal = `http://${(0, server_1.urlHost)(host)}:${await (0, server_1.listen)(internal, options.internalPort ?? 0, host)}`;
    }
    catch (e) {
        await Promise.all(servers.filter((s) => s.listening).map(server_1.closeServer));
        if (pki.ownsStateDir)
            await (0, promises_1.rm)(pki.stateDir, { recursive: true, force: true });
        throw e;
    }
    let closed;
    return {
        flavor: 'compass',
        connectorUrl: `${urls.tokenHost}${context_1.CompassPaths.connector}`,
        certificateSecuredConnectorUrl: `${urls.mtlsHost}${context_1.CompassPaths.connector}`,
        directorUrl: `${urls.mtlsHost}${context_1.CompassPaths.director}`,
        adapterUrl: urls.adapter,
        adapterMtlsUrl: urls.adapterMtls,
        internalUrl: urls.internal,
        infoUrl: `${urls.adapterMtls}${handlers_1.Paths.managementInfo}`,
        serverCaFile: pki.serverCaFile,
        clientCaFile: pki.clientCaFile,
        serverCaPem: pki.serverCa.certPem,
        clientCaPem: pki.clientCa.certPem,
        stateDir: pki.stateDir,
        mintToken: (application) => ctx.state.tokenForApplication(ctx.state.newSystemAuth(ctx.state.application(application)), `${urls.tokenHost}${context_1.CompassPaths.connector}`, urls.adapter),
        revokeHash: (hex) => void ctx.state.revoked.add(hex.toLowerCase()),
        isRevoked: (hex) => ctx.state.revoked.has(hex.toLowerCase()),
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
            const issued = issueDirect(ctx, { ...issue, publicKey });
            const sha256Hex = (0, node_crypto_1.createHash)('sha256').update(new node_crypto_1.X509Certificate(issued.certPem).raw).digest('hex');
            return { ...issued, keyPem, sha256Hex };
        },
        close() {
            closed ??= (async () => {
                delays.cancelAll();
                await Promise.all(servers.map(server_1.closeServer));
                if (pki.ownsStateDir)
                    await (0, promises_1.rm)(pki.stateDir, { recursive: true, force: true });
            })();
            return closed;
        },
    };
}
//# sourceMappingURL=server.js.map