/**
 * An indexed certificate entry as the user sees it: expiry assessed at a given time, paths shown relative to the
 * workspace. Pure (no `vscode`, no file access), unit-tested in plain Node.
 */
import * as path from 'node:path';
import { ExpiryThresholds, assessExpiry } from '../core/expiry';
import type { CertificateBlock, CertificateEntry, KeyPairing } from '../lifecycle/certificateEntry';
import type { CertificateView, KeyView } from './presentation';

/** The presentation view of one block of an entry at `now`. `displayFile` is the path shown to the user. */
export function viewOf(
  entry: CertificateEntry,
  block: CertificateBlock,
  now: Date,
  thresholds: ExpiryThresholds,
  displayPath: (file: string) => string,
): CertificateView {
  const isLeaf = block === entry.certificates[0];
  return {
    facts: block.facts,
    expiry: assessExpiry(block.facts, now, thresholds),
    revoked: isLeaf && entry.revoked,
    file: displayPath(entry.file),
    key: isLeaf ? keyViewOf(entry.key, displayPath) : undefined,
  };
}

/** The key pairing as shown to the user. */
export function keyViewOf(key: KeyPairing, displayPath: (file: string) => string): KeyView {
  return { status: key.status, file: key.file ? displayPath(key.file) : undefined, problem: key.problem };
}

/** The certificate block that spans `line` (0-based), if any. */
export function blockAtLine<T extends { startLine: number; endLine: number }>(blocks: readonly T[], line: number): T | undefined {
  return blocks.find((b) => line >= b.startLine && line <= b.endLine);
}

/** `a/b.crt` relative to `root` when inside it, else the absolute path. */
export function relativeTo(root: string | undefined, file: string): string {
  if (!root) return file;
  const rel = path.relative(root, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
