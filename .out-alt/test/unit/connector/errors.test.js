"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Every error the emulator implements, seen through ConnectorClient as a typed KymaCertError (kind, status,
 * the service's message verbatim, an actionable remedy), plus the mapping of TLS alerts a real Istio/Envoy gateway
 * sends but a Node server cannot.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const csr_1 = require("../../../src/core/csr");
const errors_1 = require("../../../src/core/errors");
const connector_1 = require("../../../src/connector");
const errors_2 = require("../../../src/connector/errors");
const emulator_1 = require("../../../src/emulator");
const certs_1 = require("../helpers/certs");
let emulator;
(0, node_test_1.before)(async () => {
    emulator = await (0, emulator_1.startEmulator)();
});
(0, node_test_1.after)(() => emulator.close());
const client = () => new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem } });
const csrUrl = async () => (await client().getSigningRequestInfo(emulator.mintToken('my-app').url)).csrUrl;
async function expectError(promise, kind, status, serverMessage) {
    try {
        await promise;
    }
    catch (e) {
        strict_1.default.ok((0, errors_1.isKymaCertError)(e), String(e));
        strict_1.default.equal(e.kind, kind, e.message);
        strict_1.default.equal(e.status, status);
        if (serverMessage !== undefined)
            strict_1.default.equal(e.serverMessage, serverMessage);
        return e;
    }
    return strict_1.default.fail('expected a KymaCertError');
}
function subjectWith(type, value) {
    const rest = (0, certs_1.kymaSubject)('my-app').filter((a) => a.type !== type);
    return value === undefined ? rest : [...rest, { type, value }];
}
(0, node_test_1.describe)('HTTP errors from the emulator', () => {
    (0, node_test_1.it)('403 token messages → invalid-token with "ask Kyma for a new token"', async () => {
        const used = emulator.mintToken('my-app').url;
        await client().getSigningRequestInfo(used);
        const e = await expectError(client().getSigningRequestInfo(used), 'invalid-token', 403, 'Invalid token.');
        strict_1.default.equal(e.remedy?.kind, 'new-token');
        strict_1.default.ok(!e.message.includes('token='), 'the token stays out of the message');
        await expectError(client().getSigningRequestInfo(`${emulator.connectorUrl}/v1/applications/signingRequests/info`), 'invalid-token', 403, 'Token not provided.');
        await expectError(client().signCsrWithToken(`${emulator.connectorUrl}/v1/applications/certificates?token=nope`, 'x'), 'invalid-token', 403, 'Invalid token.');
    });
    (0, node_test_1.it)('400 PEM / CSR parse / signature errors → bad-request with the service text', async () => {
        const url = await csrUrl();
        await expectError(client().signCsrWithToken(url, 'not a pem'), 'bad-request', 400, 'Error while decoding pem block.');
        const notCsr = '-----BEGIN CERTIFICATE REQUEST-----\nMAMCAQA=\n-----END CERTIFICATE REQUEST-----\n';
        const parse = await expectError(client().signCsrWithToken(url, notCsr), 'bad-request', 400);
        strict_1.default.match(parse.serverMessage ?? '', /^Error while parsing CSR: /);
        const der = Buffer.from((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), (0, certs_1.keyNamed)('err-key')).replace(/-----[^-]+-----|\s/g, ''), 'base64');
        der[der.length - 1] ^= 1;
        const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
        await expectError(client().signCsrWithToken(url, tampered), 'bad-request', 400, 'CSR signature invalid: crypto/rsa: verification error');
    });
    (0, node_test_1.it)('400 "CSR: …" subject errors → bad-request with a hint about the expected subject', async () => {
        const url = await csrUrl();
        const cases = [
            [subjectWith('CN', 'other'), 'CSR: Invalid common name provided.'],
            [subjectWith('C', undefined), 'CSR: No country provided.'],
            [subjectWith('C', 'PL'), 'CSR: Invalid country provided.'],
            [subjectWith('O', undefined), 'CSR: No organization provided.'],
            [subjectWith('O', 'x'), 'CSR: Invalid organization provided.'],
            [subjectWith('OU', undefined), 'CSR: No organizational unit provided.'],
            [subjectWith('OU', 'x'), 'CSR: Invalid organizational unit provided.'],
            [subjectWith('L', undefined), 'CSR: No locality provided.'],
            [subjectWith('L', 'x'), 'CSR: Invalid locality provided.'],
            [subjectWith('ST', undefined), 'CSR: No province provided.'],
            [subjectWith('ST', 'x'), 'CSR: Invalid province provided.'],
        ];
        for (const [subject, message] of cases) {
            const e = await expectError(client().signCsrWithToken(url, (0, csr_1.createCsr)(subject, (0, certs_1.keyNamed)('err-key'))), 'bad-request', 400, message);
            strict_1.default.match(e.hint ?? '', /certificate\.subject/);
        }
    });
    (0, node_test_1.it)('400 "Invalid certificate: …" on the gateway → bad-request', async () => {
        const other = await emulator.issueClientCertificate({ subject: subjectWith('O', 'Other'), publicKey: (0, certs_1.keyNamed)('err-other') });
        const mtls = new connector_1.ConnectorClient({
            tls: { caPem: emulator.serverCaPem, certPem: other.certPem, keyPem: (0, certs_1.keyNamed)('err-other').export({ type: 'pkcs8', format: 'pem' }) },
        });
        await expectError(mtls.getManagementInfo(emulator.infoUrl), 'bad-request', 400, 'Invalid certificate: Failed to get certificate subject from header.');
    });
    (0, node_test_1.it)('404 unknown path and 405 wrong method → config ("use the URLs the service returned")', async () => {
        const e = await expectError(client().getSigningRequestInfo(`${emulator.connectorUrl}/v1/nothing`), 'config', 404, 'Requested resource could not be found.');
        strict_1.default.equal(e.remedy?.kind, 'check-url');
        await expectError(client().signCsrWithToken(emulator.mintToken('x').url, 'x'), 'config', 405, 'Method not allowed.');
    });
    (0, node_test_1.it)('5xx → server, keeping status and message', async () => {
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'status', status: 500, message: 'Failed to resolve token.' });
        await expectError(client().getSigningRequestInfo(emulator.mintToken('x').url), 'server', 500, 'Failed to resolve token.');
        const url = await csrUrl();
        emulator.injectFault({ endpoint: 'certificates', kind: 'status', status: 503 });
        await expectError(client().signCsrWithToken(url, (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), (0, certs_1.keyNamed)('err-key'))), 'server', 503);
    });
    (0, node_test_1.it)('non-JSON bodies and 2xx answers with missing fields → server', async () => {
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'garbage' });
        await expectError(client().getSigningRequestInfo(emulator.mintToken('x').url), 'server', 200);
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'garbage', status: 502 });
        await expectError(client().getSigningRequestInfo(emulator.mintToken('x').url), 'server', 502);
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'garbage', body: '{"api":{},"certificate":{"subject":"CN=x"}}' });
        const missing = await expectError(client().getSigningRequestInfo(emulator.mintToken('x').url), 'server', 200);
        strict_1.default.match(missing.message, /csrUrl/);
        const url = await csrUrl();
        emulator.injectFault({ endpoint: 'certificates', kind: 'garbage', status: 201, body: '{"crt":"QUJD","clientCrt":"QUJD","caCrt":"QUJD"}' });
        const notPem = await expectError(client().signCsrWithToken(url, (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), (0, certs_1.keyNamed)('err-key'))), 'server', 201);
        strict_1.default.match(notPem.message, /no PEM certificate/);
    });
});
(0, node_test_1.describe)('mapping of what only a real gateway produces', () => {
    const context = {
        operation: 'Renewing the certificate',
        url: 'https://gateway.example/v1/applications/certificates/renewals?token=secret',
        withClientCertificate: true,
        handshakeCompleted: true,
        clientCertificateExpired: false,
        timedOut: false,
        cancelled: false,
        timeoutMs: 30_000,
    };
    const transport = (code, extra = {}) => (0, errors_2.errorFromTransport)(Object.assign(new Error(`failure ${code}`), { code }), { ...context, ...extra });
    (0, node_test_1.it)('maps Envoy alerts: certificate_expired → expired; unknown_ca / bad_certificate / certificate_required → tls', () => {
        strict_1.default.equal(transport('ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED').kind, 'expired');
        for (const code of ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'EPROTO']) {
            const e = transport(code);
            strict_1.default.equal(e.kind, 'tls', code);
            strict_1.default.deepEqual(e.remedy, { kind: 'new-certificate-with-token', data: { reason: 'rejected' } });
        }
    });
    (0, node_test_1.it)('maps server-certificate verification failures to untrusted-server with the pass-ca-file remedy', () => {
        for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
            const e = transport(code, { withClientCertificate: false });
            strict_1.default.equal(e.kind, 'untrusted-server', code);
            strict_1.default.equal(e.remedy?.kind, 'pass-ca-file');
        }
    });
    (0, node_test_1.it)('maps socket errors to network, and never shows the query string', () => {
        for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET']) {
            const e = transport(code, { withClientCertificate: false });
            strict_1.default.equal(e.kind, 'network', code);
            strict_1.default.ok(!e.message.includes('secret'));
        }
    });
    (0, node_test_1.it)('maps error bodies that are not the service shape conservatively', () => {
        strict_1.default.equal((0, errors_2.errorFromResponse)('x', 404, '<html>').kind, 'config');
        strict_1.default.equal((0, errors_2.errorFromResponse)('x', 500, '').kind, 'server');
        strict_1.default.equal((0, errors_2.errorFromResponse)('x', 403, '{"code":403,"error":"RBAC: access denied"}').kind, 'bad-request');
    });
});
//# sourceMappingURL=errors.test.js.map