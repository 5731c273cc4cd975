"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConnectorClient = exports.DEFAULT_TIMEOUT_MS = void 0;
exports.answerBody = answerBody;
exports.signingRequestInfoFrom = signingRequestInfoFrom;
exports.managementInfoFrom = managementInfoFrom;
exports.certificatesFrom = certificatesFrom;
const axios_1 = __importDefault(require("axios"));
const node_crypto_1 = require("node:crypto");
const pem_1 = require("../core/pem");
const errors_1 = require("../core/errors");
const errors_2 = require("./errors");
const agent_1 = require("./agent");
exports.DEFAULT_TIMEOUT_MS = 30_000;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function requireString(value, path) {
    const found = path.split('.').reduce((v, key) => (isObject(v) ? v[key] : undefined), value);
    if (typeof found !== 'string' || found === '')
        throw new Error(`missing field "${path}"`);
    return found;
}
function decodePemField(body, field) {
    const value = requireString(body, field);
    const compact = value.replace(/[\r\n]/g, '');
    if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
        throw new Error(`"${field}" is not base64`);
    const pem = Buffer.from(compact, 'base64').toString('utf8');
    const certificates = (0, pem_1.parseCryptoFile)(pem)
        .blocks.filter((b) => b.kind === 'certificate' && b.problem === undefined)
        .map((b) => b.der);
    if (certificates.length === 0)
        throw new Error(`"${field}" holds no PEM certificate`);
    for (const der of certificates) {
        try {
            new node_crypto_1.X509Certificate(der);
        }
        catch {
            throw new Error(`"${field}" holds a certificate that cannot be parsed`);
        }
    }
    return { pem, certificates };
}
/** Checks the 201 body: three base64 PEM texts, one client certificate, crt = clientCrt followed by caCrt. */
function decodeCertificates(body) {
    const crt = decodePemField(body, 'crt');
    const client = decodePemField(body, 'clientCrt');
    const ca = decodePemField(body, 'caCrt');
    if (client.certificates.length !== 1)
        throw new Error(`"clientCrt" holds ${client.certificates.length} certificates, expected 1`);
    const expected = [...client.certificates, ...ca.certificates];
    const consistent = crt.certificates.length === expected.length && crt.certificates.every((der, i) => der.equals(expected[i]));
    if (!consistent)
        throw new Error('"crt" is not the client certificate followed by the CA certificate(s)');
    return { crtPem: crt.pem, clientCrtPem: client.pem, caCrtPem: ca.pem };
}
function parseJsonObject(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error('body is not JSON');
    }
    if (!isObject(value))
        throw new Error('body is not a JSON object');
    return value;
}
// The answer decoders: pure, text or JSON in, a typed value or KymaCertError('server') out. The client uses them,
// and the property test (test/unit/core/parsers.property.test.ts) feeds them mutated answers.
/** The JSON object of an answer body. */
function answerBody(operation, status, text) {
    try {
        return parseJsonObject(text);
    }
    catch (e) {
        throw (0, errors_2.unusableResponse)(operation, status, e.message);
    }
}
/** signingRequests/info (spec §3): csrUrl and the subject to request. */
function signingRequestInfoFrom(operation, status, body) {
    try {
        requireString(body, 'csrUrl');
        requireString(body, 'certificate.subject');
        return body;
    }
    catch (e) {
        throw (0, errors_2.unusableResponse)(operation, status, e.message);
    }
}
/** management/info (spec §4): the identity, the renewal and revocation URLs, the subject. */
function managementInfoFrom(operation, status, body) {
    try {
        requireString(body, 'clientIdentity.application');
        requireString(body, 'urls.renewCertUrl');
        requireString(body, 'urls.revokeCertUrl');
        requireString(body, 'certificate.subject');
        return body;
    }
    catch (e) {
        throw (0, errors_2.unusableResponse)(operation, status, e.message);
    }
}
/** A 201 certificate answer → { crtPem, clientCrtPem, caCrtPem }. */
function certificatesFrom(operation, status, body) {
    try {
        return decodeCertificates(body);
    }
    catch (e) {
        throw (0, errors_2.unusableResponse)(operation, status, e.message);
    }
}
/**
 * Client of the Connector Service REST API (connector-service-api.md §3–§6). One instance per set of credentials;
 * every failure is a KymaCertError. Keys, CSRs and tokens never appear in messages.
 */
class ConnectorClient {
    tls;
    timeoutMs;
    signal;
    constructor(options = {}) {
        this.tls = options.tls ?? {};
        this.timeoutMs = options.timeoutMs ?? exports.DEFAULT_TIMEOUT_MS;
        this.signal = options.signal;
    }
    /** GET signingRequests/info?token=… (the URL is used exactly as given; the token is single-use). */
    async getSigningRequestInfo(tokenUrl) {
        const operation = 'Reading the signing request info';
        const { status, body } = await this.requestJson(operation, 'GET', tokenUrl, undefined, [200]);
        return signingRequestInfoFrom(operation, status, body);
    }
    /** POST certificates?token=… with the CSR; returns the decoded certificates. */
    async signCsrWithToken(csrUrl, csrPem) {
        return this.postCsr('Requesting a certificate with the one-time token', csrUrl, csrPem);
    }
    /** GET management/info over mTLS (needs tls.certPem/keyPem). */
    async getManagementInfo(infoUrl) {
        const operation = 'Reading the management info';
        this.requireClientCertificate(operation);
        const { status, body } = await this.requestJson(operation, 'GET', infoUrl, undefined, [200]);
        return managementInfoFrom(operation, status, body);
    }
    /** POST certificates/renewals over mTLS with a CSR for the subject from management/info. */
    async renew(renewUrl, csrPem) {
        const operation = 'Renewing the certificate';
        this.requireClientCertificate(operation);
        return this.postCsr(operation, renewUrl, csrPem);
    }
    /** POST certificates/revocations over mTLS: revokes the presented certificate (201, empty body; idempotent). */
    async revoke(revokeUrl) {
        const operation = 'Revoking the certificate';
        this.requireClientCertificate(operation);
        await this.send(operation, 'POST', revokeUrl, undefined, [200, 201, 204]);
    }
    requireClientCertificate(operation) {
        if (!this.tls.certPem || !this.tls.keyPem) {
            throw new errors_1.KymaCertError('config', `${operation} needs the client certificate and its private key`);
        }
    }
    async postCsr(operation, url, csrPem) {
        // Base64 of the PEM text on ONE line: wrapped base64 inside JSON is a classic source of 500s.
        const payload = { csr: Buffer.from(csrPem, 'utf8').toString('base64') };
        const { status, body } = await this.requestJson(operation, 'POST', url, JSON.stringify(payload), [201]);
        return certificatesFrom(operation, status, body);
    }
    async requestJson(operation, method, url, data, expected) {
        const response = await this.send(operation, method, url, data, expected);
        return { status: response.status, body: answerBody(operation, response.status, response.data) };
    }
    async send(operation, method, url, data, expected) {
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            throw new errors_1.KymaCertError('config', `${operation}: not a valid URL`);
        }
        if (parsed.protocol !== 'https:') {
            throw new errors_1.KymaCertError('config', `${operation}: ${(0, errors_2.describeUrl)(url)} is not an https URL`, 'The Connector Service is only reachable over HTTPS.');
        }
        if (this.signal?.aborted)
            throw new errors_1.KymaCertError('cancelled', `${operation} was cancelled`);
        let agent;
        try {
            agent = (0, agent_1.agentFor)(this.tls, parsed);
        }
        catch (e) {
            if (e instanceof errors_1.KymaCertError)
                throw e; // a proxy setting that is not a URL
            // Unreadable CA, certificate or key: say which kind of input, never echo it.
            throw new errors_1.KymaCertError('config', `${operation}: the TLS settings cannot be used (${e.code ?? 'invalid PEM'})`, 'Check the CA file, client certificate and key.');
        }
        const controller = new AbortController();
        let timedOut = false;
        let cancelled = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, this.timeoutMs);
        const onAbort = () => {
            cancelled = true;
            controller.abort();
        };
        this.signal?.addEventListener('abort', onAbort, { once: true });
        try {
            const response = await axios_1.default.request({
                url,
                method,
                data,
                headers: data === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
                httpsAgent: agent,
                proxy: false,
                maxRedirects: 0,
                timeout: this.timeoutMs,
                signal: controller.signal,
                responseType: 'text',
                transformResponse: [(raw) => raw],
                validateStatus: () => true,
                maxContentLength: errors_2.MAX_RESPONSE_BYTES,
                maxBodyLength: errors_2.MAX_RESPONSE_BYTES,
                transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
            });
            if (!expected.includes(response.status))
                throw (0, errors_2.errorFromResponse)(operation, response.status, String(response.data ?? ''));
            return response;
        }
        catch (e) {
            if (e instanceof errors_1.KymaCertError)
                throw e;
            throw (0, errors_2.errorFromTransport)(e, {
                operation,
                url,
                withClientCertificate: Boolean(this.tls.certPem),
                handshakeCompleted: (0, agent_1.handshakeCompleted)(e?.request),
                clientCertificateExpired: this.clientCertificateExpired(),
                timedOut,
                cancelled,
                timeoutMs: this.timeoutMs,
            });
        }
        finally {
            clearTimeout(timer);
            this.signal?.removeEventListener('abort', onAbort);
        }
    }
    clientCertificateExpired() {
        if (!this.tls.certPem)
            return false;
        try {
            return new Date(new node_crypto_1.X509Certificate(this.tls.certPem).validTo).getTime() < Date.now();
        }
        catch {
            return false;
        }
    }
}
exports.ConnectorClient = ConnectorClient;
//# sourceMappingURL=client.js.map