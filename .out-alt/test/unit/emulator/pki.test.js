"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * What the emulator issues and persists: certificate properties of §7 (serial 2, validity from the clock, subject
 * verbatim from the CSR, KeyUsage/ExtKeyUsage/AKI), the server certificate, and the state dir across restarts.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const node_forge_1 = __importDefault(require("node-forge"));
const certificate_1 = require("../../../src/core/certificate");
const csr_1 = require("../../../src/core/csr");
const emulator_1 = require("../../../src/emulator");
const pki_1 = require("../../../src/emulator/pki");
const certs_1 = require("../helpers/certs");
const support_1 = require("./support");
const SUBJECT_OF_CSR_DER = (csrPem) => {
    // CertificationRequest → certificationRequestInfo → [version, subject, …]
    const node = node_forge_1.default.asn1.fromDer((0, csr_1.parseCsr)(csrPem).der.toString('binary'));
    const info = node.value[0];
    return Buffer.from(node_forge_1.default.asn1.toDer(info.value[1]).getBytes(), 'binary');
};
(0, node_test_1.describe)('issued client certificates', () => {
    (0, node_test_1.it)('have serial 2, NotBefore = now, NotAfter = now + validity, KeyUsage/EKU/AKI, the CSR key, signed by CN=Kyma', async () => {
        const now = new Date(Math.floor(Date.now() / 1000) * 1000);
        const emulator = await (0, emulator_1.startEmulator)({ now: () => now, validityMs: 2 * 3_600_000 });
        try {
            const info = JSON.parse((await (0, support_1.rawRequest)(emulator.mintToken('my-app').url, { ca: emulator.serverCaPem })).body);
            const key = (0, certs_1.keyNamed)('pki-app');
            const response = await (0, support_1.rawRequest)(info.csrUrl, { method: 'POST', body: (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), key)), ca: emulator.serverCaPem });
            strict_1.default.equal(response.status, 201, response.body);
            const pem = Buffer.from(JSON.parse(response.body).clientCrt, 'base64').toString();
            const facts = (0, certificate_1.certificateFacts)(pem);
            strict_1.default.equal(facts.serialNumber, '02');
            strict_1.default.equal(facts.notBefore.getTime(), now.getTime());
            strict_1.default.equal(facts.notAfter.getTime(), now.getTime() + 2 * 3_600_000);
            strict_1.default.equal(facts.issuerText, 'CN=Kyma');
            strict_1.default.ok((0, certificate_1.isIssuedBy)(pem, emulator.clientCaPem));
            strict_1.default.deepEqual(facts.extKeyUsage, ['1.3.6.1.5.5.7.3.2']);
            strict_1.default.equal(facts.isCA, false);
            strict_1.default.ok(new node_crypto_1.X509Certificate(pem).checkPrivateKey(key));
            const cert = node_forge_1.default.pki.certificateFromPem(pem);
            const ca = node_forge_1.default.pki.certificateFromPem(emulator.clientCaPem);
            const keyUsage = cert.getExtension('keyUsage');
            strict_1.default.equal(keyUsage.critical, true);
            strict_1.default.equal(keyUsage.digitalSignature, true);
            strict_1.default.equal(keyUsage.keyCertSign, false);
            strict_1.default.equal(keyUsage.keyEncipherment, false);
            strict_1.default.equal(cert.getExtension('basicConstraints'), null);
            const aki = cert.getExtension('authorityKeyIdentifier');
            const ski = ca.getExtension('subjectKeyIdentifier');
            // AKI value = SEQUENCE { [0] keyIdentifier }: the last 20 bytes are the key id.
            strict_1.default.equal(node_forge_1.default.util.bytesToHex(aki.value.slice(-20)), ski.subjectKeyIdentifier);
        }
        finally {
            await emulator.close();
        }
    });
    (0, node_test_1.it)('copy the CSR subject verbatim: RDN order, repeated and extra attributes', async () => {
        const emulator = await (0, emulator_1.startEmulator)();
        try {
            const subject = support_1.REORDERED_SUBJECT_WITH_EXTRAS;
            const csr = (0, csr_1.createCsr)(subject, (0, certs_1.keyNamed)('pki-app'));
            const info = JSON.parse((await (0, support_1.rawRequest)(emulator.mintToken('my-app').url, { ca: emulator.serverCaPem })).body);
            const response = await (0, support_1.rawRequest)(info.csrUrl, { method: 'POST', body: (0, support_1.csrBody)(csr), ca: emulator.serverCaPem });
            const pem = Buffer.from(JSON.parse(response.body).clientCrt, 'base64').toString();
            strict_1.default.deepEqual((0, pki_1.subjectNameOf)(new node_crypto_1.X509Certificate(pem).raw), SUBJECT_OF_CSR_DER(csr));
            strict_1.default.deepEqual((0, certificate_1.certificateFacts)(pem).subject.map((a) => a.type), subject.map((a) => a.type));
        }
        finally {
            await emulator.close();
        }
    });
});
(0, node_test_1.describe)('server certificate and CAs', () => {
    (0, node_test_1.it)('serves a certificate for localhost, 127.0.0.1 and ::1 signed by the server CA; client CA is CN=Kyma', async () => {
        const emulator = await (0, emulator_1.startEmulator)();
        try {
            const server = new node_crypto_1.X509Certificate(await (0, promises_1.readFile)((0, node_path_1.join)(emulator.stateDir, 'server.crt')));
            strict_1.default.equal(server.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
            strict_1.default.ok(server.checkIssued(new node_crypto_1.X509Certificate(emulator.serverCaPem)));
            strict_1.default.ok(server.verify(new node_crypto_1.X509Certificate(emulator.serverCaPem).publicKey));
            const clientCa = (0, certificate_1.certificateFacts)(emulator.clientCaPem);
            strict_1.default.equal(clientCa.subjectText, 'CN=Kyma');
            strict_1.default.equal(clientCa.isCA, true);
            strict_1.default.equal(clientCa.publicKey.bits, 2048);
            strict_1.default.equal(await (0, promises_1.readFile)(emulator.serverCaFile, 'utf8'), emulator.serverCaPem);
            strict_1.default.equal(await (0, promises_1.readFile)(emulator.clientCaFile, 'utf8'), emulator.clientCaPem);
            // The server CA trusts the HTTPS listener by host name as well.
            const viaName = await (0, support_1.rawRequest)(emulator.connectorUrl.replace('127.0.0.1', 'localhost') + '/nothing', { ca: emulator.serverCaPem });
            strict_1.default.equal(viaName.status, 404);
        }
        finally {
            await emulator.close();
        }
    });
    (0, node_test_1.it)('creates a 4096-bit client CA on request', async () => {
        const emulator = await (0, emulator_1.startEmulator)({ caKeyBits: 4096 });
        try {
            strict_1.default.equal((0, certificate_1.certificateFacts)(emulator.clientCaPem).publicKey.bits, 4096);
        }
        finally {
            await emulator.close();
        }
    });
});
(0, node_test_1.describe)('state dir', () => {
    (0, node_test_1.it)('persists CAs and keys (keys 0600) and reuses them on restart; issued certificates keep working', async () => {
        const dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'wire-state-'));
        try {
            const first = await (0, emulator_1.startEmulator)({ stateDir: dir });
            const cert = await first.issueClientCertificate({ application: 'my-app', publicKey: (0, certs_1.keyNamed)('pki-restart') });
            await first.close();
            strict_1.default.ok((0, node_fs_1.existsSync)(dir), 'a given state dir is not removed on close');
            for (const file of ['server-ca.key', 'server.key', 'client-ca.key']) {
                strict_1.default.equal((await (0, promises_1.stat)((0, node_path_1.join)(dir, file))).mode & 0o777, 0o600, file);
            }
            const second = await (0, emulator_1.startEmulator)({ stateDir: dir });
            try {
                strict_1.default.equal(second.serverCaPem, first.serverCaPem);
                strict_1.default.equal(second.clientCaPem, first.clientCaPem);
                const key = (0, certs_1.keyNamed)('pki-restart').export({ type: 'pkcs8', format: 'pem' });
                const response = await (0, support_1.rawRequest)(second.infoUrl, { ca: first.serverCaPem, cert: cert.certPem, key });
                strict_1.default.equal(response.status, 200, 'a certificate from before the restart is accepted by the same CA');
            }
            finally {
                await second.close();
            }
        }
        finally {
            await (0, promises_1.rm)(dir, { recursive: true, force: true });
        }
    });
    (0, node_test_1.it)('uses a temp state dir by default and removes it on close', async () => {
        const emulator = await (0, emulator_1.startEmulator)();
        strict_1.default.ok((0, node_fs_1.existsSync)(emulator.serverCaFile));
        await emulator.close();
        strict_1.default.equal((0, node_fs_1.existsSync)(emulator.stateDir), false);
    });
});
(0, node_test_1.describe)('parseDuration', () => {
    (0, node_test_1.it)('reads the CLI forms 92d, 2h, 15m, 90s, 500ms and bare milliseconds', () => {
        strict_1.default.equal((0, emulator_1.parseDuration)('92d'), 92 * 86_400_000);
        strict_1.default.equal((0, emulator_1.parseDuration)('2h'), 7_200_000);
        strict_1.default.equal((0, emulator_1.parseDuration)('15m'), 900_000);
        strict_1.default.equal((0, emulator_1.parseDuration)('90s'), 90_000);
        strict_1.default.equal((0, emulator_1.parseDuration)('500ms'), 500);
        strict_1.default.equal((0, emulator_1.parseDuration)('250'), 250);
        for (const bad of ['', 'd', '1y', '-1d', '1.5h', '0s'])
            strict_1.default.throws(() => (0, emulator_1.parseDuration)(bad), /invalid duration/, bad);
    });
});
//# sourceMappingURL=pki.test.js.map