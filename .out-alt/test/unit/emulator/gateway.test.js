"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The mTLS gateway of the emulator with raw HTTPS requests: identity from the client certificate (through the
 * synthesised XFCC), management/info, renewal (check order), revocation, and refusal at the TLS handshake.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_test_1 = require("node:test");
const certificate_1 = require("../../../src/core/certificate");
const csr_1 = require("../../../src/core/csr");
const emulator_1 = require("../../../src/emulator");
const certs_1 = require("../helpers/certs");
const support_1 = require("./support");
let emulator;
let appCert;
(0, node_test_1.before)(async () => {
    emulator = await (0, emulator_1.startEmulator)();
    appCert = await emulator.issueClientCertificate({ application: 'my-app', publicKey: (0, certs_1.keyNamed)('gw-app') });
});
(0, node_test_1.after)(() => emulator.close());
const RENEWALS = () => `${emulator.gatewayUrl}/v1/applications/certificates/renewals`;
const REVOCATIONS = () => `${emulator.gatewayUrl}/v1/applications/certificates/revocations`;
function withCert(cert, keyName) {
    const key = (0, certs_1.keyNamed)(keyName).export({ type: 'pkcs8', format: 'pem' });
    return {
        get: (url) => (0, support_1.rawRequest)(url, { ca: emulator.serverCaPem, cert: cert.certPem, key }),
        post: (url, body) => (0, support_1.rawRequest)(url, { method: 'POST', body, ca: emulator.serverCaPem, cert: cert.certPem, key }),
    };
}
(0, node_test_1.describe)('management/info', () => {
    (0, node_test_1.it)('answers 200 with identity from the certificate CN and the subject rebuilt from the server config', async () => {
        const body = (0, support_1.jsonBody)(await withCert(appCert, 'gw-app').get(emulator.infoUrl), 200);
        strict_1.default.deepEqual(Object.keys(body), ['clientIdentity', 'urls', 'certificate']);
        strict_1.default.deepEqual(body.clientIdentity, { application: 'my-app' });
        strict_1.default.deepEqual(Object.keys(body.urls), ['eventsInfoUrl', 'eventsUrl', 'metadataUrl', 'renewCertUrl', 'revokeCertUrl']);
        strict_1.default.equal(body.urls.renewCertUrl, RENEWALS());
        strict_1.default.equal(body.urls.revokeCertUrl, REVOCATIONS());
        strict_1.default.deepEqual(body.certificate, {
            subject: 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app',
            extensions: '',
            'key-algorithm': 'rsa2048',
        });
    });
    (0, node_test_1.it)('rebuilds the subject even when the certificate carries extra attributes', async () => {
        const subject = [...(0, certs_1.kymaSubject)('extra-app'), { type: 'emailAddress', value: 'a@b.c' }];
        const cert = await emulator.issueClientCertificate({ subject, publicKey: (0, certs_1.keyNamed)('gw-extra') });
        const body = JSON.parse((await withCert(cert, 'gw-extra').get(emulator.infoUrl)).body);
        strict_1.default.equal(body.certificate.subject, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=extra-app');
    });
    (0, node_test_1.it)('answers 400 "Invalid certificate: …" when no subject matches the configured O/OU/L/ST/C or CN is empty', async () => {
        const other = await emulator.issueClientCertificate({
            subject: [...(0, certs_1.kymaSubject)('x').filter((a) => a.type !== 'O'), { type: 'O', value: 'Other' }],
            publicKey: (0, certs_1.keyNamed)('gw-other'),
        });
        const response = await withCert(other, 'gw-other').get(emulator.infoUrl);
        strict_1.default.equal(response.status, 400);
        strict_1.default.equal(response.body, (0, support_1.errorBody)(400, 'Invalid certificate: Failed to get certificate subject from header.'));
        const noCn = await emulator.issueClientCertificate({ subject: (0, certs_1.kymaSubject)('x').filter((a) => a.type !== 'CN'), publicKey: (0, certs_1.keyNamed)('gw-nocn') });
        const empty = await withCert(noCn, 'gw-nocn').get(emulator.infoUrl);
        strict_1.default.equal(empty.body, (0, support_1.errorBody)(400, 'Invalid certificate: Empty Common Name in certificate header'));
    });
});
(0, node_test_1.describe)('renewals', () => {
    (0, node_test_1.it)('issues 201 for a CSR with the management/info subject and any key; the new certificate works', async () => {
        const newKey = (0, certs_1.keyNamed)('gw-renewed');
        const response = await withCert(appCert, 'gw-app').post(RENEWALS(), (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)('my-app'), newKey)));
        strict_1.default.equal(response.status, 201, response.body);
        const body = JSON.parse(response.body);
        strict_1.default.deepEqual(Object.keys(body), ['crt', 'clientCrt', 'caCrt']);
        const renewed = { certPem: Buffer.from(body.clientCrt, 'base64').toString() };
        strict_1.default.equal((0, certificate_1.certificateFacts)(renewed.certPem).subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
        strict_1.default.equal((await withCert(renewed, 'gw-renewed').get(emulator.infoUrl)).status, 200);
        strict_1.default.equal((await withCert(appCert, 'gw-app').get(emulator.infoUrl)).status, 200, 'the old certificate stays usable');
    });
    (0, node_test_1.it)('validates the CSR against CN of the presented certificate', async () => {
        const response = await withCert(appCert, 'gw-app').post(RENEWALS(), (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)('someone-else'), (0, certs_1.keyNamed)('gw-app'))));
        strict_1.default.equal(response.body, (0, support_1.errorBody)(400, 'CSR: Invalid common name provided.'));
    });
    (0, node_test_1.it)('checks identity (400) before revocation (403) before the body (500)', async () => {
        const other = await emulator.issueClientCertificate({ subject: [{ type: 'CN', value: 'x' }], publicKey: (0, certs_1.keyNamed)('gw-order') });
        emulator.revokeHash(other.sha256Hex);
        strict_1.default.equal((await withCert(other, 'gw-order').post(RENEWALS(), 'not json')).status, 400);
        const revoked = await emulator.issueClientCertificate({ application: 'order-app', publicKey: (0, certs_1.keyNamed)('gw-order') });
        emulator.revokeHash(revoked.sha256Hex);
        const response = await withCert(revoked, 'gw-order').post(RENEWALS(), 'not json');
        strict_1.default.equal(response.body, (0, support_1.errorBody)(403, 'Certificate has been revoked.'));
    });
});
(0, node_test_1.describe)('revocation', () => {
    (0, node_test_1.it)('self-revocation: 201 empty body, idempotent; renewal 403 afterwards, management/info still 200', async () => {
        const cert = await emulator.issueClientCertificate({ application: 'rev-app', publicKey: (0, certs_1.keyNamed)('gw-rev') });
        const client = withCert(cert, 'gw-rev');
        for (let i = 0; i < 2; i++) {
            const response = await client.post(REVOCATIONS());
            strict_1.default.equal(response.status, 201);
            strict_1.default.equal(response.body, '');
            strict_1.default.equal(response.headers['content-type'], support_1.JSON_CONTENT_TYPE);
        }
        strict_1.default.ok(emulator.isRevoked(new node_crypto_1.X509Certificate(cert.certPem).fingerprint256.replace(/:/g, '').toLowerCase()));
        const renewal = await client.post(RENEWALS(), (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)('rev-app'), (0, certs_1.keyNamed)('gw-rev'))));
        strict_1.default.equal(renewal.status, 403);
        strict_1.default.equal(renewal.body, (0, support_1.errorBody)(403, 'Certificate has been revoked.'));
        strict_1.default.equal((await client.get(emulator.infoUrl)).status, 200);
    });
    (0, node_test_1.it)('revocation by hash on the internal API blocks renewal of that certificate only', async () => {
        const first = await emulator.issueClientCertificate({ application: 'hash-app', publicKey: (0, certs_1.keyNamed)('gw-hash') });
        const second = await emulator.issueClientCertificate({ application: 'hash-app', publicKey: (0, certs_1.keyNamed)('gw-hash'), notBefore: new Date(Date.now() - 5000) });
        const revoke = await (0, support_1.rawRequest)(`${emulator.internalUrl}/v1/applications/certificates/revocations`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ hash: (0, certificate_1.certificateFacts)(first.certPem).sha256Hex }),
        });
        strict_1.default.equal(revoke.status, 201);
        const csr = (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)('hash-app'), (0, certs_1.keyNamed)('gw-hash')));
        strict_1.default.equal((await withCert(first, 'gw-hash').post(RENEWALS(), csr)).status, 403);
        strict_1.default.equal((await withCert(second, 'gw-hash').post(RENEWALS(), csr)).status, 201);
    });
});
(0, node_test_1.describe)('TLS refusal (before any HTTP)', () => {
    const refused = async (request) => {
        const error = await request.then(() => strict_1.default.fail('the gateway answered'), (e) => e);
        return error.code;
    };
    (0, node_test_1.it)('refuses an expired client certificate at the handshake', async () => {
        const expired = await emulator.issueClientCertificate({
            application: 'my-app',
            publicKey: (0, certs_1.keyNamed)('gw-expired'),
            notBefore: new Date(Date.now() - 2 * certs_1.DAY_MS),
            validityMs: certs_1.DAY_MS,
        });
        strict_1.default.equal(await refused(withCert(expired, 'gw-expired').get(emulator.infoUrl)), 'ECONNRESET');
    });
    (0, node_test_1.it)('refuses a certificate from another CA and a missing certificate', async () => {
        const other = await (0, emulator_1.startEmulator)();
        try {
            const foreign = await other.issueClientCertificate({ application: 'my-app', publicKey: (0, certs_1.keyNamed)('gw-foreign') });
            strict_1.default.equal(await refused(withCert(foreign, 'gw-foreign').get(emulator.infoUrl)), 'ECONNRESET');
        }
        finally {
            await other.close();
        }
        const code = await refused((0, support_1.rawRequest)(emulator.infoUrl, { ca: emulator.serverCaPem }));
        // TLS 1.2: OpenSSL itself refuses (no certificate) with a handshake_failure alert → EPROTO.
        strict_1.default.equal(code, 'EPROTO');
    });
});
//# sourceMappingURL=gateway.test.js.map