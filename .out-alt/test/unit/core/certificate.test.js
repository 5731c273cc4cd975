"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const certificate_1 = require("../../../src/core/certificate");
const errors_1 = require("../../../src/core/errors");
const certs_1 = require("../helpers/certs");
const rsaCa = (0, certs_1.makeCa)({ keyName: 'core-rsa' });
const ecCa = (0, certs_1.makeCa)({ keyType: 'ec', subject: 'O=Other CA,CN=EC CA' });
const leaf = (0, certs_1.makeLeaf)(rsaCa, { keyType: 'ec', subjectAltNames: ['localhost', '127.0.0.1'] });
function openssl(args, files) {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'core-cert-'));
    try {
        for (const [name, content] of Object.entries(files))
            (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, name), content);
        return (0, node_child_process_1.execFileSync)('openssl', args, { cwd: dir, encoding: 'utf8' });
    }
    finally {
        (0, node_fs_1.rmSync)(dir, { recursive: true, force: true });
    }
}
(0, node_test_1.describe)('certificateFacts', () => {
    (0, node_test_1.test)('subject and issuer attributes in DER order, text forms, CN', () => {
        const f = (0, certificate_1.certificateFacts)(leaf.certPem);
        strict_1.default.deepEqual(f.subject, (0, certs_1.kymaSubject)());
        strict_1.default.deepEqual(f.issuer, [{ type: 'CN', value: 'Kyma' }]);
        strict_1.default.equal(f.subjectText, 'CN=my-app,C=DE,ST=Waldorf,L=Waldorf,OU=OrgUnit,O=Organization');
        strict_1.default.equal(f.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
        strict_1.default.equal(f.issuerText, 'CN=Kyma');
        strict_1.default.equal(f.commonName, 'my-app');
    });
    (0, node_test_1.test)('subjectText equals openssl -nameopt RFC2253, fingerprint and serial equal openssl', () => {
        const f = (0, certificate_1.certificateFacts)(leaf.certDer);
        const out = openssl(['x509', '-in', 'c.pem', '-noout', '-subject', '-issuer', '-serial', '-fingerprint', '-sha256', '-nameopt', 'RFC2253'], { 'c.pem': leaf.certPem });
        strict_1.default.match(out, new RegExp(`^subject=${escapeRe(f.subjectText)}$`, 'm'));
        strict_1.default.match(out, new RegExp(`^issuer=${escapeRe(f.issuerText)}$`, 'm'));
        strict_1.default.match(out, new RegExp(`^serial=${f.serialNumber}$`, 'm'));
        strict_1.default.match(out, new RegExp(`^sha256 Fingerprint=${f.fingerprint256}$`, 'mi'));
    });
    (0, node_test_1.test)('validity, SANs, key info, CA flag, self-signed, hashes', () => {
        const notBefore = new Date(Date.UTC(2030, 0, 2, 3, 4, 5));
        const notAfter = new Date(Date.UTC(2060, 0, 2, 3, 4, 5)); // GeneralizedTime after 2049
        const cert = (0, certs_1.makeLeaf)(ecCa, { keyType: 'ec', curve: 'P-384', notBefore, notAfter, subjectAltNames: ['a.example', '::1'] });
        const f = (0, certificate_1.certificateFacts)(cert.certPem);
        strict_1.default.equal(f.notBefore.toISOString(), notBefore.toISOString());
        strict_1.default.equal(f.notAfter.toISOString(), notAfter.toISOString());
        strict_1.default.deepEqual(f.subjectAltNames, ['DNS:a.example', 'IP Address:0:0:0:0:0:0:0:1']);
        strict_1.default.deepEqual(f.publicKey, { type: 'ec', bits: 384, curve: 'P-384' });
        strict_1.default.equal(f.isCA, false);
        strict_1.default.equal(f.selfSigned, false);
        strict_1.default.equal(f.sha256Hex, (0, node_crypto_1.createHash)('sha256').update(cert.certDer).digest('hex'));
        strict_1.default.equal(f.fingerprint256.replace(/:/g, '').toLowerCase(), f.sha256Hex);
        strict_1.default.deepEqual(f.extKeyUsage, ['1.3.6.1.5.5.7.3.2']);
        strict_1.default.equal(f.pem, cert.certPem);
        const caFacts = (0, certificate_1.certificateFacts)(rsaCa.certPem);
        strict_1.default.deepEqual(caFacts.publicKey, { type: 'rsa', bits: 2048 });
        strict_1.default.equal(caFacts.isCA, true);
        strict_1.default.equal(caFacts.selfSigned, true);
    });
    (0, node_test_1.test)('expired and not-yet-valid certificates are still described', () => {
        const expired = (0, certs_1.makeLeaf)(ecCa, { keyType: 'ec', notBefore: new Date(Date.now() - 100 * certs_1.DAY_MS), validDays: 10 });
        const future = (0, certs_1.makeLeaf)(ecCa, { keyType: 'ec', notBefore: new Date(Date.now() + 10 * certs_1.DAY_MS) });
        strict_1.default.ok((0, certificate_1.certificateFacts)(expired.certPem).notAfter.getTime() < Date.now());
        strict_1.default.ok((0, certificate_1.certificateFacts)(future.certPem).notBefore.getTime() > Date.now());
    });
    (0, node_test_1.test)('a bundle: certificateFacts takes the first certificate, certificatesInFile all in order', () => {
        const bundle = `${leaf.certPem}${rsaCa.certPem}`;
        strict_1.default.equal((0, certificate_1.certificateFacts)(bundle).commonName, 'my-app');
        strict_1.default.deepEqual((0, certificate_1.certificatesInFile)(`junk\n${rsaCa.certPem}${leaf.keyPem}${leaf.certPem}`).map((f) => f.commonName), ['Kyma', 'my-app']);
    });
    (0, node_test_1.test)('accepts X509Certificate and facts objects', () => {
        const f = (0, certificate_1.certificateFacts)(new node_crypto_1.X509Certificate(leaf.certDer));
        strict_1.default.equal((0, certificate_1.certificateFacts)(f).sha256Hex, f.sha256Hex);
    });
    (0, node_test_1.test)('non-certificates and damaged certificates are parse errors', () => {
        const isParse = (e) => (0, errors_1.isKymaCertError)(e, 'parse');
        strict_1.default.throws(() => (0, certificate_1.certificateFacts)('hello'), isParse);
        strict_1.default.throws(() => (0, certificate_1.certificateFacts)(leaf.keyPem), isParse);
        strict_1.default.throws(() => (0, certificate_1.certificateFacts)(leaf.certPem.slice(0, 200)), (e) => isParse(e) && /damaged/.test(e.message));
        strict_1.default.throws(() => (0, certificate_1.certificateFacts)(leaf.certDer.subarray(0, leaf.certDer.length - 1)), isParse);
    });
    (0, node_test_1.test)('RFC 4514 escaping and multi-valued RDNs survive a real certificate, as openssl prints them', () => {
        const subject = [
            { type: 'C', value: 'DE' },
            { type: 'OU', value: 'R+D' }, // DER-sorted inside the RDN: the shorter encoding first
            { type: 'O', value: 'ACME, Inc.', joinedWithPrevious: true },
            { type: 'CN', value: ' #lead"quote;<x>\\ ' },
        ];
        const cert = (0, certs_1.makeLeaf)(ecCa, { keyType: 'ec', subject });
        const f = (0, certificate_1.certificateFacts)(cert.certPem);
        strict_1.default.deepEqual(f.subject, subject);
        strict_1.default.equal(f.subjectText, 'CN=\\ #lead\\"quote\\;\\<x\\>\\\\\\ ,O=ACME\\, Inc.+OU=R\\+D,C=DE');
        const out = openssl(['x509', '-in', 'c.pem', '-noout', '-subject', '-nameopt', 'RFC2253'], { 'c.pem': cert.certPem });
        strict_1.default.equal(out.trim(), `subject=${f.subjectText}`);
    });
});
(0, node_test_1.describe)('isIssuedBy', () => {
    (0, node_test_1.test)('true for the issuing CA, false for another CA, itself or reversed', () => {
        strict_1.default.equal((0, certificate_1.isIssuedBy)(leaf.certPem, rsaCa.certPem), true);
        strict_1.default.equal((0, certificate_1.isIssuedBy)((0, certificate_1.certificateFacts)(leaf.certPem), (0, certificate_1.certificateFacts)(rsaCa.certPem)), true);
        strict_1.default.equal((0, certificate_1.isIssuedBy)(new node_crypto_1.X509Certificate(leaf.certDer), new node_crypto_1.X509Certificate(rsaCa.certDer)), true);
        strict_1.default.equal((0, certificate_1.isIssuedBy)(leaf.certPem, ecCa.certPem), false);
        strict_1.default.equal((0, certificate_1.isIssuedBy)(rsaCa.certPem, leaf.certPem), false);
        strict_1.default.equal((0, certificate_1.isIssuedBy)(rsaCa.certPem, rsaCa.certPem), true); // self-signed
    });
    (0, node_test_1.test)('same issuer name but a different key → false (signature is checked)', () => {
        const impostor = (0, certs_1.makeCa)({ keyType: 'ec' }); // also "CN=Kyma"
        strict_1.default.deepEqual((0, certificate_1.certificateFacts)(impostor.certPem).subject, (0, certificate_1.certificateFacts)(rsaCa.certPem).subject);
        strict_1.default.equal((0, certificate_1.isIssuedBy)(leaf.certPem, impostor.certPem), false);
    });
    (0, node_test_1.test)('the chain verifies with openssl too', () => {
        const out = openssl(['verify', '-CAfile', 'ca.pem', 'leaf.pem'], { 'ca.pem': rsaCa.certPem, 'leaf.pem': leaf.certPem });
        strict_1.default.match(out, /leaf\.pem: OK/);
    });
});
(0, node_test_1.test)('the shared RSA key really is reused by name', () => {
    strict_1.default.equal((0, certs_1.keyNamed)('core-rsa'), rsaCa.key);
});
function escapeRe(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
//# sourceMappingURL=certificate.test.js.map