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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * ConnectorClient against a running emulator over loopback TLS: every endpoint's success shape, the request the
 * client puts on the wire, and the full onboarding → renewal → revocation cycle.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const https = __importStar(require("node:https"));
const node_path_1 = require("node:path");
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
const pem = (name) => (0, certs_1.keyNamed)(name).export({ type: 'pkcs8', format: 'pem' });
const tokenClient = () => new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem } });
(0, node_test_1.describe)('ConnectorClient endpoints', () => {
    (0, node_test_1.it)('getSigningRequestInfo returns the info object with csrUrl and the subject to request', async () => {
        const info = await tokenClient().getSigningRequestInfo(emulator.mintToken('my-app').url);
        strict_1.default.match(info.csrUrl, /\/v1\/applications\/certificates\?token=[A-Za-z0-9_-]{86}==$/);
        strict_1.default.deepEqual(info.certificate, { subject: 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app', extensions: '', 'key-algorithm': 'rsa2048' });
        strict_1.default.equal(info.api.infoUrl, emulator.infoUrl);
    });
    (0, node_test_1.it)('signCsrWithToken returns the decoded PEMs: crt = client + CA, client issued by the CA for the CSR key', async () => {
        const info = await tokenClient().getSigningRequestInfo(emulator.mintToken('my-app').url);
        const certs = await tokenClient().signCsrWithToken(info.csrUrl, (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), (0, certs_1.keyNamed)('client-app')));
        strict_1.default.equal(certs.caCrtPem, emulator.clientCaPem);
        strict_1.default.equal(certs.crtPem, certs.clientCrtPem + certs.caCrtPem);
        strict_1.default.ok((0, certificate_1.isIssuedBy)(certs.clientCrtPem, certs.caCrtPem));
        strict_1.default.equal((0, certificate_1.certificateFacts)(certs.clientCrtPem).subjectConnector, info.certificate.subject);
    });
    (0, node_test_1.it)('runs the whole cycle: management/info → renew (new key) → revoke → renewal refused as revoked', async () => {
        const first = await emulator.issueClientCertificate({ application: 'cycle-app', publicKey: (0, certs_1.keyNamed)('cycle-1') });
        const mtls = new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: first.certPem, keyPem: pem('cycle-1') } });
        const management = await mtls.getManagementInfo(emulator.infoUrl);
        strict_1.default.deepEqual(management.clientIdentity, { application: 'cycle-app' });
        strict_1.default.equal(management.urls.renewCertUrl, `${emulator.gatewayUrl}/v1/applications/certificates/renewals`);
        strict_1.default.equal(management.urls.revokeCertUrl, `${emulator.gatewayUrl}/v1/applications/certificates/revocations`);
        const csr = (0, csr_1.createCsr)((0, certs_1.kymaSubject)('cycle-app'), (0, certs_1.keyNamed)('cycle-2'));
        const renewed = await mtls.renew(management.urls.renewCertUrl, csr);
        strict_1.default.ok(new node_crypto_1.X509Certificate(renewed.clientCrtPem).publicKey.equals((0, csr_1.parseCsr)(csr).publicKey), 'certificate for the CSR key');
        const second = new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem, certPem: renewed.clientCrtPem, keyPem: pem('cycle-2') } });
        strict_1.default.equal((await second.getManagementInfo(emulator.infoUrl)).clientIdentity.application, 'cycle-app');
        await second.revoke(management.urls.revokeCertUrl);
        await second.revoke(management.urls.revokeCertUrl); // idempotent
        strict_1.default.ok(emulator.isRevoked((0, certificate_1.certificateFacts)(renewed.clientCrtPem).sha256Hex));
        await strict_1.default.rejects(second.renew(management.urls.renewCertUrl, csr), (e) => {
            strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'revoked'));
            strict_1.default.equal(e.status, 403);
            strict_1.default.equal(e.serverMessage, 'Certificate has been revoked.');
            strict_1.default.equal(e.remedy?.kind, 'new-certificate-with-token');
            return true;
        });
        strict_1.default.equal((await second.getManagementInfo(emulator.infoUrl)).clientIdentity.application, 'cycle-app', 'revoked still reads management/info');
        strict_1.default.ok((await mtls.renew(management.urls.renewCertUrl, csr)).clientCrtPem, 'the predecessor is not affected');
    });
    (0, node_test_1.it)('refuses mTLS calls without a client certificate and non-https URLs before any request (config)', async () => {
        await strict_1.default.rejects(tokenClient().getManagementInfo(emulator.infoUrl), (e) => (0, errors_1.isKymaCertError)(e, 'config'));
        await strict_1.default.rejects(tokenClient().getSigningRequestInfo(`${emulator.internalUrl}/v1/applications/tokens`), (e) => (0, errors_1.isKymaCertError)(e, 'config'));
        await strict_1.default.rejects(tokenClient().getSigningRequestInfo('not a url'), (e) => (0, errors_1.isKymaCertError)(e, 'config'));
    });
});
(0, node_test_1.describe)('what the client puts on the wire', () => {
    (0, node_test_1.it)('sends the token URL unchanged and {"csr": one-line base64 of the PEM} as JSON', async () => {
        // A TLS server with the emulator's own server certificate records the raw request.
        const server = https.createServer({
            key: await (0, promises_1.readFile)((0, node_path_1.join)(emulator.stateDir, 'server.key')),
            cert: await (0, promises_1.readFile)((0, node_path_1.join)(emulator.stateDir, 'server.crt')),
        });
        const seen = [];
        server.on('request', (req, res) => {
            let body = '';
            req.on('data', (c) => (body += c.toString()));
            req.on('end', () => {
                seen.push({ url: req.url ?? '', body, headers: req.headers });
                res.writeHead(403, { 'Content-Type': 'application/json;charset=UTF-8' }).end('{"code":403,"error":"Invalid token."}\n');
            });
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        try {
            const base = `https://127.0.0.1:${server.address().port}`;
            const token = 'h31IwJiLNjnbqIwTPnzLuNmFYsCZeUtVbUvYL2hVNh6kOqFlW9zkHnzxYFCpCExBZ_voGzUo6IVS_ExlZd4muQ==';
            await strict_1.default.rejects(tokenClient().getSigningRequestInfo(`${base}/v1/applications/signingRequests/info?token=${token}`));
            const csr = (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), (0, certs_1.keyNamed)('client-app'));
            await strict_1.default.rejects(tokenClient().signCsrWithToken(`${base}/v1/applications/certificates?token=${token}`, csr));
            strict_1.default.equal(seen[0].url, `/v1/applications/signingRequests/info?token=${token}`);
            strict_1.default.equal(seen[1].url, `/v1/applications/certificates?token=${token}`);
            strict_1.default.equal(seen[1].headers['content-type'], 'application/json');
            strict_1.default.equal(seen[1].body, JSON.stringify({ csr: Buffer.from(csr).toString('base64') }));
            strict_1.default.ok(!seen[1].body.includes('\n'));
        }
        finally {
            await new Promise((resolve) => server.close(resolve));
        }
    });
});
//# sourceMappingURL=client.test.js.map