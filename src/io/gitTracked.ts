/**
 * Which of some files are tracked by git, asked without letting the repository run anything.
 *
 * A cloned repository controls its `.git/config`, and some settings there make git start programs: `core.fsmonitor`
 * (run on every index read, so even by `git ls-files`), and hooks through `core.hooksPath`. We override them on the
 * command line (`-c` beats every config file), skip the system config, take no optional locks, and clear the
 * environment variables that would point git at another repository. And we ask once per repository for all its
 * files, instead of one git process per file.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface GitTrackedOptions {
  /** The git executable. Default `git` from PATH. */
  gitPath?: string;
  /** Give up on one repository after this long (a slow network file system must not stall the editor). Default 3000 ms. */
  timeoutMs?: number;
  /**
   * Only files inside one of these folders are checked (the trusted workspace folders); others are never handed
   * to git. Undefined: no restriction (the CLI, tests).
   */
  trustedRoots?: readonly string[];
}

/** Config that would make `git ls-files` run a program or write, overridden on the command line. */
const SAFE_CONFIG = ['core.fsmonitor=false', 'core.untrackedCache=false', 'core.hooksPath=/dev/null', 'core.splitIndex=false'];

/** Variables that point git at another repository, index or config, or make it run helpers. */
const UNSAFE_ENV = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_CONFIG',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_COUNT',
  'GIT_CONFIG_PARAMETERS',
  'GIT_EXTERNAL_DIFF',
  'GIT_PAGER',
  'GIT_ASKPASS',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
];

/**
 * The subset of `files` (absolute paths) that git tracks. Files outside any repository, outside the trusted roots,
 * or in a repository git refuses or is too slow for, count as untracked: this check is advisory, never a false alarm.
 */
export async function gitTrackedFiles(files: readonly string[], options: GitTrackedOptions = {}): Promise<Set<string>> {
  const trusted = options.trustedRoots ? files.filter((file) => options.trustedRoots!.some((root) => isInside(file, root))) : files;
  // Keys sit in few folders: each folder is looked up once, and its parents once for all of them.
  const roots = new Map<string, Promise<string | undefined>>();
  const repositories = await Promise.all(trusted.map((file) => repositoryRootOf(path.dirname(file), roots)));
  const byRepository = new Map<string, string[]>();
  trusted.forEach((file, i) => {
    const root = repositories[i];
    if (root !== undefined) byRepository.set(root, [...(byRepository.get(root) ?? []), file]);
  });
  const tracked = new Set<string>();
  await Promise.all(
    [...byRepository].map(async ([root, members]) => {
      for (const file of await trackedIn(root, members, options)) tracked.add(file);
    }),
  );
  return tracked;
}

/**
 * The nearest folder at or above `dir` holding `.git` (a directory, or a file for worktrees and submodules).
 * `known` remembers the answer for every folder asked during one call.
 */
function repositoryRootOf(dir: string, known: Map<string, Promise<string | undefined>>): Promise<string | undefined> {
  const folder = path.resolve(dir);
  let answer = known.get(folder);
  if (!answer) {
    const parent = path.dirname(folder);
    answer = exists(path.join(folder, '.git')).then((here) => (here ? folder : parent === folder ? undefined : repositoryRootOf(parent, known)));
    known.set(folder, answer);
  }
  return answer;
}

/** One `git ls-files` for all `files` of the repository at `root`. */
function trackedIn(root: string, files: readonly string[], options: GitTrackedOptions): Promise<string[]> {
  const relative = files.map((f) => path.relative(root, f));
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
  for (const name of UNSAFE_ENV) delete env[name];
  const args = [
    ...SAFE_CONFIG.flatMap((setting) => ['-c', setting]),
    '--no-optional-locks',
    '--literal-pathspecs', // a file named `*.key` is that file, not a pattern
    '-C',
    root,
    'ls-files',
    '-z',
    '--full-name',
    '--',
    ...relative,
  ];
  return new Promise((resolve) => {
    execFile(
      options.gitPath ?? 'git',
      args,
      { cwd: root, env, timeout: options.timeoutMs ?? 3000, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
      // Not a repository (128), a refused one (safe.directory), no git (ENOENT) and timeouts: nothing tracked.
      (error, stdout) => {
        if (error) return resolve([]);
        const listed = new Set(stdout.split('\0').filter((line) => line !== ''));
        resolve(files.filter((file, i) => listed.has(relative[i].split(path.sep).join('/'))));
      },
    );
  });
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
