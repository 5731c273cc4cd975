import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { readRegularFile, readRegularFileIfExists, readRegularFileSync } from '../../../src/io/boundedRead';

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'kyma-bounded-'));
}

// The asynchronous reader (index, workflows) and the synchronous one (CLI inspect) give the same guarantees.
const readers: Array<[string, (file: string, maxBytes?: number) => Promise<Buffer>]> = [
  ['readRegularFile', readRegularFile],
  ['readRegularFileSync', async (file, maxBytes) => readRegularFileSync(file, maxBytes)],
];

for (const [name, read] of readers) {
  describe(name, () => {
    test('reads a regular file whole, and an empty one', async () => {
      const dir = await tempDir();
      await fs.writeFile(path.join(dir, 'a.crt'), 'hello');
      await fs.writeFile(path.join(dir, 'empty.crt'), '');
      assert.equal((await read(path.join(dir, 'a.crt'))).toString(), 'hello');
      assert.equal((await read(path.join(dir, 'empty.crt'))).length, 0);
    });

    test('a symlink to /dev/zero is not-a-file, read nothing', async () => {
      const dir = await tempDir();
      await fs.symlink('/dev/zero', path.join(dir, 'app.key'));
      await assert.rejects(read(path.join(dir, 'app.key')), (e) => isKymaCertError(e, 'not-a-file'));
    });

    test('a named pipe without a writer is not-a-file and does not hang', async () => {
      const dir = await tempDir();
      const fifo = path.join(dir, 'pipe.crt');
      execFileSync('mkfifo', [fifo]);
      await assert.rejects(read(fifo), (e) => isKymaCertError(e, 'not-a-file'));
    });

    test('a sparse 1.5 GB file is too-large without being read', async () => {
      const dir = await tempDir();
      const big = path.join(dir, 'big.crt');
      const handle = await fs.open(big, 'w');
      await handle.truncate(1.5 * 1024 * 1024 * 1024);
      await handle.close();
      const before = process.memoryUsage().rss;
      await assert.rejects(read(big), (e) => isKymaCertError(e, 'too-large'));
      assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory grew as if the file had been read');
    });

    test('the cap is exact: cap bytes read, cap + 1 refused', async () => {
      const dir = await tempDir();
      await fs.writeFile(path.join(dir, 'ok'), Buffer.alloc(100, 1));
      await fs.writeFile(path.join(dir, 'over'), Buffer.alloc(101, 1));
      assert.equal((await read(path.join(dir, 'ok'), 100)).length, 100);
      await assert.rejects(read(path.join(dir, 'over'), 100), (e) => isKymaCertError(e, 'too-large'));
    });

    test('a directory is not-a-file; a missing file is an io error with ENOENT as its cause', async () => {
      const dir = await tempDir();
      await assert.rejects(read(dir), (e) => isKymaCertError(e, 'not-a-file'));
      await assert.rejects(read(path.join(dir, 'missing')), (e) => isKymaCertError(e, 'io') && (e.cause as NodeJS.ErrnoException).code === 'ENOENT');
    });
  });
}

test('readRegularFileIfExists: a missing file or a dangling symlink is undefined', async () => {
  const dir = await tempDir();
  assert.equal(await readRegularFileIfExists(path.join(dir, 'missing')), undefined);
  await fs.symlink(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
  assert.equal(await readRegularFileIfExists(path.join(dir, 'dangling')), undefined);
});
