"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_crypto_1 = require("node:crypto");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const csr_1 = require("../../../src/core/csr");
const dn_1 = require("../../../src/core/dn");
const errors_1 = require("../../../src/core/errors");
const pem_1 = require("../../../src/core/pem");
const certs_1 = require("../helpers/certs");
const keys = [
    ['RSA 2048', (0, certs_1.keyNamed)('core-rsa')],
    ['EC P-256', (0, certs_1.makeKey)({ keyType: 'ec', curve: 'P-256' })],
    ['EC P-384', (0, certs_1.makeKey)({ keyType: 'ec', curve: 'P-384' })],
];
const SPECIAL = [
    ...(0, certs_1.kymaSubject)('my-app'),
    { type: 'OU', value: 'Second, with "quotes" + plus; <angle> \\ backslash' },
    { type: 'emailAddress', value: 'ops@example.com' },
    { type: 'L', value: ' #leading hash and trailing space ' },
];
/** Runs openssl in a private temp dir with the given files; returns stdout+stderr. */
function openssl(args, files) {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'core-csr-'));
    for (const [name, content] of Object.entries(files))
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, name), content);
    const out = (0, node_child_process_1.execFileSync)('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { out, dir, cleanup: () => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }) };
}
(0, node_test_1.describe)('createCsr', () => {
    for (const [name, key] of keys) {
        (0, node_test_1.test)(`${name}: openssl verifies the signature and prints exactly the requested subject`, () => {
            const pem = (0, csr_1.createCsr)(SPECIAL, key);
            strict_1.default.match(pem, /^-----BEGIN CERTIFICATE REQUEST-----\n/);
            const run = openssl(['req', '-in', 'r.csr', '-verify', '-noout', '-subject', '-nameopt', 'RFC2253'], { 'r.csr': pem });
            run.cleanup();
            strict_1.default.equal(run.out.trim(), `subject=${(0, dn_1.formatRfc4514)(SPECIAL)}`);
            const verify = (0, node_child_process_1.execFileSync)('sh', ['-c', 'openssl req -verify -noout 2>&1'], { input: pem, encoding: 'utf8' });
            strict_1.default.match(verify, /verify OK/);
        });
    }
    (0, node_test_1.test)('the Kyma subject in the order given (DER order), signature algorithm per key type', () => {
        const rsa = (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), keys[0][1]);
        const run = openssl(['req', '-in', 'r.csr', '-noout', '-text'], { 'r.csr': rsa });
        run.cleanup();
        strict_1.default.match(run.out, /Subject: O = Organization, OU = OrgUnit, L = Waldorf, ST = Waldorf, C = DE, CN = my-app/);
        strict_1.default.match(run.out, /Signature Algorithm: sha256WithRSAEncryption/);
        const ec = (0, csr_1.parseCsr)((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), keys[1][1]));
        strict_1.default.equal(ec.signatureAlgorithm, '1.2.840.10045.4.3.2');
    });
    (0, node_test_1.test)('public keys and unknown attribute types are rejected', () => {
        strict_1.default.throws(() => (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), (0, node_crypto_1.createPublicKey)(keys[1][1])), (e) => (0, errors_1.isKymaCertError)(e, 'parse'));
        strict_1.default.throws(() => (0, csr_1.createCsr)([{ type: 'Bogus', value: 'x' }], keys[1][1]), (e) => (0, errors_1.isKymaCertError)(e, 'parse'));
    });
});
(0, node_test_1.describe)('parseCsr', () => {
    (0, node_test_1.test)('round trip: subject in DER order, the public key, a valid signature', () => {
        for (const [name, key] of keys) {
            const parsed = (0, csr_1.parseCsr)((0, csr_1.createCsr)(SPECIAL, key));
            strict_1.default.deepEqual(parsed.subject, SPECIAL, name);
            strict_1.default.equal(parsed.signatureValid, true, name);
            strict_1.default.deepEqual(parsed.publicKey.export({ type: 'spki', format: 'der' }), (0, node_crypto_1.createPublicKey)(key).export({ type: 'spki', format: 'der' }));
        }
    });
    (0, node_test_1.test)('reads CSRs made by openssl (subject via toOpensslSubj), PEM and DER, both labels', () => {
        const attrs = [...(0, certs_1.kymaSubject)('from-openssl'), { type: 'OU', value: 'a/b+c' }];
        const run = openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'k.pem', '-out', 'r.csr', '-subj', (0, dn_1.toOpensslSubj)(attrs)], {});
        const pem = (0, node_fs_1.readFileSync)((0, node_path_1.join)(run.dir, 'r.csr'), 'utf8');
        run.cleanup();
        const parsed = (0, csr_1.parseCsr)(pem);
        strict_1.default.deepEqual(parsed.subject, attrs);
        strict_1.default.equal(parsed.signatureValid, true);
        strict_1.default.equal((0, csr_1.parseCsr)(pem.replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST')).signatureValid, true);
        strict_1.default.equal((0, csr_1.parseCsr)((0, pem_1.parseCryptoFile)(pem).blocks[0].der).signatureValid, true);
    });
    (0, node_test_1.test)('a tampered CSR parses but its signature is invalid', () => {
        const der = (0, pem_1.parseCryptoFile)((0, csr_1.createCsr)((0, certs_1.kymaSubject)(), keys[1][1])).blocks[0].der;
        const tampered = Buffer.from(der);
        const at = tampered.indexOf(Buffer.from('my-app'));
        tampered[at] = 'M'.charCodeAt(0);
        const parsed = (0, csr_1.parseCsr)(tampered);
        strict_1.default.equal(parsed.subject.find((a) => a.type === 'CN')?.value, 'My-app');
        strict_1.default.equal(parsed.signatureValid, false);
    });
    (0, node_test_1.test)('garbage, certificates and truncated CSRs → parse', () => {
        const pem = (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), keys[1][1]);
        for (const input of ['', 'garbage', Buffer.from([0x30, 0x00]), pem.slice(0, 120), pem.replace(/[a-f]/g, 'A')]) {
            strict_1.default.throws(() => (0, csr_1.parseCsr)(input), (e) => (0, errors_1.isKymaCertError)(e, 'parse'), String(input).slice(0, 30));
        }
    });
});
//# sourceMappingURL=csr.test.js.map