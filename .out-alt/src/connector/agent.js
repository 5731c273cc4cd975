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
exports.agentFor = agentFor;
exports.closeAllAgents = closeAllAgents;
exports.handshakeCompleted = handshakeCompleted;
const https = __importStar(require("node:https"));
const https_proxy_agent_1 = require("https-proxy-agent");
const proxy_1 = require("./proxy");
const tls_1 = require("./tls");
/** Sockets whose TLS handshake finished: a reset before that is how a server refuses a client certificate. */
const handshaken = new WeakSet();
/** Idle keep-alive connections close after this (below the 5 s keep-alive of Node servers, so a reused one is alive). */
const IDLE_SOCKET_MS = 4_000;
/** The agent for requests to `target` with these credentials. Cached: call it per request, it is cheap. */
function agentFor(options, target) {
    const proxy = (0, proxy_1.proxyFor)(target, options.proxy);
    const key = `${(0, tls_1.contextKey)(options)}|${options.insecure === true}|${proxy?.href ?? ''}`;
    let agent = agents.get(key);
    if (agent) {
        agents.delete(key);
    }
    else {
        const tlsOptions = { minVersion: 'TLSv1.2', rejectUnauthorized: options.insecure !== true, secureContext: (0, tls_1.secureContextFor)(options) };
        agent = proxy ? new TunnelAgent(proxy, tlsOptions) : new DirectAgent({ ...tlsOptions, keepAlive: true, timeout: IDLE_SOCKET_MS });
    }
    agents.set(key, agent); // most recently used last
    // Dropped agents are not destroyed (a request may still use one); their idle sockets close on their own.
    if (agents.size > MAX_CACHED_AGENTS)
        agents.delete(agents.keys().next().value);
    return agent;
}
const MAX_CACHED_AGENTS = 8;
const agents = new Map();
/** Closes every cached connection (tests; an editor window that closes). */
function closeAllAgents() {
    for (const agent of agents.values())
        agent.destroy();
    agents.clear();
}
/** Whether the TLS handshake of the socket that served `request` (axios: `error.request`) had completed. */
function handshakeCompleted(request) {
    const socket = request?.socket;
    return socket !== undefined && socket !== null && handshaken.has(socket);
}
function track(socket) {
    socket.once('secureConnect', () => handshaken.add(socket));
}
/** Direct connections. SNI: Node's agent sends the host name, never an IP literal (RFC 6066). */
class DirectAgent extends https.Agent {
    createConnection(options, callback) {
        const socket = super.createConnection(options, callback);
        track(socket);
        return socket;
    }
}
/**
 * A CONNECT tunnel through the proxy (https-proxy-agent), then TLS to the target inside it with our context:
 * the proxy sees `CONNECT host:port` and encrypted bytes, never the key, the certificate's private half or the
 * plaintext. TLS options go only to the target's handshake, not to the proxy connection.
 */
class TunnelAgent extends https_proxy_agent_1.HttpsProxyAgent {
    via;
    targetTls;
    constructor(via, targetTls) {
        super(via, { keepAlive: true, timeout: IDLE_SOCKET_MS });
        this.via = via;
        this.targetTls = targetTls;
    }
    async connect(req, opts) {
        let status = 0;
        req.once('proxyConnect', (answer) => (status = answer.statusCode));
        let socket;
        try {
            socket = await super.connect(req, { ...opts, ...this.targetTls });
        }
        catch (e) {
            const error = e;
            error.message = `via proxy ${(0, proxy_1.describeProxy)(this.via)}: ${error.message}`;
            throw error;
        }
        if (status !== 200) {
            // https-proxy-agent would replay the proxy's answer as if the target had sent it (a 403 would read as
            // "revoked"): fail the request instead, naming the proxy and its status only.
            socket.destroy();
            const error = new Error(`proxy ${(0, proxy_1.describeProxy)(this.via)} answered ${status} to CONNECT ${opts.host}:${opts.port}`);
            error.code = proxy_1.PROXY_REFUSED;
            error.proxyStatus = status;
            throw error;
        }
        track(socket);
        return socket;
    }
}
//# sourceMappingURL=agent.js.map