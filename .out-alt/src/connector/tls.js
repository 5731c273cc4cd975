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
exports.secureContextOptions = secureContextOptions;
exports.createSecureContext = createSecureContext;
exports.secureContextFor = secureContextFor;
exports.contextKey = contextKey;
const node_crypto_1 = require("node:crypto");
const tls = __importStar(require("node:tls"));
/**
 * Trust and client credentials as TLS context options, without the CA: `secureContextFor` adds `caPem` to Node's
 * shared root store instead of re-parsing the ~145 system roots (30–50 ms per context).
 */
function secureContextOptions(options) {
    return { minVersion: 'TLSv1.2', cert: options.certPem, key: options.keyPem };
}
/**
 * A TLS context trusting the system roots plus `caPem` (a CA file must not switch the public roots off), with the
 * client certificate and key for mTLS. Starting from the shared root store and adding `caPem` costs ~1 ms; the
 * fallback (roots as PEM strings + caPem) ~40 ms, for a runtime without `addCACert`.
 */
function createSecureContext(options) {
    const base = secureContextOptions(options);
    if (options.caPem === undefined)
        return tls.createSecureContext(base);
    const context = tls.createSecureContext(base); // no `ca` → Node's shared root store
    const native = context.context;
    if (typeof native?.addCACert !== 'function') {
        return tls.createSecureContext({ ...base, ca: [...tls.rootCertificates, options.caPem] });
    }
    // Copies the shared store (already parsed roots, reference-counted) before adding: other contexts stay unchanged.
    native.addCACert(options.caPem);
    return context;
}
const MAX_CACHED_CONTEXTS = 8;
const contexts = new Map();
/**
 * One context per (CA, certificate, key), reused by every client and agent: the editor renews and asks for
 * management info many times with the same files. The cache key is a SHA-256 over the inputs (the key's bytes are
 * never kept as a map key or logged). Small LRU: a renewal makes two entries (old and new certificate).
 */
function secureContextFor(options) {
    const key = contextKey(options);
    const cached = contexts.get(key);
    if (cached) {
        contexts.delete(key);
        contexts.set(key, cached); // most recently used last
        return cached;
    }
    const context = createSecureContext(options);
    contexts.set(key, context);
    if (contexts.size > MAX_CACHED_CONTEXTS)
        contexts.delete(contexts.keys().next().value);
    return context;
}
/** SHA-256 of the TLS inputs: the identity of a context (and, with the proxy, of an agent). */
function contextKey(options) {
    const hash = (0, node_crypto_1.createHash)('sha256');
    for (const part of [options.caPem, options.certPem, options.keyPem])
        hash.update(part === undefined ? '\u0000none' : `\u0001${part.length}:${part}`);
    return hash.digest('hex');
}
//# sourceMappingURL=tls.js.map