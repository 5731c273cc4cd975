"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_test_1 = require("node:test");
const server_1 = require("../../../src/emulator/server");
const pem_1 = require("../../../src/core/pem");
const layout_1 = require("../../../src/lifecycle/layout");
let emulator;
let oldClient;
let oldCa;
let newClient;
let newCa;
(0, node_test_1.before)(async () => {
    emulator = await (0, server_1.startEmulator)();
    const a = await emulator.issueClientCertificate({ application: 'a' });
    const b = await emulator.issueClientCertificate({ application: 'b' });
    [oldClient, oldCa, newClient, newCa] = [a.certPem, a.caPem, b.certPem, b.caPem];
});
(0, node_test_1.after)(() => emulator.close());
const der = (pem) => new node_crypto_1.X509Certificate(pem).raw;
const trim = (pem) => pem.trim();
(0, node_test_1.describe)('renderRenewedCertificateFile', () => {
    (0, node_test_1.it)('replaces the client block in place and keeps comments and the missing final newline', () => {
        const original = `# my app\n${trim(oldClient)}`;
        const out = (0, layout_1.renderRenewedCertificateFile)({ format: 'pem', data: Buffer.from(original), clientDer: der(oldClient) }, newClient, newCa);
        strict_1.default.equal(out.toString(), `# my app\n${trim(newClient)}`);
    });
    (0, node_test_1.it)('replaces a CA chain with the new CA and keeps CRLF line endings', () => {
        const crlf = (s) => s.replace(/\n/g, '\r\n');
        const original = crlf(`${trim(oldClient)}\n${trim(oldCa)}\n${trim(oldCa)}\n`);
        const out = (0, layout_1.renderRenewedCertificateFile)({ format: 'pem', data: Buffer.from(original), clientDer: der(oldClient) }, newClient, newCa);
        strict_1.default.equal(out.toString(), crlf(`${trim(newClient)}\n${trim(newCa)}\n`));
    });
    (0, node_test_1.it)('keeps other blocks (a key in the same file) byte for byte', () => {
        const keyBlock = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----';
        const original = `${keyBlock}\n${trim(oldClient)}\n`;
        const out = (0, layout_1.renderRenewedCertificateFile)({ format: 'pem', data: Buffer.from(original), clientDer: der(oldClient) }, newClient, newCa);
        strict_1.default.equal(out.toString(), `${keyBlock}\n${trim(newClient)}\n`);
    });
    (0, node_test_1.it)('writes DER for a DER file', () => {
        const out = (0, layout_1.renderRenewedCertificateFile)({ format: 'der', data: der(oldClient), clientDer: der(oldClient) }, newClient, newCa);
        strict_1.default.deepEqual(out, der(newClient));
    });
    // Issue 7, row 15: the old BEGIN[\s\S]*?END regex rescanned the rest of the file for every lone BEGIN line
    // (20,000 lines: 9 s, 40,000: 24 s; now ~0.1 s and ~0.3 s on an idle machine). The bound is generous so a machine
    // shared by many test runs passes; the quadratic code does not.
    for (const strays of [20_000, 40_000]) {
        (0, node_test_1.it)(`stays linear with ${strays} lone BEGIN lines after the certificate (and so does the PEM scanner)`, () => {
            const tail = '-----BEGIN CERTIFICATE-----\n'.repeat(strays);
            const original = `${trim(oldClient)}\n${tail}`;
            let started = performance.now();
            const blocks = (0, pem_1.parseCryptoFile)(original).blocks;
            const scanMs = performance.now() - started;
            strict_1.default.equal(blocks.length, strays + 1);
            started = performance.now();
            const out = (0, layout_1.renderRenewedCertificateFile)({ format: 'pem', data: Buffer.from(original), clientDer: der(oldClient) }, newClient, newCa);
            const layoutMs = performance.now() - started;
            strict_1.default.equal(out.toString(), `${trim(newClient)}\n${tail}`);
            strict_1.default.ok(scanMs < 4000, `PEM scan took ${scanMs.toFixed(0)} ms`);
            strict_1.default.ok(layoutMs < 4000, `layout took ${layoutMs.toFixed(0)} ms`);
        });
    }
    (0, node_test_1.it)('leaves undecodable certificate blocks byte for byte and keeps leading indentation', () => {
        const broken = '-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----';
        const original = `  ${trim(oldClient)}\n${broken}\n`;
        const out = (0, layout_1.renderRenewedCertificateFile)({ format: 'pem', data: Buffer.from(original), clientDer: der(oldClient) }, newClient, newCa);
        strict_1.default.equal(out.toString(), `  ${trim(newClient)}\n${broken}\n`);
    });
});
//# sourceMappingURL=layout.test.js.map