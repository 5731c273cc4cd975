/**
 * Issue 7 rows 1–3 through the real CLI (a spawned dist/cli.js): /dev/zero, a named pipe and a 1.5 GB sparse file
 * among the arguments are each an error for that file, the good files around them are still reported, and the
 * process exits promptly with the documented code. A hang or an unbounded read fails on the deadline.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { exitCodeFor } from '../../../src/core/errors';
import { makeCa, makeLeaf } from '../helpers/certs';
import { tempDir } from '../lifecycle/fixtures';
import { ensureCliBuilt, runCliWithin } from './run-cli';

interface InspectJson {
  files: Array<{ file: string; certificates: Array<{ commonName?: string }>; error?: { kind: string; message: string } }>;
}

let dir: string;

before(async () => {
  ensureCliBuilt();
  dir = await tempDir('kyma-hostile-cli-');
  const ca = makeCa({ keyName: 'ca' });
  await fs.writeFile(path.join(dir, 'good.crt'), makeLeaf(ca, { keyName: 'leaf', subject: 'O=x,CN=first' }).certPem);
  await fs.writeFile(path.join(dir, 'good2.crt'), makeLeaf(ca, { keyName: 'leaf', subject: 'O=x,CN=second' }).certPem);
  await fs.symlink('/dev/zero', path.join(dir, 'zero.crt'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.crt')]);
  const sparse = await fs.open(path.join(dir, 'sparse.crt'), 'w');
  await sparse.truncate(1.5 * 1024 * 1024 * 1024);
  await sparse.close();
});

describe('kyma-cert inspect with hostile files among good ones', () => {
  it('reports both good files and one typed error per bad file, exit 3 (unreadable input)', async () => {
    const args = ['inspect', 'good.crt', '/dev/zero', 'zero.crt', 'pipe.crt', 'sparse.crt', 'good2.crt', '--json'];
    const result = await runCliWithin(args, { cwd: dir, timeoutMs: 15_000 });
    assert.equal(result.code, exitCodeFor('not-a-file'), result.stderr);
    const doc = JSON.parse(result.stdout) as InspectJson;
    const byName = new Map(doc.files.map((f) => [path.basename(f.file), f]));
    assert.equal(byName.get('good.crt')?.certificates[0]?.commonName, 'first');
    assert.equal(byName.get('good2.crt')?.certificates[0]?.commonName, 'second');
    assert.equal(byName.get('zero')?.error?.kind, 'not-a-file');
    assert.equal(byName.get('zero.crt')?.error?.kind, 'not-a-file');
    assert.equal(byName.get('pipe.crt')?.error?.kind, 'not-a-file');
    assert.equal(byName.get('sparse.crt')?.error?.kind, 'too-large');
  });

  it('the human output names each bad file and still shows the good ones', async () => {
    const result = await runCliWithin(['inspect', 'good.crt', 'pipe.crt', 'good2.crt'], { cwd: dir, timeoutMs: 15_000 });
    assert.equal(result.code, exitCodeFor('not-a-file'));
    assert.match(result.stdout, /good\.crt: .*CN=first/);
    assert.match(result.stdout, /pipe\.crt: .*named pipe/);
    assert.match(result.stdout, /good2\.crt: .*CN=second/);
  });
});
