/**
 * Makes a multi-file write all-or-nothing across a crash. `atomicWriteFiles` writes and fsyncs every temp file,
 * then records the (temp → target) pairs in a journal next to the certificate, then renames. After a `kill -9`:
 * no journal (or a torn one) means the renames had not started, so the temps are deleted and the old set stays;
 * a complete journal means every temp was durable, so the remaining renames are finished and the new set stands.
 * The journal path comes from the certificate lock held by the caller (AsyncLocalStorage), so every write made
 * under `withCertificateLock` is journaled, and the lock recovers before anything else runs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readRegularFileIfExists } from '../io/boundedRead';

const journalContext = new AsyncLocalStorage<string>();

export interface JournalEntry {
  temp: string;
  target: string;
}

/** `.app.crt.kyma-journal` next to `app.crt`. */
export function journalFileFor(certFile: string): string {
  const abs = path.resolve(certFile);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.kyma-journal`);
}

/** Runs `fn` with writes journaled in `journal` (called by the certificate lock). */
export function withJournal<T>(journal: string, fn: () => Promise<T>): Promise<T> {
  return journalContext.run(journal, fn);
}

/** The journal of the lock this code runs under, if any. */
export function currentJournal(): string | undefined {
  return journalContext.getStore();
}

/** Writes and fsyncs the journal: the commit point of a multi-file write. */
export async function writeJournal(journal: string, entries: readonly JournalEntry[]): Promise<void> {
  const handle = await fs.open(journal, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(entries));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function removeJournal(journal: string): Promise<void> {
  await fs.unlink(journal).catch(() => undefined);
}

/**
 * Finishes the renames of a committed journal. Only pairs we could have written are honoured: the temp must sit in
 * the target's folder with the temp name of that target, so a planted journal can move nothing an attacker could
 * not already move. Returns how many files were put in place.
 */
export async function replayJournal(journal: string, tempMarker: string): Promise<number> {
  const data = await readRegularFileIfExists(journal, 1024 * 1024).catch(() => undefined);
  if (data === undefined) return 0;
  let entries: unknown;
  try {
    entries = JSON.parse(data.toString('utf8'));
  } catch {
    entries = undefined; // torn: the renames never started
  }
  let done = 0;
  if (Array.isArray(entries)) {
    for (const entry of entries as Array<Partial<JournalEntry>>) {
      if (typeof entry?.temp !== 'string' || typeof entry.target !== 'string') continue;
      const { temp, target } = entry;
      const ours = path.dirname(temp) === path.dirname(target) && path.basename(temp).startsWith(`.${path.basename(target)}${tempMarker}`);
      const info = ours ? await fs.lstat(temp).catch(() => undefined) : undefined;
      if (!info?.isFile()) continue; // already renamed before the crash (or not ours)
      await fs.rename(temp, target);
      done++;
    }
    for (const dir of new Set((entries as JournalEntry[]).filter((e) => typeof e?.target === 'string').map((e) => path.dirname(e.target)))) {
      const handle = await fs.open(dir, 'r').catch(() => undefined);
      await handle?.sync().catch(() => undefined);
      await handle?.close();
    }
  }
  await removeJournal(journal);
  return done;
}
