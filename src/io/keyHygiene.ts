/**
 * Key hygiene: a private key file should be readable by its owner only and should never be committed.
 * Both checks are advisory: anything we can't determine (Windows permissions, no git, not a repository,
 * git too slow) yields no problem rather than a false alarm.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../core/problems';

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
}

/** Check one private key file; resolves to zero, one or two problems. Never rejects for a missing git. */
export async function checkKeyFile(keyPath: string, options: KeyHygieneOptions = {}): Promise<Problem[]> {
  const [permission, tracked] = await Promise.all([
    checkPermissions(keyPath, options),
    options.skipGit ? Promise.resolve(undefined) : checkTrackedByGit(keyPath, options),
  ]);
  return [permission, tracked].filter((p): p is Problem => p !== undefined);
}

async function checkPermissions(keyPath: string, options: KeyHygieneOptions): Promise<Problem | undefined> {
  if ((options.platform ?? process.platform) === 'win32') return undefined;
  let mode: number;
  try {
    mode = (await fs.stat(keyPath)).mode;
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

async function checkTrackedByGit(keyPath: string, options: KeyHygieneOptions): Promise<Problem | undefined> {
  const name = path.basename(keyPath);
  const tracked = await new Promise<boolean>((resolve) => {
    execFile(
      options.gitPath ?? 'git',
      // `--` so a file named like an option is taken as a path; --error-unmatch exits 1 for untracked files.
      ['ls-files', '--error-unmatch', '--', name],
      { cwd: path.dirname(keyPath), timeout: options.gitTimeoutMs ?? 3000, windowsHide: true },
      // Exit 1 (untracked), 128 (not a repository), ENOENT (no git) and timeouts all count as "not tracked".
      (error) => resolve(error === null),
    );
  });
  if (!tracked) return undefined;
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
