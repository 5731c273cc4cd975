"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROXY_REFUSED = void 0;
exports.proxyFor = proxyFor;
exports.describeProxy = describeProxy;
const node_net_1 = require("node:net");
const errors_1 = require("../core/errors");
/** Error code of a CONNECT the proxy did not answer with 200 (agent.ts throws it, errors.ts explains it). */
exports.PROXY_REFUSED = 'EKYMAPROXYREFUSED';
/** The proxy for an https `target`, or undefined for a direct connection. */
function proxyFor(target, settings = {}, env = process.env) {
    const raw = settings.url ?? firstSet(env, ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']);
    if (!raw)
        return undefined;
    const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (!settings.includeLoopback && isLoopback(host))
        return undefined;
    const noProxy = [...(settings.noProxy ?? []), ...(firstSet(env, ['no_proxy', 'NO_PROXY']) ?? '').split(/[\s,]+/)];
    const port = Number(target.port) || 443;
    if (noProxy.some((entry) => bypasses(entry.trim().toLowerCase(), host, port)))
        return undefined;
    return parseProxyUrl(raw);
}
/** `host:port` of a proxy, for messages: never the user name or password of the URL. */
function describeProxy(proxy) {
    return proxy.host;
}
function firstSet(env, names) {
    for (const name of names)
        if (env[name] !== undefined)
            return env[name];
    return undefined;
}
function isLoopback(host) {
    if (host === 'localhost' || host.endsWith('.localhost') || host === '::1')
        return true;
    return (0, node_net_1.isIP)(host) === 4 && host.startsWith('127.');
}
/** curl's NO_PROXY rules: `*`, exact host, domain suffix (`corp`, `.corp`, `*.corp` all cover `a.corp`), `:port`. */
function bypasses(entry, host, port) {
    if (entry === '')
        return false;
    if (entry === '*')
        return true;
    const withPort = /^(.*):(\d+)$/.exec(entry);
    let name = withPort && !entry.includes('::') ? withPort[1] : entry;
    if (withPort && !entry.includes('::') && Number(withPort[2]) !== port)
        return false;
    name = name.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if ((0, node_net_1.isIP)(name) !== 0 || (0, node_net_1.isIP)(host) !== 0)
        return name === host;
    return host === name || host.endsWith(`.${name}`);
}
function parseProxyUrl(raw) {
    let url;
    try {
        url = new URL(raw.includes('://') ? raw : `http://${raw}`);
    }
    catch {
        throw new errors_1.KymaCertError('config', 'The proxy setting is not a URL.', 'Use http://host:port (or http://user:password@host:port).');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new errors_1.KymaCertError('config', `Proxy scheme ${url.protocol} is not supported.`, 'Use an HTTP(S) proxy that supports CONNECT: http://host:port.');
    }
    return url;
}
//# sourceMappingURL=proxy.js.map