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
exports.REORDERED_SUBJECT_WITH_EXTRAS = exports.JSON_CONTENT_TYPE = void 0;
exports.rawRequest = rawRequest;
exports.csrBody = csrBody;
exports.csrFor = csrFor;
exports.errorBody = errorBody;
exports.jsonBody = jsonBody;
/**
 * Shared helpers for the emulator and connector tests: raw HTTP(S) requests (to see bytes, headers and status
 * exactly as the wire carries them) and CSR bodies.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const http = __importStar(require("node:http"));
const https = __importStar(require("node:https"));
const csr_1 = require("../../../src/core/csr");
const certs_1 = require("../helpers/certs");
/** One request on a fresh connection; resolves with the exact status, headers and body text. */
function rawRequest(url, options = {}) {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
        const req = transport.request(target, {
            method: options.method ?? 'GET',
            headers: options.headers,
            agent: false,
            ca: options.ca,
            cert: options.cert,
            key: options.key,
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
        });
        req.on('error', reject);
        req.end(options.body);
    });
}
/** `{"csr": base64(PEM)}` exactly as the tutorial and our client send it. */
function csrBody(csrPem) {
    return JSON.stringify({ csr: Buffer.from(csrPem).toString('base64') });
}
/** A CSR for `subject` (default: the Kyma default subject of `my-app`). */
function csrFor(key, subject = (0, certs_1.kymaSubject)()) {
    return (0, csr_1.createCsr)(subject, key);
}
/** The service's error body, byte for byte (Go json.Encoder adds the newline). */
function errorBody(status, message) {
    return `${JSON.stringify({ code: status, error: message })}\n`;
}
exports.JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
/**
 * Asserts a JSON answer as Go writes it (status, content type, json.Encoder's trailing newline) and returns the
 * parsed body, untyped as JSON.parse gives it: the tests check its shape.
 */
function jsonBody(response, status) {
    strict_1.default.equal(response.status, status, response.body);
    strict_1.default.equal(response.headers['content-type'], exports.JSON_CONTENT_TYPE);
    strict_1.default.ok(response.body.endsWith('}\n'));
    return JSON.parse(response.body);
}
/**
 * The Kyma default subject of `my-app` in another RDN order, with a second OU and an emailAddress: the service
 * ignores order and extras, and copies the subject into the certificate verbatim.
 */
exports.REORDERED_SUBJECT_WITH_EXTRAS = [
    { type: 'CN', value: 'my-app' },
    { type: 'C', value: 'DE' },
    { type: 'ST', value: 'Waldorf' },
    { type: 'L', value: 'Waldorf' },
    { type: 'OU', value: 'OrgUnit' },
    { type: 'OU', value: 'Second' },
    { type: 'O', value: 'Organization' },
    { type: 'emailAddress', value: 'ops@example.com' },
];
//# sourceMappingURL=support.js.map