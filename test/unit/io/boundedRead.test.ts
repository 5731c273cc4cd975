import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { readRegularFile, readRegularFileIfExists } from '../../../src/io/boundedRead';

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'kyma-bounded-'));
}

test('reads a regular file whole', async () => {
  const dir = await tempDir();
  await fs.writeFile(path.join(dir, 'a.crt'), 'hello');
  assert.equal((await readRegularFile(path.join(dir, 'a.crt'))).toString(), 'hello');
});

test('a symlink to /dev/zero is not-a-file, read nothing', async () => {
  const dir = await tempDir();
  await fs.symlink('/dev/zero', path.join(dir, 'app.key'));
  await assert.rejects(readRegularFile(path.join(dir, 'app.key')), (e) => isKymaCertError(e, 'not-a-file'));
});

test('a named pipe without a writer is not-a-file and does not hang', async () => {
  const dir = await tempDir();
  const fifo = path.join(dir, 'pipe.crt');
  execFileSync('mkfifo', [fifo]);
  await assert.rejects(readRegularFile(fifo), (e) => isKymaCertError(e, 'not-a-file'));
});

test('a sparse 1.5 GB file is too-large without being read', async () => {
  const dir = await tempDir();
  const big = path.join(dir, 'big.crt');
  const handle = await fs.open(big, 'w');
  await handle.truncate(1.5 * 1024 * 1024 * 1024);
  await handle.close();
  const before = process.memoryUsage().rss;
  await assert.rejects(readRegularFile(big), (e) => isKymaCertError(e, 'too-large'));
  assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory grew as if the file had been read');
});

test('the cap is exact: cap bytes read, cap + 1 refused', async () => {
  const dir = await tempDir();
  await fs.writeFile(path.join(dir, 'ok'), Buffer.alloc(100, 1));
  await fs.writeFile(path.join(dir, 'over'), Buffer.alloc(101, 1));
  assert.equal((await readRegularFile(path.join(dir, 'ok'), 100)).length, 100);
  await assert.rejects(readRegularFile(path.join(dir, 'over'), 100), (e) => isKymaCertError(e, 'too-large'));
});

test('a directory is not-a-file; a missing file is undefined for the IfExists variant', async () => {
  const dir = await tempDir();
  await assert.rejects(readRegularFile(dir), (e) => isKymaCertError(e, 'not-a-file'));
  assert.equal(await readRegularFileIfExists(path.join(dir, 'missing')), undefined);
  await fs.symlink(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
  assert.equal(await readRegularFileIfExists(path.join(dir, 'dangling')), undefined);
});
