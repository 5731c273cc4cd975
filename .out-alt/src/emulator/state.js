"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOOPBACK_HOSTS = exports.STATE_FILES = void 0;
exports.loadOrCreatePki = loadOrCreatePki;
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const boundedRead_1 = require("../io/boundedRead");
const node_net_1 = require("node:net");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const pki_1 = require("./pki");
const options_1 = require("./options");
exports.STATE_FILES = {
    serverCaCert: 'server-ca.crt',
    serverCaKey: 'server-ca.key',
    serverCert: 'server.crt',
    serverKey: 'server.key',
    clientCaCert: 'client-ca.crt',
    clientCaKey: 'client-ca.key',
};
const CA_VALIDITY_MS = 10 * 365 * options_1.DAY_MS;
const SERVER_CERT_VALIDITY_MS = 365 * options_1.DAY_MS;
exports.LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];
async function readIfExists(path) {
    return (await (0, boundedRead_1.readRegularFileIfExists)(path))?.toString('utf8');
}
/** Private keys are written 0600 (chmod too, in case the file already existed with wider permissions). */
async function writeSecret(path, data) {
    await (0, promises_1.writeFile)(path, data, { mode: 0o600 });
    await (0, promises_1.chmod)(path, 0o600);
}
function stillValid(certPem, now) {
    const cert = new node_crypto_1.X509Certificate(certPem);
    return new Date(cert.validTo).getTime() > now.getTime() && new Date(cert.validFrom).getTime() <= now.getTime();
}
async function loadOrCreateAuthority(dir, certFile, keyFile, commonName, bits, now) {
    const certPem = await readIfExists((0, node_path_1.join)(dir, certFile));
    const keyPem = await readIfExists((0, node_path_1.join)(dir, keyFile));
    if (certPem !== undefined && keyPem !== undefined && stillValid(certPem, now)) {
        return { ca: (0, pki_1.loadAuthority)(certPem, keyPem), created: false };
    }
    const pair = await (0, pki_1.generateRsaKeyPair)(bits);
    const pem = (0, pki_1.createAuthorityCertificate)(commonName, pair.key, now, CA_VALIDITY_MS);
    await writeSecret((0, node_path_1.join)(dir, keyFile), pair.keyPem);
    await (0, promises_1.writeFile)((0, node_path_1.join)(dir, certFile), pem);
    return { ca: (0, pki_1.loadAuthority)(pem, pair.keyPem), created: true };
}
function coversHosts(certPem, hosts) {
    const cert = new node_crypto_1.X509Certificate(certPem);
    return hosts.every((h) => ((0, node_net_1.isIP)(h) === 0 ? cert.checkHost(h) !== undefined : cert.checkIP(h) !== undefined));
}
/**
 * Loads the PKI from `stateDir` or creates what is missing or expired. A new server CA forces a new server
 * certificate; the client CA is independent (renewing it would invalidate every issued client certificate).
 */
async function loadOrCreatePki(options) {
    const ownsStateDir = options.stateDir === undefined;
    const stateDir = options.stateDir ?? (await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'kyma-emulator-')));
    await (0, promises_1.mkdir)(stateDir, { recursive: true, mode: 0o700 });
    const server = await loadOrCreateAuthority(stateDir, exports.STATE_FILES.serverCaCert, exports.STATE_FILES.serverCaKey, 'Kyma Emulator Server CA', 2048, options.now);
    const client = await loadOrCreateAuthority(stateDir, exports.STATE_FILES.clientCaCert, exports.STATE_FILES.clientCaKey, 'Kyma', options.clientCaBits, options.now);
    const hosts = [...new Set([...exports.LOOPBACK_HOSTS, ...options.extraHosts])];
    let serverCertPem = await readIfExists((0, node_path_1.join)(stateDir, exports.STATE_FILES.serverCert));
    let serverKeyPem = await readIfExists((0, node_path_1.join)(stateDir, exports.STATE_FILES.serverKey));
    const reusable = !server.created &&
        serverCertPem !== undefined &&
        serverKeyPem !== undefined &&
        stillValid(serverCertPem, options.now) &&
        coversHosts(serverCertPem, hosts) &&
        new node_crypto_1.X509Certificate(serverCertPem).verify(new node_crypto_1.X509Certificate(server.ca.certPem).publicKey);
    if (!reusable) {
        const pair = await (0, pki_1.generateRsaKeyPair)(2048);
        serverKeyPem = pair.keyPem;
        serverCertPem = (0, pki_1.createServerCertificate)(server.ca, pair.key, hosts, options.now, SERVER_CERT_VALIDITY_MS);
        await writeSecret((0, node_path_1.join)(stateDir, exports.STATE_FILES.serverKey), serverKeyPem);
        await (0, promises_1.writeFile)((0, node_path_1.join)(stateDir, exports.STATE_FILES.serverCert), serverCertPem);
    }
    return {
        stateDir,
        ownsStateDir,
        serverCa: server.ca,
        serverCertPem: serverCertPem,
        serverKeyPem: serverKeyPem,
        clientCa: client.ca,
        serverCaFile: (0, node_path_1.join)(stateDir, exports.STATE_FILES.serverCaCert),
        clientCaFile: (0, node_path_1.join)(stateDir, exports.STATE_FILES.clientCaCert),
    };
}
//# sourceMappingURL=state.js.map