/**
 * Issue 7 rows 12 and 14: a lock that survives real life. A full disk while the lock is written leaves no lock
 * behind and is an `io` error with a hint; a lock naming a live pid that is not its holder (a restarted container
 * where every process is pid 1, another boot) does not block.
 */
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { holderIsGone, lockFileFor, processStartTime, STALE_LOCK_MS, withCertificateLock, type LockContents } from '../../../src/lifecycle/lock';
import { fill, mountTmpfs, tempDir } from './fixtures';

const me = (): LockContents => ({
  pid: process.pid,
  createdAt: new Date().toISOString(),
  host: os.hostname(),
  bootId: 'boot-a',
  startTime: processStartTime(process.pid),
});

describe('a lock that survives real life', () => {
  const mounts: Array<() => void> = [];
  after(() => mounts.forEach((unmount) => unmount()));

  it('a full disk while writing the lock: io error with a hint, and no lock file left behind', async () => {
    const { dir, unmount } = await mountTmpfs(64);
    mounts.push(unmount);
    const cert = path.join(dir, 'app.crt');
    await fs.writeFile(cert, 'x');
    await fill(dir);
    let ran = false;
    await assert.rejects(
      withCertificateLock(cert, async () => {
        ran = true;
      }),
      (e: unknown) => isKymaCertError(e, 'io') && /lock/.test(e.message) && /ENOSPC/.test(e.message) && /disk is full/i.test(e.hint ?? ''),
    );
    assert.equal(ran, false);
    await assert.rejects(fs.lstat(lockFileFor(cert)), 'the half-written lock was left behind');
    assert.deepEqual((await fs.readdir(dir)).sort(), ['app.crt', 'filler'], 'a lock or its temp file was left behind');
    await fs.unlink(path.join(dir, 'filler'));
    assert.equal(await withCertificateLock(cert, async () => 'ran'), 'ran', 'once there is space the lock works at once');
  });

  it('a lock naming live pid 1 with another start time (a restarted container) is broken at once', async () => {
    const dir = await tempDir();
    const cert = path.join(dir, 'app.crt');
    const lock = {
      pid: 1,
      createdAt: new Date().toISOString(),
      host: os.hostname(),
      bootId: await fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8').then((s) => s.trim()),
      startTime: '1',
    };
    assert.notEqual(processStartTime(1), '1', 'pid 1 here started at another time');
    await fs.writeFile(lockFileFor(cert), JSON.stringify(lock));
    assert.equal(await withCertificateLock(cert, async () => 'ran'), 'ran');
  });

  it('the staleness rule: same process held; reused pid, other boot gone; another host by age only', () => {
    const now = Date.now();
    const self = me();
    assert.equal(holderIsGone(self, now, self), false, 'our own live lock is held');
    assert.equal(holderIsGone({ ...self, startTime: `${self.startTime}9` }, now, self), true, 'a reused pid');
    assert.equal(holderIsGone({ ...self, bootId: 'boot-b' }, now, self), true, 'another boot');
    assert.equal(holderIsGone({ ...self, host: 'other-host', pid: 1 }, now, self), false, 'another host, fresh: cannot tell, wait');
    const old = new Date(now - STALE_LOCK_MS - 1000).toISOString();
    assert.equal(holderIsGone({ ...self, host: 'other-host', createdAt: old }, now, self), true, 'another host, old');
    assert.equal(holderIsGone({ ...self, createdAt: old }, now, self), false, 'a provably live holder is never broken for age');
    assert.equal(holderIsGone({ pid: -3, createdAt: self.createdAt }, now, self), true);
  });
});
