/**
 * Cleans up after a run that was killed in its write phase (called under the certificate lock, before anything
 * else): a committed journal is finished (`journal.ts`), and the temp files of the certificate's set (certificate,
 * key, CA, remembered connection, backups; also in the folders that symlinked members point into) are deleted.
 * A temp file of `issue` holds a whole private key, so none may be left lying around.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { backupDirFor, caFileFor, connectionFileFor, keyCandidates } from '../core/pairing';
import { TEMP_MARKER } from './files';
import { replayJournal } from './journal';

/** Same value as lock.ts's LOCK_TEMP_MARKER (not imported: lock.ts imports this module). */
const LOCK_TEMP_MARKER = '.kyma-lock.tmp-';

/** The files a certificate's workflows write (the backups aside). */
function setMembers(certFile: string): string[] {
  return [certFile, ...keyCandidates(certFile), caFileFor(certFile), connectionFileFor(certFile)];
}

async function removeTemps(dir: string, accept: (name: string) => boolean): Promise<number> {
  // Both our temp markers; `accept` narrows them to this certificate's files.
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  const removed = await Promise.all(
    names
      .filter((name) => (name.includes(TEMP_MARKER) || name.includes(LOCK_TEMP_MARKER)) && accept(name))
      .map(async (name) => {
        const full = path.join(dir, name);
        const info = await fs.lstat(full).catch(() => undefined);
        if (!info?.isFile()) return 0;
        await fs.unlink(full).catch(() => undefined);
        return 1;
      }),
  );
  return removed.reduce((a: number, b: number) => a + b, 0);
}

/** Returns how many files were put in place from the journal and how many leftover temp files were removed. */
export async function recoverInterruptedWrite(certFile: string, journal: string): Promise<{ replayed: number; removed: number }> {
  const replayed = await replayJournal(journal, TEMP_MARKER);
  // The folders where temp files of the set can be: next to each member and next to what a symlinked member points at.
  const members = setMembers(certFile);
  const realMembers = await Promise.all(members.map((member) => fs.realpath(member).catch(() => member)));
  const byDir = new Map<string, Set<string>>();
  for (const p of [...members, ...realMembers]) {
    const names = byDir.get(path.dirname(p)) ?? new Set<string>();
    names.add(`.${path.basename(p)}${TEMP_MARKER}`);
    byDir.set(path.dirname(p), names);
  }
  // Lock temps of crashed runs (ours is linked and gone by now).
  byDir.get(path.dirname(certFile))?.add(`.${path.basename(certFile)}${LOCK_TEMP_MARKER}`);
  const backupDir = backupDirFor(certFile);
  const counts = await Promise.all([
    ...[...byDir].map(([dir, prefixes]) => removeTemps(dir, (name) => [...prefixes].some((p) => name.startsWith(p)))),
    fs
      .lstat(backupDir)
      .catch(() => undefined)
      .then((info) => (info?.isDirectory() ? removeTemps(backupDir, () => true) : 0)),
  ]);
  return { replayed, removed: counts.reduce((a, b) => a + b, 0) };
}
