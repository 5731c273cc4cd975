"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CompassState = void 0;
const node_crypto_1 = require("node:crypto");
/** Go's zero time.Time in JSON: what `usedAt` holds for an unused token. */
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
class CompassState {
    tokenTtlMs;
    now;
    applications = new Map();
    systemAuths = new Map();
    tokens = new Map();
    /** systemAuth id → its current token (a SystemAuth has at most one; minting replaces it). */
    tokenOf = new Map();
    /** Lower-case hex SHA-256 of revoked certificates (the revocation ConfigMap). */
    revoked = new Set();
    constructor(tokenTtlMs, now) {
        this.tokenTtlMs = tokenTtlMs;
        this.now = now;
    }
    /** The application of that name, created on first use (the Director stub has no registration API). */
    application(name) {
        for (const app of this.applications.values())
            if (app.name === name)
                return app;
        const app = { id: (0, node_crypto_1.randomUUID)(), name };
        this.applications.set(app.id, app);
        return app;
    }
    applicationById(id) {
        return this.applications.get(id);
    }
    /** A new SystemAuth for the application: every admin token request without systemAuthID creates one (§3.3). */
    newSystemAuth(application) {
        const auth = { id: (0, node_crypto_1.randomUUID)(), application };
        this.systemAuths.set(auth.id, auth);
        return auth;
    }
    systemAuth(id) {
        return this.systemAuths.get(id);
    }
    /** 64 random bytes, base64.URLEncoding (88 characters ending in "=="); replaces the SystemAuth's previous token. */
    mintToken(auth) {
        const previous = this.tokenOf.get(auth.id);
        if (previous !== undefined)
            this.tokens.delete(previous);
        const token = (0, node_crypto_1.randomBytes)(64).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
        const createdAt = this.now();
        this.tokens.set(token, { token, createdAt, used: false });
        this.tokenOf.set(auth.id, token);
        return { token, createdAt };
    }
    /**
     * The hydrator's token check (§3.1): exact match, unused, `createdAt + TTL > now`. A valid token is marked used
     * right here, before any operation runs: it is spent whether or not the operation later succeeds.
     */
    redeem(token) {
        if (!token)
            return undefined;
        const entry = this.tokens.get(token);
        if (entry === undefined || entry.used)
            return undefined;
        if (entry.createdAt.getTime() + this.tokenTtlMs <= this.now().getTime())
            return undefined;
        entry.used = true;
        entry.usedAt = this.now();
        for (const [authId, current] of this.tokenOf)
            if (current === token)
                return this.systemAuths.get(authId);
        return undefined;
    }
    /** The Director's answer for a freshly minted application token (§9), with `raw`/`rawEncoded` as Go builds them. */
    tokenForApplication(auth, connectorUrl, adapterUrl) {
        const { token, createdAt } = this.mintToken(auth);
        const expiresAt = new Date(createdAt.getTime() + this.tokenTtlMs).toISOString();
        const raw = JSON.stringify({
            token,
            connectorURL: connectorUrl,
            used: false,
            expiresAt,
            createdAt: createdAt.toISOString(),
            usedAt: GO_ZERO_TIME,
            type: 'Application',
            scenario_groups: null,
        });
        return {
            token,
            connectorURL: connectorUrl,
            // Appended unescaped, as the Director does (§9); the token alphabet is URL-safe anyway.
            legacyConnectorURL: `${adapterUrl}/v1/applications/signingRequests/info?token=${token}`,
            used: false,
            expiresAt,
            createdAt: createdAt.toISOString(),
            usedAt: GO_ZERO_TIME,
            raw,
            rawEncoded: Buffer.from(raw, 'utf8').toString('base64'),
            type: 'Application',
            scenarioGroups: null,
        };
    }
}
exports.CompassState = CompassState;
//# sourceMappingURL=state.js.map