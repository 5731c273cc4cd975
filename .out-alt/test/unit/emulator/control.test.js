"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Emulator-only control routes on the internal listener (for demos, benchmarks and tests in other processes),
 * and fault validation.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_test_1 = require("node:test");
const certificate_1 = require("../../../src/core/certificate");
const emulator_1 = require("../../../src/emulator");
const certs_1 = require("../helpers/certs");
const support_1 = require("./support");
let emulator;
(0, node_test_1.before)(async () => {
    emulator = await (0, emulator_1.startEmulator)();
});
(0, node_test_1.after)(() => emulator.close());
const postJson = (path, body) => (0, support_1.rawRequest)(`${emulator.internalUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
(0, node_test_1.describe)('POST /emulator/faults', () => {
    (0, node_test_1.it)('queues a fault that the next matching request consumes', async () => {
        const queued = await postJson('/emulator/faults', { endpoint: 'signingRequestInfo', kind: 'status', status: 503 });
        strict_1.default.equal(queued.status, 201);
        strict_1.default.equal(emulator.pendingFaults, 1);
        const { url } = emulator.mintToken('my-app');
        const faulted = await (0, support_1.rawRequest)(url, { ca: emulator.serverCaPem });
        strict_1.default.equal(faulted.status, 503);
        strict_1.default.equal(JSON.parse(faulted.body).code, 503);
        strict_1.default.equal(emulator.pendingFaults, 0);
        strict_1.default.equal((await (0, support_1.rawRequest)(url, { ca: emulator.serverCaPem })).status, 200, 'consumed once, token untouched');
    });
    (0, node_test_1.it)('rejects invalid faults with 400 and a readable message', async () => {
        const cases = [
            [{ endpoint: 'nowhere', kind: 'drop' }, /unknown fault endpoint/],
            [{ endpoint: 'any', kind: 'explode' }, /unknown fault kind/],
            [{ endpoint: 'managementInfo', kind: 'expired' }, /only applies to an issuing endpoint/],
            [{ endpoint: 'any', kind: 'delay' }, /needs "ms"/],
            ['[1]', /JSON object/],
        ];
        for (const [fault, message] of cases) {
            const response = await postJson('/emulator/faults', fault);
            strict_1.default.equal(response.status, 400);
            strict_1.default.match(JSON.parse(response.body).error, message);
        }
        strict_1.default.throws(() => emulator.injectFault({ endpoint: 'revocations', kind: 'bad-chain' }), /issuing endpoint/);
        strict_1.default.equal(emulator.pendingFaults, 0);
    });
});
(0, node_test_1.describe)('POST /emulator/certificates', () => {
    (0, node_test_1.it)('issues a client certificate for a public key with the requested application and validity window', async () => {
        const publicKeyPem = (0, node_crypto_1.createPublicKey)((0, certs_1.keyNamed)('control-key')).export({ type: 'spki', format: 'pem' });
        const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - certs_1.DAY_MS);
        const response = await postJson('/emulator/certificates', { publicKeyPem, application: 'bench-app', validityMs: 3_600_000, notBefore: notBefore.toISOString() });
        strict_1.default.equal(response.status, 201, response.body);
        const body = JSON.parse(response.body);
        strict_1.default.deepEqual(Object.keys(body), ['crt', 'clientCrt', 'caCrt']);
        const pem = Buffer.from(body.clientCrt, 'base64').toString();
        const facts = (0, certificate_1.certificateFacts)(pem);
        strict_1.default.equal(facts.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=bench-app');
        strict_1.default.equal(facts.notBefore.getTime(), notBefore.getTime());
        strict_1.default.equal(facts.notAfter.getTime(), notBefore.getTime() + 3_600_000);
        strict_1.default.ok((0, certificate_1.isIssuedBy)(pem, emulator.clientCaPem));
    });
    (0, node_test_1.it)('accepts a connector-form subject and refuses requests without a public key', async () => {
        const publicKeyPem = (0, node_crypto_1.createPublicKey)((0, certs_1.keyNamed)('control-key')).export({ type: 'spki', format: 'pem' });
        const response = await postJson('/emulator/certificates', { publicKeyPem, subject: 'O=Other,CN=x' });
        strict_1.default.equal((0, certificate_1.certificateFacts)(Buffer.from(JSON.parse(response.body).clientCrt, 'base64').toString()).subjectConnector, 'O=Other,CN=x');
        const missing = await postJson('/emulator/certificates', { application: 'x' });
        strict_1.default.equal(missing.status, 400);
        strict_1.default.match(JSON.parse(missing.body).error, /publicKeyPem/);
    });
});
(0, node_test_1.describe)('lifecycle and configuration', () => {
    (0, node_test_1.it)('close() clears pending delay timers and drops the delayed requests', async () => {
        const delayed = await (0, emulator_1.startEmulator)();
        delayed.injectFault({ endpoint: 'signingRequestInfo', kind: 'delay', ms: 10 * 60_000 });
        const pending = (0, support_1.rawRequest)(delayed.mintToken('my-app').url, { ca: delayed.serverCaPem }).then(() => 'answered', (e) => e.code);
        // Wait until the request is being held (its fault consumed), then close.
        while (delayed.pendingFaults > 0)
            await new Promise((resolve) => setImmediate(resolve));
        const started = Date.now();
        await delayed.close();
        strict_1.default.equal(await pending, 'ECONNRESET');
        strict_1.default.ok(Date.now() - started < 5_000, 'close does not wait for the delay');
    });
    (0, node_test_1.it)('uses the configured subject defaults for info, the CSR check and the gateway identity', async () => {
        const custom = await (0, emulator_1.startEmulator)({ subject: { O: 'Acme', C: 'PL' } });
        try {
            const info = JSON.parse((await (0, support_1.rawRequest)(custom.mintToken('app').url, { ca: custom.serverCaPem })).body);
            strict_1.default.equal(info.certificate.subject, 'O=Acme,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=PL,CN=app');
            const key = (0, certs_1.keyNamed)('control-key').export({ type: 'pkcs8', format: 'pem' });
            const matching = await custom.issueClientCertificate({ application: 'app', publicKey: (0, certs_1.keyNamed)('control-key') });
            strict_1.default.equal((0, certificate_1.certificateFacts)(matching.certPem).subjectConnector, 'O=Acme,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=PL,CN=app');
            const ok = await (0, support_1.rawRequest)(custom.infoUrl, { ca: custom.serverCaPem, cert: matching.certPem, key });
            strict_1.default.equal(JSON.parse(ok.body).clientIdentity.application, 'app');
            const kymaDefault = await custom.issueClientCertificate({ subject: (0, certs_1.kymaSubject)('app'), publicKey: (0, certs_1.keyNamed)('control-key') });
            const refused = await (0, support_1.rawRequest)(custom.infoUrl, { ca: custom.serverCaPem, cert: kymaDefault.certPem, key });
            strict_1.default.equal(JSON.parse(refused.body).error, 'Invalid certificate: Failed to get certificate subject from header.');
        }
        finally {
            await custom.close();
        }
    });
});
//# sourceMappingURL=control.test.js.map