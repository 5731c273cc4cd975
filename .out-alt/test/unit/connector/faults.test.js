"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Each emulator fault kind, observed through ConnectorClient: what the client reports, or (for certificates that
 * are well-formed but wrong) what a caller can see in the returned certificate before trusting it.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_test_1 = require("node:test");
const certificate_1 = require("../../../src/core/certificate");
const csr_1 = require("../../../src/core/csr");
const errors_1 = require("../../../src/core/errors");
const connector_1 = require("../../../src/connector");
const emulator_1 = require("../../../src/emulator");
const certs_1 = require("../helpers/certs");
let emulator;
(0, node_test_1.before)(async () => {
    emulator = await (0, emulator_1.startEmulator)();
});
(0, node_test_1.after)(() => emulator.close());
const client = (options = {}) => new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem }, ...options });
const csr = () => (0, csr_1.createCsr)((0, certs_1.kymaSubject)('my-app'), (0, certs_1.keyNamed)('fault-key'));
async function issueWithFault(fault) {
    const { csrUrl } = await client().getSigningRequestInfo(emulator.mintToken('my-app').url);
    emulator.injectFault(fault);
    return client().signCsrWithToken(csrUrl, csr());
}
(0, node_test_1.describe)('certificate faults (well-formed answers with a wrong certificate)', () => {
    (0, node_test_1.it)('foreign-key: the certificate is not for the CSR key', async () => {
        const certs = await issueWithFault({ endpoint: 'certificates', kind: 'foreign-key' });
        strict_1.default.equal(new node_crypto_1.X509Certificate(certs.clientCrtPem).publicKey.equals((0, csr_1.parseCsr)(csr()).publicKey), false);
        strict_1.default.ok((0, certificate_1.isIssuedBy)(certs.clientCrtPem, certs.caCrtPem));
    });
    (0, node_test_1.it)('wrong-subject: the certificate subject is not the one requested', async () => {
        const certs = await issueWithFault({ endpoint: 'certificates', kind: 'wrong-subject' });
        strict_1.default.notEqual((0, certificate_1.certificateFacts)(certs.clientCrtPem).subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
    });
    (0, node_test_1.it)('expired: NotAfter is already in the past', async () => {
        const certs = await issueWithFault({ endpoint: 'certificates', kind: 'expired' });
        strict_1.default.ok((0, certificate_1.certificateFacts)(certs.clientCrtPem).notAfter.getTime() < Date.now());
    });
    (0, node_test_1.it)('foreign-ca: signed by another CA, reported consistently; the gateway refuses it', async () => {
        const certs = await issueWithFault({ endpoint: 'certificates', kind: 'foreign-ca' });
        strict_1.default.ok((0, certificate_1.isIssuedBy)(certs.clientCrtPem, certs.caCrtPem), 'self-consistent answer');
        strict_1.default.notEqual(certs.caCrtPem, emulator.clientCaPem);
        strict_1.default.equal((0, certificate_1.isIssuedBy)(certs.clientCrtPem, emulator.clientCaPem), false);
        const mtls = new connector_1.ConnectorClient({
            tls: { caPem: emulator.serverCaPem, certPem: certs.clientCrtPem, keyPem: (0, certs_1.keyNamed)('fault-key').export({ type: 'pkcs8', format: 'pem' }) },
        });
        await strict_1.default.rejects(mtls.getManagementInfo(emulator.infoUrl), (e) => (0, errors_1.isKymaCertError)(e, 'tls'));
    });
    (0, node_test_1.it)('foreign-ca with the real caCrt: the client certificate is not issued by the CA in the answer', async () => {
        const certs = await issueWithFault({ endpoint: 'certificates', kind: 'foreign-ca', caCrt: 'real' });
        strict_1.default.equal(certs.caCrtPem, emulator.clientCaPem);
        strict_1.default.equal((0, certificate_1.isIssuedBy)(certs.clientCrtPem, certs.caCrtPem), false);
    });
    (0, node_test_1.it)('bad-chain: crt in the wrong order → the client refuses the answer (server)', async () => {
        await strict_1.default.rejects(issueWithFault({ endpoint: 'certificates', kind: 'bad-chain' }), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'server'), String(e));
            strict_1.default.equal(e.status, 201);
            strict_1.default.match(e.message, /"crt" is not the client certificate followed by the CA/);
            return true;
        });
    });
    (0, node_test_1.it)('applies on renewals too, and only to the next issuance', async () => {
        const current = await emulator.issueClientCertificate({ application: 'my-app', publicKey: (0, certs_1.keyNamed)('fault-key') });
        const mtls = new connector_1.ConnectorClient({
            tls: { caPem: emulator.serverCaPem, certPem: current.certPem, keyPem: (0, certs_1.keyNamed)('fault-key').export({ type: 'pkcs8', format: 'pem' }) },
        });
        const renewUrl = `${emulator.gatewayUrl}/v1/applications/certificates/renewals`;
        emulator.injectFault({ endpoint: 'renewals', kind: 'expired' });
        await strict_1.default.rejects(mtls.renew(renewUrl, (0, csr_1.createCsr)((0, certs_1.kymaSubject)('other'), (0, certs_1.keyNamed)('fault-key'))), (e) => (0, errors_1.isKymaCertError)(e, 'bad-request'));
        strict_1.default.equal(emulator.pendingFaults, 1, 'a refused request does not use up a certificate fault');
        strict_1.default.ok((0, certificate_1.certificateFacts)((await mtls.renew(renewUrl, csr())).clientCrtPem).notAfter.getTime() < Date.now());
        strict_1.default.ok((0, certificate_1.certificateFacts)((await mtls.renew(renewUrl, csr())).clientCrtPem).notAfter.getTime() > Date.now());
    });
});
(0, node_test_1.describe)('request faults', () => {
    (0, node_test_1.it)('status: 500 JSON error → server', async () => {
        emulator.injectFault({ endpoint: 'any', kind: 'status' });
        await strict_1.default.rejects(client().getSigningRequestInfo(emulator.mintToken('my-app').url), (e) => (0, errors_1.isKymaCertError)(e, 'server') && e.status === 500);
    });
    (0, node_test_1.it)('garbage: non-JSON body → server', async () => {
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'garbage' });
        await strict_1.default.rejects(client().getSigningRequestInfo(emulator.mintToken('my-app').url), (e) => (0, errors_1.isKymaCertError)(e, 'server') && /not JSON/.test(e.message));
    });
    (0, node_test_1.it)('delay beyond the client timeout → timeout; the token is still usable afterwards', async () => {
        const { url } = emulator.mintToken('my-app');
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'delay', ms: 60_000 });
        const started = Date.now();
        await strict_1.default.rejects(client({ timeoutMs: 300 }).getSigningRequestInfo(url), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'timeout'), String(e));
            strict_1.default.match(e.message, /within 300 ms/);
            return true;
        });
        strict_1.default.ok(Date.now() - started < 10_000);
        strict_1.default.ok((await client().getSigningRequestInfo(url)).csrUrl, 'the delayed request never reached the handler');
    });
    (0, node_test_1.it)('delay within the timeout → success', async () => {
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'delay', ms: 50 });
        strict_1.default.ok((await client({ timeoutMs: 10_000 }).getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl);
    });
    (0, node_test_1.it)('drop: connection destroyed without an answer → network', async () => {
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'drop' });
        await strict_1.default.rejects(client().getSigningRequestInfo(emulator.mintToken('my-app').url), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'network'), String(e));
            strict_1.default.match(e.message, /ECONNRESET/);
            return true;
        });
    });
    (0, node_test_1.it)('AbortSignal → cancelled', async () => {
        const controller = new AbortController();
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'delay', ms: 60_000 });
        const pending = client({ signal: controller.signal }).getSigningRequestInfo(emulator.mintToken('my-app').url);
        setImmediate(() => controller.abort());
        await strict_1.default.rejects(pending, (e) => (0, errors_1.isKymaCertError)(e, 'cancelled'));
        await strict_1.default.rejects(client({ signal: controller.signal }).getSigningRequestInfo(emulator.mintToken('my-app').url), (e) => (0, errors_1.isKymaCertError)(e, 'cancelled'));
    });
    (0, node_test_1.it)('connection refused → network', async () => {
        await strict_1.default.rejects(client().getSigningRequestInfo('https://127.0.0.1:1/v1/applications/signingRequests/info?token=x'), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'network'), String(e));
            strict_1.default.match(e.message, /ECONNREFUSED/);
            return true;
        });
    });
});
//# sourceMappingURL=faults.test.js.map