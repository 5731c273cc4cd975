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
exports.internalRoutes = exports.gatewayRoutes = exports.connectorRoutes = void 0;
exports.readBody = readBody;
exports.createRequestHandler = createRequestHandler;
const handlers = __importStar(require("./handlers"));
const handlers_1 = require("./handlers");
const browserGuard_1 = require("./browserGuard");
const reply_1 = require("./reply");
const router_1 = require("./router");
/** The token host serves exactly the two onboarding paths (the Istio VirtualService routes only those). */
exports.connectorRoutes = new Map([
    [handlers_1.Paths.signingRequestInfo, { methods: { GET: handlers.signingRequestInfo }, endpoint: 'signingRequestInfo' }],
    [handlers_1.Paths.certificates, { methods: { POST: handlers.certificates }, endpoint: 'certificates' }],
]);
/** The mTLS gateway serves the certificate-authenticated paths. */
exports.gatewayRoutes = new Map([
    [handlers_1.Paths.managementInfo, { methods: { GET: handlers.managementInfo }, endpoint: 'managementInfo' }],
    [handlers_1.Paths.renewals, { methods: { POST: handlers.renewals }, endpoint: 'renewals' }],
    [handlers_1.Paths.revocations, { methods: { POST: handlers.revocations }, endpoint: 'revocations' }],
]);
/** The in-cluster API plus emulator-only control routes (never faulted). */
exports.internalRoutes = new Map([
    [handlers_1.Paths.tokens, { methods: { POST: handlers.internalTokens }, internal: true }],
    [handlers_1.Paths.revocations, { methods: { POST: handlers.internalRevocations }, internal: true }],
    [handlers_1.Paths.emulatorFaults, { methods: { POST: handlers.emulatorFaults }, internal: true }],
    [handlers_1.Paths.emulatorCertificates, { methods: { POST: handlers.emulatorCertificates }, internal: true }],
]);
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The whole body, or undefined when it exceeds the cap (the connection is then destroyed). */
function readBody(req) {
    return new Promise((resolveBody, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                req.destroy();
                resolveBody(undefined);
            }
            else
                chunks.push(chunk);
        });
        req.on('end', () => resolveBody(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}
const KYMA_NOT_FOUND = { notFound: (0, reply_1.errorReply)(404, reply_1.Messages.notFound), methodNotAllowed: (0, reply_1.errorReply)(405, reply_1.Messages.methodNotAllowed) };
const INJECTED_ERROR = 'Internal server error (injected by the emulator).';
const GARBAGE_BODY = '<html><body><h1>502 Bad Gateway</h1></body></html>\n';
/**
 * One listener's request pipeline: read body → route (404/405) → request fault (drop, delay, status, garbage)
 * → handler → reply. Logs method, path and status only: never bodies, never query strings (tokens).
 */
function createRequestHandler(name, routes, ctx, delays, log, { notFound, methodNotAllowed } = KYMA_NOT_FOUND) {
    return async (req, res) => {
        const method = req.method ?? 'GET';
        const url = new URL(req.url ?? '/', 'http://emulator');
        const done = (outcome) => log(`${name} ${method} ${url.pathname} ${outcome}`);
        const drop = () => {
            req.socket.destroy();
            done('dropped');
        };
        try {
            const body = await readBody(req);
            if (body === undefined)
                return drop();
            const route = (0, router_1.resolve)(routes, method, url.pathname);
            const refusal = route.kind === 'found' && route.route.internal ? (0, browserGuard_1.browserRefusal)(req) : undefined;
            let reply;
            if (route.kind === 'not-found')
                reply = notFound;
            else if (route.kind === 'method-not-allowed')
                reply = methodNotAllowed;
            else if (refusal)
                reply = refusal;
            else {
                const socket = req.socket;
                // Only mTLS listeners ask for certificates; `authorized` is true there for every request that got this far.
                const peer = typeof socket.getPeerCertificate === 'function' && socket.authorized ? socket.getPeerCertificate() : undefined;
                const request = { method, url, headers: req.headers, body, peerCertificate: peer?.raw };
                const endpoint = route.route.endpoint ?? route.route.endpointOf?.(request);
                const fault = endpoint === undefined ? undefined : ctx.faults.takeRequestFault(endpoint);
                if (fault?.kind === 'drop')
                    return drop();
                if (fault?.kind === 'delay')
                    await delays.wait(fault.ms);
                if (fault?.kind === 'status') {
                    reply = (0, reply_1.errorReply)(fault.status ?? 500, fault.message ?? INJECTED_ERROR);
                }
                else if (fault?.kind === 'garbage') {
                    reply = { status: fault.status ?? 200, raw: fault.body ?? GARBAGE_BODY, contentType: 'text/html' };
                }
                else {
                    reply = await route.handler(request, ctx);
                }
            }
            if (reply === 'drop')
                return drop();
            (0, reply_1.writeReply)(res, reply);
            done(reply.status);
        }
        catch (e) {
            // Closed while delayed, or a bug: never leave the client hanging.
            if (!res.headersSent && !req.socket.destroyed && e.message !== 'emulator closed') {
                (0, reply_1.writeReply)(res, (0, reply_1.errorReply)(500, 'Internal server error.'));
                done(500);
            }
            else
                drop();
        }
    };
}
//# sourceMappingURL=pipeline.js.map