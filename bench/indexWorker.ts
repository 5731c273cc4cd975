/**
 * One measurement of (d) in a fresh node process (so no cache of an earlier round helps):
 * `node out/bench/indexWorker.js baseline|index|problems WORKSPACE` prints `{"ms":…,"certificates":…}`.
 *   baseline  find (recursive readdir) + read + new X509Certificate for every certificate file
 *   index     the same find + the index's per-file work (readCertificateEntry: parse, pair key, CA, connection)
 *   problems  index + key hygiene of every paired key (permissions, one git ls-files per repository)
 * All three use the same find and 8 files at a time, so the ratio is the per-file work.
 */
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkKeyFiles } from '../src/io/keyHygiene';
import { FolderListing, readCertificateEntry } from '../src/lifecycle/certificateReader';

const CERTIFICATE_FILE = /\.(crt|pem|cer|der)$/i;

async function find(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && CERTIFICATE_FILE.test(e.name) && !/[\\/](node_modules|\.kyma-backups|\.git)([\\/]|$)/.test(e.parentPath))
    .map((e) => path.join(e.parentPath, e.name));
}

async function eachFile<T>(files: readonly string[], work: (file: string) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) out[i] = await work(files[i]);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}

async function main(): Promise<void> {
  const [mode, root] = process.argv.slice(2);
  const started = performance.now();
  const files = await find(root);
  let certificates = 0;
  if (mode === 'baseline') {
    await eachFile(files, async (f) => {
      const x = new X509Certificate(await fs.readFile(f));
      if (x.subject) certificates++;
    });
  } else {
    // As the index reads a pass: one folder listing for the whole scan.
    const listing = new FolderListing();
    const results = await eachFile(files, (f) => readCertificateEntry(f, { maxFileSizeBytes: 512 * 1024, listing }));
    const keys = new Set<string>();
    for (const r of results) {
      if (!('entry' in r)) continue;
      certificates++;
      if (r.entry.key.status === 'match' && r.entry.key.file) keys.add(r.entry.key.file);
    }
    if (keys.size < certificates - 2) throw new Error(`only ${keys.size} of ${certificates} certificates paired with a key`);
    if (mode === 'problems') await checkKeyFiles([...keys], { trustedRoots: [root] });
  }
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, certificates })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
