/**
 * Issue 7 rows 1–3 in the index reader (what the extension host runs for every certificate in the workspace, even in
 * Restricted Mode): a planted key that is a named pipe or a link to /dev/zero, a certificate that is a pipe or a
 * sparse 1.5 GB file. Each is reported for that file only, nothing blocks, and the next file is read.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { readCertificateEntry } from '../../../src/lifecycle/certificateReader';
import { makeCa, makeLeaf, type TestCert } from '../helpers/certs';
import { tempDir } from '../lifecycle/fixtures';

const options = { maxFileSizeBytes: 512 * 1024 };
let dir: string;
let leaf: TestCert;

/** Fails instead of hanging: the old reader waited forever on a pipe. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

before(async () => {
  dir = await tempDir('kyma-hostile-index-');
  leaf = makeLeaf(makeCa({ keyName: 'ca' }), { keyName: 'leaf' });
});

describe('readCertificateEntry with planted files', () => {
  it('a key candidate that is a named pipe is reported unreadable, without blocking', async () => {
    await fs.writeFile(path.join(dir, 'piped.crt'), leaf.certPem);
    execFileSync('mkfifo', [path.join(dir, 'piped.key')]);
    const result = await within(5_000, readCertificateEntry(path.join(dir, 'piped.crt'), options));
    assert.ok('entry' in result);
    assert.equal(result.entry.key.status, 'unreadable');
    assert.match(result.entry.key.status === 'unreadable' ? (result.entry.key.problem ?? '') : '', /named pipe/);
  });

  it('a key candidate linked to /dev/zero is not read; a later candidate that matches still wins', async () => {
    await fs.writeFile(path.join(dir, 'zeroed.crt'), leaf.certPem);
    await fs.symlink('/dev/zero', path.join(dir, 'zeroed.key'));
    await fs.writeFile(path.join(dir, 'zeroed-key.pem'), leaf.keyPem, { mode: 0o600 });
    const before = process.memoryUsage().rss;
    const result = await within(5_000, readCertificateEntry(path.join(dir, 'zeroed.crt'), options));
    assert.ok('entry' in result);
    assert.deepEqual(result.entry.key, { status: 'match', file: path.join(dir, 'zeroed-key.pem'), source: 'naming' });
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory grew as if /dev/zero had been read');
  });

  it('a certificate that is a pipe, a device or a sparse 1.5 GB file is skipped, and the next one is read', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.crt')]);
    await fs.symlink('/dev/urandom', path.join(dir, 'random.crt'));
    const sparse = await fs.open(path.join(dir, 'sparse.crt'), 'w');
    await sparse.truncate(1.5 * 1024 * 1024 * 1024);
    await sparse.close();
    await fs.writeFile(path.join(dir, 'fine.crt'), leaf.certPem);
    const results = await within(
      10_000,
      Promise.all(['pipe.crt', 'random.crt', 'sparse.crt', 'fine.crt'].map((f) => readCertificateEntry(path.join(dir, f), options))),
    );
    const [pipe, random, big, fine] = results;
    assert.ok('skipped' in pipe && pipe.skipped === 'missing', JSON.stringify(pipe));
    assert.ok('skipped' in random && random.skipped === 'missing', JSON.stringify(random));
    assert.ok('skipped' in big && big.skipped === 'too-large', JSON.stringify(big));
    assert.ok('entry' in fine && fine.entry.certificates.length === 1);
  });
});
