"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TokenStore = void 0;
const node_crypto_1 = require("node:crypto");
/**
 * In-memory one-time tokens (the real service keeps them in go-cache, so they are lost on restart too).
 * A token is only removed by `consume`, which the handlers call after answering 200/201.
 */
class TokenStore {
    ttlMs;
    now;
    tokens = new Map();
    constructor(ttlMs, now) {
        this.ttlMs = ttlMs;
        this.now = now;
    }
    /** 64 random bytes, URL-safe base64 WITH padding (Go base64.URLEncoding): 88 characters ending in "==". */
    mint(context) {
        const token = (0, node_crypto_1.randomBytes)(64).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
        this.tokens.set(token, { context, expiresAt: this.now().getTime() + this.ttlMs });
        return token;
    }
    /** The context of a live token, or undefined for unknown, used or expired tokens. */
    resolve(token) {
        const entry = this.tokens.get(token);
        if (entry === undefined)
            return undefined;
        if (this.now().getTime() > entry.expiresAt) {
            this.tokens.delete(token);
            return undefined;
        }
        return entry.context;
    }
    consume(token) {
        this.tokens.delete(token);
    }
}
exports.TokenStore = TokenStore;
//# sourceMappingURL=tokens.js.map