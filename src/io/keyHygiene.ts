/**
 * Key hygiene: a private key file should be readable by its owner only and should never be committed.
 * Both checks are advisory: anything we can't determine (Windows permissions, no git, not a repository,
 * git too slow) yields no problem rather than a false alarm.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../core/problems';
import { gitTrackedFiles } from './gitTracked';

export interface KeyHygieneOptions {
  /** Lines the problems point at (the key block). Default: line 0. */
  range?: { startLine: number; endLine: number };
  /** The git executable. Default `git` from PATH. */
  gitPath?: string;
  /** Give up on git after this long (a slow network file system must not stall the editor). Default 3000 ms. */
  gitTimeoutMs?: number;
  /** Defaults to process.platform; permission bits mean nothing on Windows. */
  platform?: NodeJS.Platform;
  /** Skip the git check (e.g. in an untrusted workspace, where we don't run programs). */
  skipGit?: boolean;
  /** Run git only for keys inside these folders (the trusted workspace folders). Default: no restriction. */
  trustedRoots?: readonly string[];
  /** The files' modes from a stat the caller just made (saves a second stat per key); others are stat'ed here. */
  modes?: ReadonlyMap<string, number>;
}

/** Check one private key file; resolves to zero, one or two problems. Never rejects for a missing git. */
export async function checkKeyFile(keyPath: string, options: KeyHygieneOptions = {}): Promise<Problem[]> {
  return (await checkKeyFiles([keyPath], options)).get(keyPath) ?? [];
}

/**
 * Check many key files at once: permissions per file, and one `git ls-files` per repository for all its keys
 * (see gitTracked.ts for why that git cannot run anything the repository configures).
 */
export async function checkKeyFiles(keyPaths: readonly string[], options: KeyHygieneOptions = {}): Promise<Map<string, Problem[]>> {
  const [permissions, tracked] = await Promise.all([
    Promise.all(keyPaths.map((keyPath) => checkPermissions(keyPath, options))),
    options.skipGit
      ? Promise.resolve(new Set<string>())
      : gitTrackedFiles(keyPaths, { gitPath: options.gitPath, timeoutMs: options.gitTimeoutMs, trustedRoots: options.trustedRoots }),
  ]);
  const result = new Map<string, Problem[]>();
  keyPaths.forEach((keyPath, i) => {
    const problems = [permissions[i], tracked.has(keyPath) ? trackedProblem(keyPath, options) : undefined];
    result.set(
      keyPath,
      problems.filter((p): p is Problem => p !== undefined),
    );
  });
  return result;
}

async function checkPermissions(keyPath: string, options: KeyHygieneOptions): Promise<Problem | undefined> {
  if ((options.platform ?? process.platform) === 'win32') return undefined;
  let mode = options.modes?.get(keyPath);
  try {
    mode ??= (await fs.stat(keyPath)).mode;
  } catch {
    return undefined; // gone or unreadable: the index will notice; not a hygiene problem
  }
  const exposed = mode & 0o077;
  if (exposed === 0) return undefined;
  const who = (mode & 0o007) !== 0 ? 'all users' : 'its group';
  return problemAt(options, {
    code: 'key-permissions',
    severity: 'warning',
    message: `Private key is readable by ${who} (mode ${(mode & 0o777).toString(8)}). Run \`chmod 600 ${path.basename(keyPath)}\`.`,
  });
}

function trackedProblem(keyPath: string, options: KeyHygieneOptions): Problem {
  const name = path.basename(keyPath);
  return problemAt(options, {
    code: 'key-tracked-by-git',
    severity: 'warning',
    message: `Private key is tracked by git. Run \`git rm --cached ${name}\`, add it to .gitignore, and rotate the key if it was pushed.`,
  });
}

function problemAt(options: KeyHygieneOptions, p: Pick<Problem, 'code' | 'severity' | 'message'>): Problem {
  const range = options.range ?? { startLine: 0, endLine: 0 };
  return { ...p, startLine: range.startLine, endLine: range.endLine, renewable: false };
}
