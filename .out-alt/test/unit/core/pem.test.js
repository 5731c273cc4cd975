"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const pem_1 = require("../../../src/core/pem");
const csr_1 = require("../../../src/core/csr");
const errors_1 = require("../../../src/core/errors");
const certs_1 = require("../helpers/certs");
const rsaKey = (0, certs_1.keyNamed)('core-rsa');
const ca = (0, certs_1.makeCa)({ keyType: 'ec' });
const leaf = (0, certs_1.makeLeaf)(ca, { keyType: 'ec' });
const csrPem = (0, csr_1.createCsr)((0, certs_1.kymaSubject)(), leaf.key);
/** Line count of a PEM string ending with a newline. */
const linesOf = (pem) => pem.trimEnd().split('\n').length;
(0, node_test_1.describe)('parseCryptoFile: PEM', () => {
    (0, node_test_1.test)('a single certificate: one block with its DER and 0-based inclusive line range', () => {
        const parsed = (0, pem_1.parseCryptoFile)(leaf.certPem);
        strict_1.default.equal(parsed.format, 'pem');
        strict_1.default.equal(parsed.blocks.length, 1);
        const [block] = parsed.blocks;
        strict_1.default.equal(block.kind, 'certificate');
        strict_1.default.equal(block.label, 'CERTIFICATE');
        strict_1.default.deepEqual(block.der, leaf.certDer);
        strict_1.default.equal(block.startLine, 0);
        strict_1.default.equal(block.endLine, linesOf(leaf.certPem) - 1);
    });
    (0, node_test_1.test)('a bundle (leaf then CA) with leading text, blank lines and trailing garbage keeps order and line ranges', () => {
        const text = `subject=CN=my-app\nissuer=CN=Kyma\n\n${leaf.certPem}\n${ca.certPem}trailing garbage \x7f here\n`;
        const { format, blocks } = (0, pem_1.parseCryptoFile)(text);
        strict_1.default.equal(format, 'pem');
        strict_1.default.deepEqual(blocks.map((b) => b.kind), ['certificate', 'certificate']);
        strict_1.default.deepEqual(blocks[0].der, leaf.certDer);
        strict_1.default.deepEqual(blocks[1].der, ca.certDer);
        const leafLines = linesOf(leaf.certPem);
        strict_1.default.equal(blocks[0].startLine, 3);
        strict_1.default.equal(blocks[0].endLine, 3 + leafLines - 1);
        strict_1.default.equal(blocks[1].startLine, 3 + leafLines + 1); // one blank line between the two blocks
        strict_1.default.equal(blocks[1].endLine, blocks[1].startLine + linesOf(ca.certPem) - 1);
    });
    (0, node_test_1.test)('a CA-first bundle is reported in file order', () => {
        const { blocks } = (0, pem_1.parseCryptoFile)(ca.certPem + leaf.certPem);
        strict_1.default.deepEqual(blocks[0].der, ca.certDer);
        strict_1.default.deepEqual(blocks[1].der, leaf.certDer);
    });
    (0, node_test_1.test)('CRLF line endings give the same blocks and line numbers as LF', () => {
        const lf = `# comment\n${leaf.certPem}${leaf.keyPem}`;
        const crlf = lf.replace(/\n/g, '\r\n');
        const a = (0, pem_1.parseCryptoFile)(lf);
        const b = (0, pem_1.parseCryptoFile)(Buffer.from(crlf));
        strict_1.default.deepEqual(b.blocks.map((x) => [x.kind, x.startLine, x.endLine, x.der.toString('hex')]), a.blocks.map((x) => [x.kind, x.startLine, x.endLine, x.der.toString('hex')]));
        strict_1.default.equal(b.blocks[1].kind, 'private-key');
    });
    (0, node_test_1.test)('whitespace inside and around base64 lines is ignored', () => {
        const lines = leaf.certPem.trimEnd().split('\n');
        const messy = [
            `   ${lines[0]}  `,
            ...lines.slice(1, -1).map((l, i) => (i % 2 ? `\t${l.slice(0, 10)} ${l.slice(10)}  ` : ` ${l}`)),
            `${lines[lines.length - 1]}\t`,
        ].join('\n');
        const { blocks } = (0, pem_1.parseCryptoFile)(messy);
        strict_1.default.equal(blocks.length, 1);
        strict_1.default.equal(blocks[0].kind, 'certificate');
        strict_1.default.deepEqual(blocks[0].der, leaf.certDer);
    });
    (0, node_test_1.test)('private keys: PKCS#1, PKCS#8 and SEC1 with their key formats', () => {
        const pkcs1 = rsaKey.export({ type: 'pkcs1', format: 'pem' });
        const pkcs8 = rsaKey.export({ type: 'pkcs8', format: 'pem' });
        const sec1 = leaf.key.export({ type: 'sec1', format: 'pem' });
        const { blocks } = (0, pem_1.parseCryptoFile)(pkcs1 + pkcs8 + sec1);
        strict_1.default.deepEqual(blocks.map((b) => [b.kind, b.label, b.keyFormat]), [
            ['private-key', 'RSA PRIVATE KEY', 'pkcs1'],
            ['private-key', 'PRIVATE KEY', 'pkcs8'],
            ['private-key', 'EC PRIVATE KEY', 'sec1'],
        ]);
    });
    (0, node_test_1.test)('encrypted keys: PKCS#8 ENCRYPTED PRIVATE KEY and legacy Proc-Type: 4,ENCRYPTED (RSA and EC)', () => {
        const options = { cipher: 'aes-256-cbc', passphrase: 'secret' };
        const enc8 = rsaKey.export({ type: 'pkcs8', format: 'pem', ...options });
        const legacyRsa = rsaKey.export({ type: 'pkcs1', format: 'pem', ...options });
        const legacyEc = leaf.key.export({ type: 'sec1', format: 'pem', ...options });
        strict_1.default.match(legacyRsa, /Proc-Type: 4,ENCRYPTED/);
        const { blocks } = (0, pem_1.parseCryptoFile)(enc8 + legacyRsa + legacyEc);
        strict_1.default.deepEqual(blocks.map((b) => [b.kind, b.keyFormat, b.problem]), [
            ['encrypted-private-key', 'pkcs8', undefined],
            ['encrypted-private-key', 'pkcs1', undefined],
            ['encrypted-private-key', 'sec1', undefined],
        ]);
    });
    (0, node_test_1.test)('CSRs under both labels', () => {
        const newLabel = csrPem.replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST');
        const { blocks } = (0, pem_1.parseCryptoFile)(csrPem + newLabel);
        strict_1.default.deepEqual(blocks.map((b) => [b.kind, b.label]), [
            ['csr', 'CERTIFICATE REQUEST'],
            ['csr', 'NEW CERTIFICATE REQUEST'],
        ]);
        strict_1.default.deepEqual(blocks[0].der, blocks[1].der);
    });
    (0, node_test_1.test)('unknown labels are kind other, with their DER and no problem', () => {
        const publicKeyPem = (0, node_crypto_1.createPublicKey)(ca.key).export({ type: 'spki', format: 'pem' });
        const { blocks } = (0, pem_1.parseCryptoFile)(publicKeyPem + ca.keyPem);
        strict_1.default.equal(blocks[0].kind, 'other');
        strict_1.default.equal(blocks[0].label, 'PUBLIC KEY');
        strict_1.default.equal(blocks[0].problem, undefined);
        strict_1.default.ok(blocks[0].der.length > 0);
        strict_1.default.equal(blocks[1].kind, 'private-key');
    });
    (0, node_test_1.test)('a truncated block (no END line) is reported as other with a problem, and later blocks are still found', () => {
        const lines = leaf.certPem.trimEnd().split('\n');
        const truncated = lines.slice(0, 5).join('\n');
        const { blocks } = (0, pem_1.parseCryptoFile)(`${truncated}\n${ca.certPem}`);
        strict_1.default.equal(blocks.length, 2);
        strict_1.default.equal(blocks[0].kind, 'other');
        strict_1.default.match(blocks[0].problem ?? '', /no END line/);
        strict_1.default.equal(blocks[0].startLine, 0);
        strict_1.default.equal(blocks[0].endLine, 4);
        strict_1.default.equal(blocks[1].kind, 'certificate');
        strict_1.default.deepEqual(blocks[1].der, ca.certDer);
    });
    (0, node_test_1.test)('a block cut off at end of file is reported as other', () => {
        const cut = leaf.certPem.slice(0, Math.floor(leaf.certPem.length / 2));
        const { format, blocks } = (0, pem_1.parseCryptoFile)(cut);
        strict_1.default.equal(format, 'pem');
        strict_1.default.equal(blocks[0].kind, 'other');
        strict_1.default.match(blocks[0].problem ?? '', /no END line/);
    });
    (0, node_test_1.test)('bad base64 inside a block: kind other, problem names the 1-based line', () => {
        const lines = leaf.certPem.trimEnd().split('\n');
        lines[3] = `${lines[3].slice(0, 10)}!@#${lines[3].slice(13)}`;
        const { blocks } = (0, pem_1.parseCryptoFile)(`${lines.join('\n')}\n${ca.certPem}`);
        strict_1.default.equal(blocks[0].kind, 'other');
        strict_1.default.equal(blocks[0].problem, 'invalid base64 on line 4');
        strict_1.default.equal(blocks[0].endLine, lines.length - 1);
        strict_1.default.equal(blocks[1].kind, 'certificate');
    });
    (0, node_test_1.test)('padding in the middle of the data is bad base64', () => {
        const lines = leaf.certPem.trimEnd().split('\n');
        lines[2] = `${lines[2].slice(0, -2)}==`;
        const { blocks } = (0, pem_1.parseCryptoFile)(lines.join('\n'));
        strict_1.default.equal(blocks[0].kind, 'other');
        strict_1.default.match(blocks[0].problem ?? '', /invalid base64/);
    });
    (0, node_test_1.test)('END with a different label is reported', () => {
        const wrong = leaf.certPem.replace('-----END CERTIFICATE-----', '-----END PRIVATE KEY-----');
        const { blocks } = (0, pem_1.parseCryptoFile)(wrong);
        strict_1.default.equal(blocks[0].kind, 'other');
        strict_1.default.match(blocks[0].problem ?? '', /does not match/);
    });
    (0, node_test_1.test)('text without any BEGIN line is format none', () => {
        strict_1.default.deepEqual((0, pem_1.parseCryptoFile)('just a readme\nwith two lines\n'), { format: 'none', blocks: [] });
        strict_1.default.deepEqual((0, pem_1.parseCryptoFile)(''), { format: 'none', blocks: [] });
        strict_1.default.deepEqual((0, pem_1.parseCryptoFile)(Buffer.from('héllo wörld\n')), { format: 'none', blocks: [] });
    });
});
(0, node_test_1.describe)('parseCryptoFile: DER', () => {
    (0, node_test_1.test)('a DER certificate', () => {
        const parsed = (0, pem_1.parseCryptoFile)(leaf.certDer);
        strict_1.default.equal(parsed.format, 'der');
        strict_1.default.deepEqual(parsed.blocks.map((b) => [b.kind, b.label, b.startLine, b.endLine]), [['certificate', 'CERTIFICATE', 0, 0]]);
        strict_1.default.deepEqual(parsed.blocks[0].der, leaf.certDer);
    });
    (0, node_test_1.test)('DER private keys: PKCS#8, PKCS#1 and SEC1', () => {
        const cases = [
            [rsaKey.export({ type: 'pkcs8', format: 'der' }), 'pkcs8'],
            [rsaKey.export({ type: 'pkcs1', format: 'der' }), 'pkcs1'],
            [leaf.key.export({ type: 'sec1', format: 'der' }), 'sec1'],
            [leaf.key.export({ type: 'pkcs8', format: 'der' }), 'pkcs8'],
        ];
        for (const [der, keyFormat] of cases) {
            const parsed = (0, pem_1.parseCryptoFile)(der);
            strict_1.default.equal(parsed.format, 'der');
            strict_1.default.equal(parsed.blocks[0].kind, 'private-key');
            strict_1.default.equal(parsed.blocks[0].keyFormat, keyFormat);
        }
    });
    (0, node_test_1.test)('a DER encrypted PKCS#8 key', () => {
        const der = rsaKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'x' });
        const parsed = (0, pem_1.parseCryptoFile)(der);
        strict_1.default.equal(parsed.blocks[0].kind, 'encrypted-private-key');
    });
    (0, node_test_1.test)('a DER CSR', () => {
        const der = (0, pem_1.parseCryptoFile)(csrPem).blocks[0].der;
        const parsed = (0, pem_1.parseCryptoFile)(der);
        strict_1.default.equal(parsed.format, 'der');
        strict_1.default.equal(parsed.blocks[0].kind, 'csr');
    });
    (0, node_test_1.test)('bytes after the DER object are ignored', () => {
        const parsed = (0, pem_1.parseCryptoFile)(Buffer.concat([leaf.certDer, Buffer.from([0, 1, 2, 3])]));
        strict_1.default.deepEqual(parsed.blocks[0].der, leaf.certDer);
        strict_1.default.doesNotThrow(() => new node_crypto_1.X509Certificate(parsed.blocks[0].der));
    });
    (0, node_test_1.test)('binary that is not DER → parse error', () => {
        for (const bytes of [Buffer.from([0, 1, 2, 3, 255]), Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]), leaf.certDer.subarray(0, 100)]) {
            strict_1.default.throws(() => (0, pem_1.parseCryptoFile)(bytes), (e) => (0, errors_1.isKymaCertError)(e, 'parse'));
        }
    });
});
(0, node_test_1.describe)('parseCryptoFile: size cap', () => {
    (0, node_test_1.test)(`input above MAX_INPUT_BYTES (${pem_1.MAX_INPUT_BYTES}) → too-large, for Buffer and string`, () => {
        const big = Buffer.alloc(pem_1.MAX_INPUT_BYTES + 1, 0x41);
        strict_1.default.throws(() => (0, pem_1.parseCryptoFile)(big), (e) => (0, errors_1.isKymaCertError)(e, 'too-large'));
        strict_1.default.throws(() => (0, pem_1.parseCryptoFile)(big.toString('latin1')), (e) => (0, errors_1.isKymaCertError)(e, 'too-large'));
    });
    (0, node_test_1.test)('a file of exactly MAX_INPUT_BYTES is scanned', () => {
        const padding = Buffer.alloc(pem_1.MAX_INPUT_BYTES - leaf.certPem.length, 0x0a);
        const parsed = (0, pem_1.parseCryptoFile)(Buffer.concat([Buffer.from(leaf.certPem), padding]));
        strict_1.default.equal(parsed.blocks[0].kind, 'certificate');
    });
});
//# sourceMappingURL=pem.test.js.map