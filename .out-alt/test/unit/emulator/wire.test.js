"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The emulator's wire contract, checked with raw HTTPS requests (no client library in between): status codes,
 * exact error bodies, Content-Type, field order, trailing newline, token rules and revocation
 * (connector-service-api.md §2–§6, §10).
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const csr_1 = require("../../../src/core/csr");
const emulator_1 = require("../../../src/emulator");
const certs_1 = require("../helpers/certs");
const support_1 = require("./support");
const INFO_PATH = '/v1/applications/signingRequests/info';
const CERTS_PATH = '/v1/applications/certificates';
let emulator;
let clockMs = Date.now();
(0, node_test_1.before)(async () => {
    emulator = await (0, emulator_1.startEmulator)({ now: () => new Date(clockMs) });
});
(0, node_test_1.after)(() => emulator.close());
const key = () => (0, certs_1.keyNamed)('wire-app-key');
const get = (url) => (0, support_1.rawRequest)(url, { ca: emulator.serverCaPem });
const post = (url, body) => (0, support_1.rawRequest)(url, { method: 'POST', body, ca: emulator.serverCaPem });
function assertError(response, status, message) {
    strict_1.default.equal(response.status, status, response.body);
    strict_1.default.equal(response.headers['content-type'], support_1.JSON_CONTENT_TYPE);
    strict_1.default.equal(response.body, (0, support_1.errorBody)(status, message));
}
/** Subject from the Kyma defaults with some attributes replaced or removed (undefined). */
function subjectWith(changes) {
    return (0, certs_1.kymaSubject)('my-app')
        .filter((a) => !(a.type in changes) || changes[a.type] !== undefined)
        .map((a) => (a.type in changes ? { type: a.type, value: changes[a.type] } : a));
}
async function csrUrlFor(application = 'my-app') {
    const info = await get(emulator.mintToken(application).url);
    strict_1.default.equal(info.status, 200);
    return JSON.parse(info.body).csrUrl;
}
(0, node_test_1.describe)('signingRequests/info', () => {
    (0, node_test_1.it)('answers 200 with the documented fields in Go order, JSON content type and a trailing newline', async () => {
        const { url, token } = emulator.mintToken('my-app');
        const body = (0, support_1.jsonBody)(await get(url), 200);
        strict_1.default.deepEqual(Object.keys(body), ['csrUrl', 'api', 'certificate']);
        strict_1.default.deepEqual(Object.keys(body.api), ['eventsInfoUrl', 'eventsUrl', 'metadataUrl', 'infoUrl', 'certificatesUrl']);
        strict_1.default.deepEqual(body.certificate, {
            subject: 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app',
            extensions: '',
            'key-algorithm': 'rsa2048',
        });
        strict_1.default.deepEqual(Object.keys(body.certificate), ['subject', 'extensions', 'key-algorithm']);
        strict_1.default.equal(body.api.infoUrl, emulator.infoUrl);
        strict_1.default.equal(body.api.eventsUrl, `${emulator.gatewayUrl}/my-app/v1/events`);
        strict_1.default.equal(body.api.eventsInfoUrl, `${emulator.gatewayUrl}/my-app/v1/events/subscribed`);
        strict_1.default.equal(body.api.metadataUrl, `${emulator.gatewayUrl}/my-app/v1/metadata/services`);
        strict_1.default.equal(body.api.certificatesUrl, `${emulator.connectorUrl}${CERTS_PATH}`);
        const csrUrl = new URL(body.csrUrl);
        strict_1.default.equal(`${csrUrl.origin}${csrUrl.pathname}`, `${emulator.connectorUrl}${CERTS_PATH}`);
        strict_1.default.notEqual(csrUrl.searchParams.get('token'), token, 'csrUrl carries a NEW token');
    });
    (0, node_test_1.it)('mints 88-character URL-safe base64 tokens with padding, unencoded in the URL', () => {
        const { url, token } = emulator.mintToken('my-app');
        strict_1.default.match(token, /^[A-Za-z0-9_-]{86}==$/);
        strict_1.default.equal(url, `${emulator.connectorUrl}${INFO_PATH}?token=${token}`);
    });
    (0, node_test_1.it)('rejects a missing token and an unknown token with the 403 messages', async () => {
        assertError(await get(`${emulator.connectorUrl}${INFO_PATH}`), 403, 'Token not provided.');
        assertError(await get(`${emulator.connectorUrl}${INFO_PATH}?token=`), 403, 'Token not provided.');
        assertError(await get(`${emulator.connectorUrl}${INFO_PATH}?token=nope`), 403, 'Invalid token.');
    });
    (0, node_test_1.it)('is single use: the same token URL answers 403 the second time', async () => {
        const { url } = emulator.mintToken('my-app');
        strict_1.default.equal((await get(url)).status, 200);
        assertError(await get(url), 403, 'Invalid token.');
    });
    (0, node_test_1.it)('keeps the token when the answer was not 200 (a failed attempt can be retried)', async () => {
        const { url } = emulator.mintToken('my-app');
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'status', status: 500 });
        strict_1.default.equal((await get(url)).status, 500);
        strict_1.default.equal((await get(url)).status, 200);
    });
    (0, node_test_1.it)('expires tokens after the TTL (5 minutes by the injected clock), valid up to the last millisecond', async () => {
        const start = clockMs;
        try {
            const first = emulator.mintToken('my-app');
            const second = emulator.mintToken('my-app');
            clockMs = start + 5 * 60_000;
            strict_1.default.equal((await get(first.url)).status, 200, 'valid exactly at the TTL');
            clockMs = start + 5 * 60_000 + 1;
            assertError(await get(second.url), 403, 'Invalid token.');
        }
        finally {
            clockMs = start;
        }
    });
    (0, node_test_1.it)('gives the csrUrl token the same TTL, counted from the info call', async () => {
        const start = clockMs;
        try {
            const csrUrl = await csrUrlFor();
            clockMs = start + 5 * 60_000 + 1;
            assertError(await post(csrUrl, (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key()))), 403, 'Invalid token.');
        }
        finally {
            clockMs = start;
        }
    });
});
(0, node_test_1.describe)('POST certificates?token=', () => {
    (0, node_test_1.it)('answers 201 {crt, clientCrt, caCrt}: base64 PEM, crt = client PEM + CA PEM', async () => {
        const body = (0, support_1.jsonBody)(await post(await csrUrlFor(), (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key()))), 201);
        strict_1.default.deepEqual(Object.keys(body), ['crt', 'clientCrt', 'caCrt']);
        const decode = (b64) => Buffer.from(b64, 'base64').toString('utf8');
        strict_1.default.equal(decode(body.caCrt), emulator.clientCaPem);
        strict_1.default.match(decode(body.clientCrt), /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
        strict_1.default.equal(decode(body.crt), decode(body.clientCrt) + decode(body.caCrt));
    });
    (0, node_test_1.it)('consumes the csrUrl token on 201 only: a failed attempt can be retried, a used one cannot', async () => {
        const csrUrl = await csrUrlFor();
        const wrong = await post(csrUrl, (0, support_1.csrBody)((0, csr_1.createCsr)(subjectWith({ CN: 'other-app' }), key())));
        assertError(wrong, 400, 'CSR: Invalid common name provided.');
        strict_1.default.equal((await post(csrUrl, 'not json')).status, 500);
        strict_1.default.equal((await post(csrUrl, (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key())))).status, 201);
        assertError(await post(csrUrl, (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key()))), 403, 'Invalid token.');
    });
    (0, node_test_1.it)('checks the token before the body', async () => {
        assertError(await post(`${emulator.connectorUrl}${CERTS_PATH}`, 'not json'), 403, 'Token not provided.');
        assertError(await post(`${emulator.connectorUrl}${CERTS_PATH}?token=x`, 'not json'), 403, 'Invalid token.');
    });
    (0, node_test_1.it)('answers invalid JSON (empty body included) with 500 "Error while unmarshalling request body: …"', async () => {
        const csrUrl = await csrUrlFor();
        assertError(await post(csrUrl, ''), 500, 'Error while unmarshalling request body: unexpected end of JSON input');
        assertError(await post(csrUrl, 'x'), 500, "Error while unmarshalling request body: invalid character 'x' looking for beginning of value");
        const wrapped = `{"csr":"${Buffer.from((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key())).toString('base64').replace(/(.{76})/g, '$1\n')}"}`;
        const response = await post(csrUrl, wrapped);
        strict_1.default.equal(response.status, 500, 'raw newlines inside a JSON string make the JSON invalid');
        strict_1.default.match(JSON.parse(response.body).error, /^Error while unmarshalling request body: /);
        const typed = await post(csrUrl, '{"csr": 5}');
        assertError(typed, 500, 'Error while unmarshalling request body: json: cannot unmarshal number into Go struct field certRequest.csr of type string');
    });
    (0, node_test_1.it)('accepts base64 wrapped with escaped newlines, and a case-insensitive field name, like Go', async () => {
        const b64 = Buffer.from((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key())).toString('base64').replace(/(.{76})/g, '$1\n');
        strict_1.default.equal((await post(await csrUrlFor(), JSON.stringify({ csr: b64 }))).status, 201);
        strict_1.default.equal((await post(await csrUrlFor(), JSON.stringify({ CSR: Buffer.from((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key())).toString('base64') }))).status, 201);
    });
    (0, node_test_1.it)('answers 400 for base64, PEM, CSR parse and signature errors with the service messages', async () => {
        const csrUrl = await csrUrlFor();
        assertError(await post(csrUrl, '{"csr":"%%%"}'), 400, 'There was an error while parsing the base64 content. An incorrect value was provided.');
        assertError(await post(csrUrl, '{"csr":"QUJD"}'), 400, 'Error while decoding pem block.');
        assertError(await post(csrUrl, '{"csr":""}'), 400, 'Error while decoding pem block.');
        assertError(await post(csrUrl, '{}'), 400, 'Error while decoding pem block.');
        const notCsr = `-----BEGIN CERTIFICATE REQUEST-----\n${Buffer.from('0\x03\x02\x01\x00', 'latin1').toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
        const parse = await post(csrUrl, (0, support_1.csrBody)(notCsr));
        strict_1.default.equal(parse.status, 400);
        strict_1.default.match(JSON.parse(parse.body).error, /^Error while parsing CSR: /);
        const csrDer = Buffer.from((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key()).replace(/-----[^-]+-----|\s/g, ''), 'base64');
        csrDer[csrDer.length - 1] ^= 0xff; // flip bits of the signature
        const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${csrDer.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
        assertError(await post(csrUrl, (0, support_1.csrBody)(tampered)), 400, 'CSR signature invalid: crypto/rsa: verification error');
    });
    (0, node_test_1.it)('checks the CSR subject in the service order: CN, C, O, OU, L, ST (first value of each)', async () => {
        const csrUrl = await csrUrlFor();
        const cases = [
            [{ CN: 'x', C: undefined, O: undefined }, 'CSR: Invalid common name provided.'],
            [{ CN: undefined }, 'CSR: Invalid common name provided.'],
            [{ C: undefined, O: 'x' }, 'CSR: No country provided.'],
            [{ C: 'PL', O: 'x' }, 'CSR: Invalid country provided.'],
            [{ O: undefined, OU: 'x' }, 'CSR: No organization provided.'],
            [{ O: 'x', OU: undefined }, 'CSR: Invalid organization provided.'],
            [{ OU: undefined, L: 'x' }, 'CSR: No organizational unit provided.'],
            [{ OU: 'x' }, 'CSR: Invalid organizational unit provided.'],
            [{ L: undefined, ST: 'x' }, 'CSR: No locality provided.'],
            [{ L: 'x' }, 'CSR: Invalid locality provided.'],
            [{ ST: undefined }, 'CSR: No province provided.'],
            [{ ST: 'x' }, 'CSR: Invalid province provided.'],
        ];
        for (const [changes, message] of cases) {
            assertError(await post(csrUrl, (0, support_1.csrBody)((0, csr_1.createCsr)(subjectWith(changes), key()))), 400, message);
        }
    });
    (0, node_test_1.it)('ignores RDN order, a second OU and extra attributes', async () => {
        const response = await post(await csrUrlFor(), (0, support_1.csrBody)((0, csr_1.createCsr)(support_1.REORDERED_SUBJECT_WITH_EXTRAS, key())));
        strict_1.default.equal(response.status, 201, response.body);
    });
});
(0, node_test_1.describe)('internal API', () => {
    (0, node_test_1.it)('POST /v1/applications/tokens: 201 {url, token} with header Application, 400 without', async () => {
        const ok = await (0, support_1.rawRequest)(`${emulator.internalUrl}/v1/applications/tokens`, { method: 'POST', headers: { Application: 'demo', 'Content-Type': 'application/json' } });
        strict_1.default.equal(ok.status, 201);
        strict_1.default.equal(ok.headers['content-type'], support_1.JSON_CONTENT_TYPE);
        const body = JSON.parse(ok.body);
        strict_1.default.deepEqual(Object.keys(body), ['url', 'token']);
        strict_1.default.equal(body.url, `${emulator.connectorUrl}${INFO_PATH}?token=${body.token}`);
        const info = JSON.parse((await get(body.url)).body);
        strict_1.default.equal(info.certificate.subject, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=demo');
        assertError(await (0, support_1.rawRequest)(`${emulator.internalUrl}/v1/applications/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }), 400, 'Required headers for ApplicationContext not specified.');
    });
    (0, node_test_1.it)('POST /v1/applications/certificates/revocations: 201 empty body, case-insensitive field, 400s', async () => {
        const url = `${emulator.internalUrl}/v1/applications/certificates/revocations`;
        const headers = { 'Content-Type': 'application/json' };
        const ok = await (0, support_1.rawRequest)(url, { method: 'POST', headers, body: '{"Hash":"abc123"}' });
        strict_1.default.equal(ok.status, 201);
        strict_1.default.equal(ok.body, '');
        strict_1.default.equal(ok.headers['content-type'], support_1.JSON_CONTENT_TYPE);
        strict_1.default.ok(emulator.isRevoked('abc123'));
        assertError(await (0, support_1.rawRequest)(url, { method: 'POST', headers, body: '{}' }), 400, 'Error while unmarshalling request body: certificate hash value not provided.');
        const bad = await (0, support_1.rawRequest)(url, { method: 'POST', headers, body: '{hash: x}' });
        strict_1.default.equal(bad.status, 400);
        strict_1.default.match(JSON.parse(bad.body).error, /^Error while unmarshalling request body: /);
    });
});
(0, node_test_1.describe)('routing', () => {
    (0, node_test_1.it)('answers unknown paths 404 and wrong methods 405 with the service messages', async () => {
        assertError(await get(`${emulator.connectorUrl}/v1/health`), 404, 'Requested resource could not be found.');
        assertError(await get(`${emulator.connectorUrl}${CERTS_PATH}`), 405, 'Method not allowed.');
        assertError(await post(`${emulator.connectorUrl}${INFO_PATH}`), 405, 'Method not allowed.');
        assertError(await (0, support_1.rawRequest)(`${emulator.internalUrl}/v1/applications/tokens`), 405, 'Method not allowed.');
        assertError(await (0, support_1.rawRequest)(`${emulator.internalUrl}/nothing`), 404, 'Requested resource could not be found.');
    });
    (0, node_test_1.it)('serves the mTLS routes on the gateway only', async () => {
        assertError(await get(`${emulator.connectorUrl}/v1/applications/management/info`), 404, 'Requested resource could not be found.');
    });
});
//# sourceMappingURL=wire.test.js.map