import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { atomicWriteFiles, restoreSnapshot, takeSnapshot } from '../../../src/lifecycle/files';
import { modeOf, tempDir, treeFingerprint } from './fixtures';

describe('atomicWriteFiles', () => {
  it('writes new files with the default mode and keeps the mode of replaced files', async () => {
    const dir = await tempDir();
    const existing = path.join(dir, 'existing.crt');
    await fs.writeFile(existing, 'old');
    await fs.chmod(existing, 0o640);
    const fresh = path.join(dir, 'fresh.crt');
    const key = path.join(dir, 'fresh.key');
    await atomicWriteFiles([
      { path: existing, data: 'new' },
      { path: fresh, data: Buffer.from('fresh') },
      { path: key, data: 'secret', mode: 0o600 },
    ]);
    assert.equal(await fs.readFile(existing, 'utf8'), 'new');
    assert.equal(await modeOf(existing), 0o640);
    assert.equal(await fs.readFile(fresh, 'utf8'), 'fresh');
    assert.equal(await modeOf(fresh), 0o644);
    assert.equal(await modeOf(key), 0o600, 'exact mode regardless of the umask');
    assert.deepEqual((await fs.readdir(dir)).sort(), ['existing.crt', 'fresh.crt', 'fresh.key'], 'no temp file left');
  });

  it('puts back files already renamed when a later rename fails, and removes its temps', async () => {
    const dir = await tempDir();
    const first = path.join(dir, 'a.crt');
    await fs.writeFile(first, 'original-a');
    const second = path.join(dir, 'b.crt');
    // A directory where a file should go: its temp file can be written, but the rename onto it fails.
    await fs.mkdir(second);
    await fs.writeFile(path.join(second, 'inside'), 'x');
    const third = path.join(dir, 'c.crt');
    const before = await treeFingerprint(dir);
    await assert.rejects(
      atomicWriteFiles([
        { path: first, data: 'new-a' },
        { path: third, data: 'new-c' },
        { path: second, data: 'new-b' },
      ]),
      // A folder where a file should go is refused before anything is written (bounded reads take only files).
      (e: unknown) => (isKymaCertError(e, 'io') || isKymaCertError(e, 'not-a-file')) && e.message.includes('b.crt'),
    );
    assert.deepEqual(await treeFingerprint(dir), before);
  });

  it('fails without touching anything when a temp file cannot be created', async () => {
    const dir = await tempDir();
    const ok = path.join(dir, 'ok.crt');
    await fs.writeFile(ok, 'keep');
    const before = await treeFingerprint(dir);
    await assert.rejects(
      atomicWriteFiles([
        { path: ok, data: 'changed' },
        { path: path.join(dir, 'missing-dir', 'x.crt'), data: 'x' },
      ]),
      (e: unknown) => isKymaCertError(e, 'io'),
    );
    assert.deepEqual(await treeFingerprint(dir), before);
  });

  it('restoreSnapshot brings back bytes and modes and removes files that did not exist', async () => {
    const dir = await tempDir();
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    await fs.writeFile(a, 'A');
    await fs.chmod(a, 0o600);
    const before = await treeFingerprint(dir);
    const snapshot = await takeSnapshot([a, b]);
    await atomicWriteFiles([
      { path: a, data: 'changed', mode: 0o644 },
      { path: b, data: 'new' },
    ]);
    await restoreSnapshot(snapshot);
    assert.deepEqual(await treeFingerprint(dir), before);
  });
});
