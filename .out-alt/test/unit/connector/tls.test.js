"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * TLS behaviour of ConnectorClient against the emulator: server trust (CA file, system roots kept, insecure) and the
 * gateway refusing the client certificate, as Node actually reports it (reset, no alert; see EmulatorOptions).
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_diagnostics_channel_1 = require("node:diagnostics_channel");
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const connector_1 = require("../../../src/connector");
const agent_1 = require("../../../src/connector/agent");
const tls_1 = require("../../../src/connector/tls");
const emulator_1 = require("../../../src/emulator");
const certs_1 = require("../helpers/certs");
let emulator;
let other;
let expired;
let foreign;
(0, node_test_1.before)(async () => {
    [emulator, other] = await Promise.all([(0, emulator_1.startEmulator)(), (0, emulator_1.startEmulator)()]);
    expired = await emulator.issueClientCertificate({
        application: 'my-app',
        publicKey: (0, certs_1.keyNamed)('tls-key'),
        notBefore: new Date(Date.now() - 2 * certs_1.DAY_MS),
        validityMs: certs_1.DAY_MS,
    });
    foreign = await other.issueClientCertificate({ application: 'my-app', publicKey: (0, certs_1.keyNamed)('tls-key') });
});
(0, node_test_1.after)(() => Promise.all([emulator.close(), other.close()]));
const keyPem = () => (0, certs_1.keyNamed)('tls-key').export({ type: 'pkcs8', format: 'pem' });
(0, node_test_1.describe)('server trust', () => {
    (0, node_test_1.it)('rejects the self-signed cluster without a CA file → untrusted-server, remedy: pass the CA file', async () => {
        await strict_1.default.rejects(new connector_1.ConnectorClient().getSigningRequestInfo(emulator.mintToken('my-app').url), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'untrusted-server'), String(e));
            strict_1.default.match(e.message, /UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
            strict_1.default.equal(e.remedy?.kind, 'pass-ca-file');
            return true;
        });
    });
    (0, node_test_1.it)('trusts the server with caPem (also by host name, SNI), and with insecure', async () => {
        const viaCa = new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem } });
        strict_1.default.ok((await viaCa.getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl);
        const byName = emulator.mintToken('my-app').url.replace('127.0.0.1', 'localhost');
        strict_1.default.ok((await viaCa.getSigningRequestInfo(byName)).csrUrl);
        const insecure = new connector_1.ConnectorClient({ tls: { insecure: true } });
        strict_1.default.ok((await insecure.getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl);
    });
    (0, node_test_1.it)('does not trust a CA file of another cluster', async () => {
        const wrongCa = new connector_1.ConnectorClient({ tls: { caPem: other.serverCaPem } });
        await strict_1.default.rejects(wrongCa.getSigningRequestInfo(emulator.mintToken('my-app').url), (e) => (0, errors_1.isKymaCertError)(e, 'untrusted-server'));
    });
    (0, node_test_1.it)('starts from the system roots (no CA list re-parsed), verifies by default, keeps connections alive', () => {
        const options = (0, tls_1.secureContextOptions)({ caPem: emulator.serverCaPem });
        strict_1.default.equal(options.ca, undefined, 'caPem is added to the shared root store, not passed as a CA list');
        strict_1.default.equal(options.minVersion, 'TLSv1.2');
        const verified = (0, agent_1.agentFor)({ caPem: emulator.serverCaPem }, new URL('https://gateway.local.kyma.dev/x')).options;
        strict_1.default.equal(verified.rejectUnauthorized, true);
        strict_1.default.equal(verified.keepAlive, true);
        strict_1.default.equal(verified.servername, undefined, "per request: Node's agent sends SNI for names, never for IP literals");
        strict_1.default.equal((0, agent_1.agentFor)({ insecure: true }, new URL('https://[::1]:8443/x')).options.rejectUnauthorized, false);
    });
    (0, node_test_1.it)('caches one TLS context and one agent per (CA, certificate, key, insecure)', () => {
        const a = { caPem: emulator.serverCaPem, certPem: expired.certPem, keyPem: keyPem() };
        strict_1.default.equal((0, tls_1.secureContextFor)(a), (0, tls_1.secureContextFor)({ ...a }), 'same inputs → the same context');
        strict_1.default.notEqual((0, tls_1.secureContextFor)(a), (0, tls_1.secureContextFor)({ ...a, certPem: foreign.certPem }));
        const url = new URL(emulator.infoUrl);
        strict_1.default.equal((0, agent_1.agentFor)(a, url), (0, agent_1.agentFor)({ ...a }, url));
        strict_1.default.notEqual((0, agent_1.agentFor)(a, url), (0, agent_1.agentFor)({ ...a, insecure: true }, url), 'insecure never shares a verifying agent');
    });
    (0, node_test_1.it)('requests with the same credentials share one TLS connection', async () => {
        const client = await emulator.issueClientCertificate({ application: 'keep-alive-app', publicKey: (0, certs_1.keyNamed)('tls-key') });
        const connector = new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: client.certPem, keyPem: keyPem() } });
        const sockets = new Set();
        const onResponse = (message) => void sockets.add(message.request.socket);
        (0, node_diagnostics_channel_1.subscribe)('http.client.response.finish', onResponse);
        try {
            await connector.getManagementInfo(emulator.infoUrl);
            await connector.getManagementInfo(emulator.infoUrl);
            await connector.getManagementInfo(emulator.infoUrl);
        }
        finally {
            (0, node_diagnostics_channel_1.unsubscribe)('http.client.response.finish', onResponse);
        }
        const connections = sockets.size;
        strict_1.default.equal(connections, 1, 'three requests, one connection (one TLS handshake)');
    });
    (0, node_test_1.it)('reports unusable TLS inputs as config without echoing them', async () => {
        const client = new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: 'garbage-cert', keyPem: 'SECRET-KEY-MATERIAL' } });
        await strict_1.default.rejects(client.getManagementInfo(emulator.infoUrl), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'config'), String(e));
            strict_1.default.ok(!e.message.includes('SECRET'));
            return true;
        });
    });
});
(0, node_test_1.describe)('client certificate refused by the gateway', () => {
    (0, node_test_1.it)('expired client certificate → reset during the handshake → expired, with the new-certificate remedy', async () => {
        const client = new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: expired.certPem, keyPem: keyPem() } });
        await strict_1.default.rejects(client.getManagementInfo(emulator.infoUrl), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'expired'), String(e));
            strict_1.default.equal(e.status, undefined, 'no HTTP answer at all');
            strict_1.default.equal(e.remedy?.kind, 'new-certificate-with-token');
            return true;
        });
    });
    (0, node_test_1.it)('certificate from another CA → reset during the TLS 1.2 handshake → tls, with the new-certificate remedy', async () => {
        const client = new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: foreign.certPem, keyPem: keyPem() } });
        await strict_1.default.rejects(client.getManagementInfo(emulator.infoUrl), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'tls'), String(e));
            strict_1.default.match(e.message, /ECONNRESET/);
            strict_1.default.equal(e.remedy?.kind, 'new-certificate-with-token');
            return true;
        });
    });
    (0, node_test_1.it)('with TLS 1.3 on the gateway: expired is still recognised; a foreign CA looks like a reset (network + remedy)', async () => {
        const tls13 = await (0, emulator_1.startEmulator)({ stateDir: undefined, gatewayMaxTlsVersion: 'TLSv1.3' });
        try {
            const old = await tls13.issueClientCertificate({ application: 'my-app', publicKey: (0, certs_1.keyNamed)('tls-key'), notBefore: new Date(Date.now() - 2 * certs_1.DAY_MS), validityMs: certs_1.DAY_MS });
            const expiredClient = new connector_1.ConnectorClient({ tls: { caPem: tls13.serverCaPem, certPem: old.certPem, keyPem: keyPem() } });
            await strict_1.default.rejects(expiredClient.getManagementInfo(tls13.infoUrl), (e) => (0, errors_1.isKymaCertError)(e, 'expired'));
            const foreignClient = new connector_1.ConnectorClient({ tls: { caPem: tls13.serverCaPem, certPem: foreign.certPem, keyPem: keyPem() } });
            await strict_1.default.rejects(foreignClient.getManagementInfo(tls13.infoUrl), (e) => {
                strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'network'), String(e));
                strict_1.default.deepEqual(e.remedy, { kind: 'check-network', data: { maybeRejected: true } });
                return true;
            });
        }
        finally {
            await tls13.close();
        }
    });
});
//# sourceMappingURL=tls.test.js.map