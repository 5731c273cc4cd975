import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { lockFileFor, STALE_LOCK_MS, withCertificateLock } from '../../../src/lifecycle/lock';
import { tempDir } from './fixtures';

const compiledLock = path.join(__dirname, '..', '..', '..', 'src', 'lifecycle', 'lock.js');

/** A pid that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  assert.ok(child.pid);
  return child.pid;
}

describe('withCertificateLock', () => {
  it('refuses a second holder in the same process and releases on success and on failure', async () => {
    const dir = await tempDir();
    const cert = path.join(dir, 'app.crt');
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const held = withCertificateLock(cert, () => new Promise<string>((r) => ((release = () => r('first')), started())));
    await running;
    await assert.rejects(
      withCertificateLock(cert, async () => 'second'),
      (e: unknown) => {
        return isKymaCertError(e, 'locked') && /another renewal of this certificate is running/i.test(e.message);
      },
    );
    release();
    assert.equal(await held, 'first');
    await assert.rejects(
      withCertificateLock(cert, async () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await withCertificateLock(cert, async () => 'again'), 'again');
    assert.deepEqual(await fs.readdir(dir), [], 'lock file removed');
  });

  it('is respected across processes: a child holding the lock makes us fail with locked', async () => {
    const dir = await tempDir();
    const cert = path.join(dir, 'app.crt');
    const script = `
      const { withCertificateLock } = require(${JSON.stringify(compiledLock)});
      withCertificateLock(${JSON.stringify(cert)}, () => new Promise((resolve) => {
        process.stdout.write('held\\n');
        process.stdin.on('end', resolve);
        process.stdin.resume();
      })).then(() => process.stdout.write('released\\n'));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const [first] = (await once(child.stdout, 'data')) as [Buffer];
    assert.equal(first.toString().trim(), 'held');
    const contents = JSON.parse(await fs.readFile(lockFileFor(cert), 'utf8')) as { pid: number };
    assert.equal(contents.pid, child.pid);
    await assert.rejects(
      withCertificateLock(cert, async () => 'mine'),
      (e: unknown) => isKymaCertError(e, 'locked'),
    );
    child.stdin.end();
    await once(child, 'exit');
    assert.equal(await withCertificateLock(cert, async () => 'mine'), 'mine');
  });

  it('breaks a lock whose process is dead', async () => {
    const dir = await tempDir();
    const cert = path.join(dir, 'app.crt');
    await fs.writeFile(lockFileFor(cert), JSON.stringify({ pid: await deadPid(), createdAt: new Date().toISOString() }));
    assert.equal(await withCertificateLock(cert, async () => 'ran'), 'ran');
    assert.deepEqual(await fs.readdir(dir), []);
  });

  it('breaks a lock older than the stale limit even if its pid is alive', async () => {
    const dir = await tempDir();
    const cert = path.join(dir, 'app.crt');
    const old = new Date(Date.now() - STALE_LOCK_MS - 1000).toISOString();
    await fs.writeFile(lockFileFor(cert), JSON.stringify({ pid: process.pid, createdAt: old }));
    assert.equal(await withCertificateLock(cert, async () => 'ran'), 'ran');
  });

  it('keeps a fresh lock of a live process', async () => {
    const dir = await tempDir();
    const cert = path.join(dir, 'app.crt');
    await fs.writeFile(lockFileFor(cert), JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }));
    await assert.rejects(
      withCertificateLock(cert, async () => 'ran'),
      (e: unknown) => isKymaCertError(e, 'locked'),
    );
    assert.ok(await fs.stat(lockFileFor(cert)), "somebody else's lock is left alone");
  });
});
