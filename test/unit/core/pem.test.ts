import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createPublicKey } from 'node:crypto';
import { MAX_INPUT_BYTES, parseCryptoFile } from '../../../src/core/pem';
import { createCsr } from '../../../src/core/csr';
import { isKymaCertError } from '../../../src/core/errors';
import { keyNamed, kymaSubject, makeCa, makeLeaf } from '../helpers/certs';

const rsaKey = keyNamed('core-rsa');
const ca = makeCa({ keyType: 'ec' });
const leaf = makeLeaf(ca, { keyType: 'ec' });
const csrPem = createCsr(kymaSubject(), leaf.key);

/** Line count of a PEM string ending with a newline. */
const linesOf = (pem: string): number => pem.trimEnd().split('\n').length;

describe('parseCryptoFile: PEM', () => {
  test('a single certificate: one block with its DER and 0-based inclusive line range', () => {
    const parsed = parseCryptoFile(leaf.certPem);
    assert.equal(parsed.format, 'pem');
    assert.equal(parsed.blocks.length, 1);
    const [block] = parsed.blocks;
    assert.equal(block.kind, 'certificate');
    assert.equal(block.label, 'CERTIFICATE');
    assert.deepEqual(block.der, leaf.certDer);
    assert.equal(block.startLine, 0);
    assert.equal(block.endLine, linesOf(leaf.certPem) - 1);
  });

  test('a bundle (leaf then CA) with leading text, blank lines and trailing garbage keeps order and line ranges', () => {
    const text = `subject=CN=my-app\nissuer=CN=Kyma\n\n${leaf.certPem}\n${ca.certPem}trailing garbage \x7f here\n`;
    const { format, blocks } = parseCryptoFile(text);
    assert.equal(format, 'pem');
    assert.deepEqual(
      blocks.map((b) => b.kind),
      ['certificate', 'certificate'],
    );
    assert.deepEqual(blocks[0].der, leaf.certDer);
    assert.deepEqual(blocks[1].der, ca.certDer);
    const leafLines = linesOf(leaf.certPem);
    assert.equal(blocks[0].startLine, 3);
    assert.equal(blocks[0].endLine, 3 + leafLines - 1);
    assert.equal(blocks[1].startLine, 3 + leafLines + 1); // one blank line between the two blocks
    assert.equal(blocks[1].endLine, blocks[1].startLine + linesOf(ca.certPem) - 1);
  });

  test('a CA-first bundle is reported in file order', () => {
    const { blocks } = parseCryptoFile(ca.certPem + leaf.certPem);
    assert.deepEqual(blocks[0].der, ca.certDer);
    assert.deepEqual(blocks[1].der, leaf.certDer);
  });

  test('CRLF line endings give the same blocks and line numbers as LF', () => {
    const lf = `# comment\n${leaf.certPem}${leaf.keyPem}`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parseCryptoFile(lf);
    const b = parseCryptoFile(Buffer.from(crlf));
    assert.deepEqual(
      b.blocks.map((x) => [x.kind, x.startLine, x.endLine, x.der.toString('hex')]),
      a.blocks.map((x) => [x.kind, x.startLine, x.endLine, x.der.toString('hex')]),
    );
    assert.equal(b.blocks[1].kind, 'private-key');
  });

  test('whitespace inside and around base64 lines is ignored', () => {
    const lines = leaf.certPem.trimEnd().split('\n');
    const messy = [
      `   ${lines[0]}  `,
      ...lines.slice(1, -1).map((l, i) => (i % 2 ? `\t${l.slice(0, 10)} ${l.slice(10)}  ` : ` ${l}`)),
      `${lines[lines.length - 1]}\t`,
    ].join('\n');
    const { blocks } = parseCryptoFile(messy);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0].kind, 'certificate');
    assert.deepEqual(blocks[0].der, leaf.certDer);
  });

  test('private keys: PKCS#1, PKCS#8 and SEC1 with their key formats', () => {
    const pkcs1 = rsaKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const pkcs8 = rsaKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const sec1 = leaf.key.export({ type: 'sec1', format: 'pem' }) as string;
    const { blocks } = parseCryptoFile(pkcs1 + pkcs8 + sec1);
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.label, b.keyFormat]),
      [
        ['private-key', 'RSA PRIVATE KEY', 'pkcs1'],
        ['private-key', 'PRIVATE KEY', 'pkcs8'],
        ['private-key', 'EC PRIVATE KEY', 'sec1'],
      ],
    );
  });

  test('encrypted keys: PKCS#8 ENCRYPTED PRIVATE KEY and legacy Proc-Type: 4,ENCRYPTED (RSA and EC)', () => {
    const options = { cipher: 'aes-256-cbc', passphrase: 'secret' };
    const enc8 = rsaKey.export({ type: 'pkcs8', format: 'pem', ...options }) as string;
    const legacyRsa = rsaKey.export({ type: 'pkcs1', format: 'pem', ...options }) as string;
    const legacyEc = leaf.key.export({ type: 'sec1', format: 'pem', ...options }) as string;
    assert.match(legacyRsa, /Proc-Type: 4,ENCRYPTED/);
    const { blocks } = parseCryptoFile(enc8 + legacyRsa + legacyEc);
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.keyFormat, b.problem]),
      [
        ['encrypted-private-key', 'pkcs8', undefined],
        ['encrypted-private-key', 'pkcs1', undefined],
        ['encrypted-private-key', 'sec1', undefined],
      ],
    );
  });

  test('CSRs under both labels', () => {
    const newLabel = csrPem.replace(/CERTIFICATE REQUEST/g, 'NEW CERTIFICATE REQUEST');
    const { blocks } = parseCryptoFile(csrPem + newLabel);
    assert.deepEqual(
      blocks.map((b) => [b.kind, b.label]),
      [
        ['csr', 'CERTIFICATE REQUEST'],
        ['csr', 'NEW CERTIFICATE REQUEST'],
      ],
    );
    assert.deepEqual(blocks[0].der, blocks[1].der);
  });

  test('unknown labels are kind other, with their DER and no problem', () => {
    const publicKeyPem = createPublicKey(ca.key).export({ type: 'spki', format: 'pem' }) as string;
    const { blocks } = parseCryptoFile(publicKeyPem + ca.keyPem);
    assert.equal(blocks[0].kind, 'other');
    assert.equal(blocks[0].label, 'PUBLIC KEY');
    assert.equal(blocks[0].problem, undefined);
    assert.ok(blocks[0].der.length > 0);
    assert.equal(blocks[1].kind, 'private-key');
  });

  test('a truncated block (no END line) is reported as other with a problem, and later blocks are still found', () => {
    const lines = leaf.certPem.trimEnd().split('\n');
    const truncated = lines.slice(0, 5).join('\n');
    const { blocks } = parseCryptoFile(`${truncated}\n${ca.certPem}`);
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0].kind, 'other');
    assert.match(blocks[0].problem ?? '', /no END line/);
    assert.equal(blocks[0].startLine, 0);
    assert.equal(blocks[0].endLine, 4);
    assert.equal(blocks[1].kind, 'certificate');
    assert.deepEqual(blocks[1].der, ca.certDer);
  });

  test('a block cut off at end of file is reported as other', () => {
    const cut = leaf.certPem.slice(0, Math.floor(leaf.certPem.length / 2));
    const { format, blocks } = parseCryptoFile(cut);
    assert.equal(format, 'pem');
    assert.equal(blocks[0].kind, 'other');
    assert.match(blocks[0].problem ?? '', /no END line/);
  });

  test('bad base64 inside a block: kind other, problem names the 1-based line', () => {
    const lines = leaf.certPem.trimEnd().split('\n');
    lines[3] = `${lines[3].slice(0, 10)}!@#${lines[3].slice(13)}`;
    const { blocks } = parseCryptoFile(`${lines.join('\n')}\n${ca.certPem}`);
    assert.equal(blocks[0].kind, 'other');
    assert.equal(blocks[0].problem, 'invalid base64 on line 4');
    assert.equal(blocks[0].endLine, lines.length - 1);
    assert.equal(blocks[1].kind, 'certificate');
  });

  test('padding in the middle of the data is bad base64', () => {
    const lines = leaf.certPem.trimEnd().split('\n');
    lines[2] = `${lines[2].slice(0, -2)}==`;
    const { blocks } = parseCryptoFile(lines.join('\n'));
    assert.equal(blocks[0].kind, 'other');
    assert.match(blocks[0].problem ?? '', /invalid base64/);
  });

  test('END with a different label is reported', () => {
    const wrong = leaf.certPem.replace('-----END CERTIFICATE-----', '-----END PRIVATE KEY-----');
    const { blocks } = parseCryptoFile(wrong);
    assert.equal(blocks[0].kind, 'other');
    assert.match(blocks[0].problem ?? '', /does not match/);
  });

  test('text without any BEGIN line is format none', () => {
    assert.deepEqual(parseCryptoFile('just a readme\nwith two lines\n'), { format: 'none', blocks: [] });
    assert.deepEqual(parseCryptoFile(''), { format: 'none', blocks: [] });
    assert.deepEqual(parseCryptoFile(Buffer.from('héllo wörld\n')), { format: 'none', blocks: [] });
  });
});

describe('parseCryptoFile: DER', () => {
  test('a DER certificate', () => {
    const parsed = parseCryptoFile(leaf.certDer);
    assert.equal(parsed.format, 'der');
    assert.deepEqual(
      parsed.blocks.map((b) => [b.kind, b.label, b.startLine, b.endLine]),
      [['certificate', 'CERTIFICATE', 0, 0]],
    );
    assert.deepEqual(parsed.blocks[0].der, leaf.certDer);
  });

  test('DER private keys: PKCS#8, PKCS#1 and SEC1', () => {
    const cases = [
      [rsaKey.export({ type: 'pkcs8', format: 'der' }), 'pkcs8'],
      [rsaKey.export({ type: 'pkcs1', format: 'der' }), 'pkcs1'],
      [leaf.key.export({ type: 'sec1', format: 'der' }), 'sec1'],
      [leaf.key.export({ type: 'pkcs8', format: 'der' }), 'pkcs8'],
    ] as const;
    for (const [der, keyFormat] of cases) {
      const parsed = parseCryptoFile(der);
      assert.equal(parsed.format, 'der');
      assert.equal(parsed.blocks[0].kind, 'private-key');
      assert.equal(parsed.blocks[0].keyFormat, keyFormat);
    }
  });

  test('a DER encrypted PKCS#8 key', () => {
    const der = rsaKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'x' });
    const parsed = parseCryptoFile(der);
    assert.equal(parsed.blocks[0].kind, 'encrypted-private-key');
  });

  test('a DER CSR', () => {
    const der = parseCryptoFile(csrPem).blocks[0].der;
    const parsed = parseCryptoFile(der);
    assert.equal(parsed.format, 'der');
    assert.equal(parsed.blocks[0].kind, 'csr');
  });

  test('bytes after the DER object are ignored', () => {
    const parsed = parseCryptoFile(Buffer.concat([leaf.certDer, Buffer.from([0, 1, 2, 3])]));
    assert.deepEqual(parsed.blocks[0].der, leaf.certDer);
    assert.doesNotThrow(() => new X509Certificate(parsed.blocks[0].der));
  });

  test('binary that is not DER → parse error', () => {
    for (const bytes of [Buffer.from([0, 1, 2, 3, 255]), Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]), leaf.certDer.subarray(0, 100)]) {
      assert.throws(
        () => parseCryptoFile(bytes),
        (e) => isKymaCertError(e, 'parse'),
      );
    }
  });
});

describe('parseCryptoFile: size cap', () => {
  test(`input above MAX_INPUT_BYTES (${MAX_INPUT_BYTES}) → too-large, for Buffer and string`, () => {
    const big = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x41);
    assert.throws(
      () => parseCryptoFile(big),
      (e) => isKymaCertError(e, 'too-large'),
    );
    assert.throws(
      () => parseCryptoFile(big.toString('latin1')),
      (e) => isKymaCertError(e, 'too-large'),
    );
  });

  test('a file of exactly MAX_INPUT_BYTES is scanned', () => {
    const padding = Buffer.alloc(MAX_INPUT_BYTES - leaf.certPem.length, 0x0a);
    const parsed = parseCryptoFile(Buffer.concat([Buffer.from(leaf.certPem), padding]));
    assert.equal(parsed.blocks[0].kind, 'certificate');
  });
});
