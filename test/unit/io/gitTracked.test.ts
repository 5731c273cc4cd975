/**
 * Issue 7, row 16: the key-hygiene git check cannot run anything the repository configures, runs only for keys
 * inside the trusted folders, and starts one git per repository for all its keys.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { gitTrackedFiles } from '../../../src/io/gitTracked';
import { checkKeyFiles } from '../../../src/io/keyHygiene';

let dir: string;

/** Git in a throw-away repository under the temp dir; never the project's own repository. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CEILING_DIRECTORIES: os.tmpdir() } });
}

async function repoWithKeys(name: string, keys: string[], tracked: string[]): Promise<string> {
  const repo = path.join(dir, name);
  await fs.mkdir(path.join(repo, 'certs'), { recursive: true });
  git(repo, 'init', '-q');
  for (const key of keys) await fs.writeFile(path.join(repo, 'certs', key), 'not really a key', { mode: 0o600 });
  if (tracked.length > 0) git(repo, 'add', ...tracked.map((k) => `certs/${k}`));
  return repo;
}

/** A git wrapper that logs each start (one line) and then runs the real git. */
async function countingGit(): Promise<{ gitPath: string; starts: () => Promise<number> }> {
  const log = path.join(dir, `git-starts-${Math.random().toString(36).slice(2)}.log`);
  const gitPath = path.join(dir, `counting-git-${path.basename(log)}.sh`);
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  await fs.writeFile(gitPath, `#!/bin/sh\necho started >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
  return { gitPath, starts: async () => (existsSync(log) ? (await fs.readFile(log, 'utf8')).split('\n').filter(Boolean).length : 0) };
}

before(async () => {
  dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'kyma-gittracked-')));
});

describe('gitTrackedFiles', () => {
  it('never runs the core.fsmonitor program a repository configures, and still finds the tracked key', async () => {
    const repo = await repoWithKeys('fsmonitor', ['app.key', 'other.key'], ['app.key']);
    const marker = path.join(dir, 'fsmonitor-ran');
    const hook = path.join(dir, 'fsmonitor-hook.sh');
    await fs.writeFile(hook, `#!/bin/sh\necho ran >> '${marker}'\nexit 1\n`, { mode: 0o755 });
    git(repo, 'config', 'core.fsmonitor', hook);
    // The attack is real: a plain `git ls-files` in this repository runs the program.
    git(repo, 'ls-files');
    assert.ok(existsSync(marker), 'this git does not run core.fsmonitor on ls-files; the test would prove nothing');
    await fs.rm(marker);

    const problems = await checkKeyFiles([path.join(repo, 'certs', 'app.key'), path.join(repo, 'certs', 'other.key')]);
    assert.deepEqual(
      problems.get(path.join(repo, 'certs', 'app.key'))?.map((p) => p.code),
      ['key-tracked-by-git'],
    );
    assert.deepEqual(problems.get(path.join(repo, 'certs', 'other.key')), []);
    assert.ok(!existsSync(marker), 'the key-hygiene check ran the repository-configured fsmonitor program');
  });

  it('starts one git per repository for all of its keys, none for keys outside any repository', async () => {
    const a = await repoWithKeys('one-a', ['a1.key', 'a2.key', 'a3.key'], ['a1.key', 'a3.key']);
    const b = await repoWithKeys('one-b', ['b1.key', 'b2.key'], ['b2.key']);
    const loose = path.join(dir, 'loose');
    await fs.mkdir(loose, { recursive: true });
    await fs.writeFile(path.join(loose, 'x.key'), 'k');
    const files = [
      ...['a1.key', 'a2.key', 'a3.key'].map((k) => path.join(a, 'certs', k)),
      ...['b1.key', 'b2.key'].map((k) => path.join(b, 'certs', k)),
      path.join(loose, 'x.key'),
    ];
    const { gitPath, starts } = await countingGit();
    const tracked = await gitTrackedFiles(files, { gitPath });
    assert.deepEqual([...tracked].sort(), [path.join(a, 'certs', 'a1.key'), path.join(a, 'certs', 'a3.key'), path.join(b, 'certs', 'b2.key')].sort());
    assert.equal(await starts(), 2);
  });

  it('runs no git for keys outside the trusted folders', async () => {
    const repo = await repoWithKeys('untrusted-place', ['app.key'], ['app.key']);
    const { gitPath, starts } = await countingGit();
    const key = path.join(repo, 'certs', 'app.key');
    assert.deepEqual([...(await gitTrackedFiles([key], { gitPath, trustedRoots: [path.join(dir, 'workspace')] }))], []);
    assert.equal(await starts(), 0);
    assert.deepEqual([...(await gitTrackedFiles([key], { gitPath, trustedRoots: [repo] }))], [key]);
    assert.equal(await starts(), 1);
  });

  it('takes file names literally (a key named like a pathspec pattern)', async () => {
    const repo = await repoWithKeys('literal', ['*.key', 'real.key'], ['real.key']);
    assert.deepEqual([...(await gitTrackedFiles([path.join(repo, 'certs', '*.key')]))], []);
  });
});
