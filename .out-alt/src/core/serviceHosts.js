"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isSameServiceUrl = isSameServiceUrl;
exports.requireSameServiceUrl = requireSameServiceUrl;
/**
 * Which host may a URL handed back by the server point at? Pure functions, no I/O.
 *
 * The Connector Service answers with URLs (`renewCertUrl`, `revokeCertUrl`, the token flow's `csrUrl` and
 * `api.infoUrl`, Compass's `certificateSecuredConnectorURL`). Following one blindly would present the client
 * certificate to, or post a CSR to, whatever host a hostile or compromised answer names. So a handed-back URL must
 * be https and on the host the user configured, or on that host's documented partner for the same cluster domain:
 *
 *   connector-service.D ↔ gateway.D                  (Kyma Connector Service, connector-service-api.md §1)
 *   compass-gateway.D   ↔ compass-gateway-mtls.D     (Compass Connector, compass-connector-api.md §1)
 *   adapter-gateway.D   ↔ adapter-gateway-mtls.D     (Compass connectivity adapter, same §1)
 *
 * Ports are not compared. TLS authenticates a host name, not a port, so another port on the same name is no less
 * the configured server; and the emulator (like any cluster with a non-default ingress port) serves the token host
 * and the mTLS host as two ports of one loopback address. Host names compare case-insensitively, without a
 * trailing dot; IP literals must match exactly (they have no partners).
 */
const errors_1 = require("./errors");
/** Host-name prefixes that name the two faces of one service on the same cluster domain. */
const HOST_PAIRS = [
    ['connector-service.', 'gateway.'],
    ['compass-gateway.', 'compass-gateway-mtls.'],
    ['adapter-gateway.', 'adapter-gateway-mtls.'],
];
function normalHost(url) {
    return url.hostname.toLowerCase().replace(/\.$/, '');
}
/** Which pair a host belongs to, and its cluster domain, when it is one of the documented service hosts. */
function roleOf(host) {
    // Prefixes end in a dot and anchor at the start, so `gateway.` never matches inside `compass-gateway.D`.
    for (const [pair, [a, b]] of HOST_PAIRS.entries()) {
        for (const prefix of [a, b]) {
            if (host.startsWith(prefix) && host.length > prefix.length)
                return { pair, domain: host.slice(prefix.length) };
        }
    }
    return undefined;
}
/**
 * True when `handed` may be used by a client configured with `configured`: https, and the same host or its
 * documented partner on the same domain (see the module comment). Unparseable URLs are never allowed.
 */
function isSameServiceUrl(configured, handed) {
    let c;
    let h;
    try {
        c = new URL(configured);
        h = new URL(handed);
    }
    catch {
        return false;
    }
    if (h.protocol !== 'https:' || h.username !== '' || h.password !== '')
        return false;
    const ch = normalHost(c);
    const hh = normalHost(h);
    if (ch === hh)
        return true;
    const cr = roleOf(ch);
    const hr = roleOf(hh);
    return cr !== undefined && hr !== undefined && cr.pair === hr.pair && cr.domain === hr.domain;
}
/**
 * Returns `handed` when `isSameServiceUrl` allows it; otherwise a `server` error that names both hosts, thrown
 * before anything is sent there. `what` names the field (`renewCertUrl`).
 */
function requireSameServiceUrl(configured, handed, what) {
    if (isSameServiceUrl(configured, handed))
        return handed;
    let shown;
    try {
        const u = new URL(handed);
        shown = `${u.protocol}//${u.host}`; // never the path or query: a token may ride in it
    }
    catch {
        shown = 'an unreadable URL';
    }
    let configuredHost;
    try {
        configuredHost = new URL(configured).host;
    }
    catch {
        configuredHost = configured;
    }
    throw new errors_1.KymaCertError('server', `The server answered a ${what} on ${shown}, which is not ${configuredHost} or its partner host; it was not contacted.`, 'Check that the URL you configured points at your cluster. A Kyma cluster uses connector-service.<domain> and gateway.<domain> only.');
}
//# sourceMappingURL=serviceHosts.js.map