import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkKeyFile, checkKeyFiles } from '../../../src/io/keyHygiene';

const posix = process.platform !== 'win32';
let dir: string;
let keyPem: string;

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Git in a throw-away repository under the temp dir; never the project's own repository. */
function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_CEILING_DIRECTORIES: os.tmpdir() } });
}

async function writeKey(file: string, mode: number): Promise<string> {
  await fs.writeFile(file, keyPem, { mode });
  await fs.chmod(file, mode); // the umask may have stripped bits from the create mode
  return file;
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kyma-keyhygiene-'));
  keyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('a 0600 key outside any repository has no problems', { skip: !posix }, async () => {
  const file = await writeKey(path.join(dir, 'clean.key'), 0o600);
  assert.deepEqual(await checkKeyFile(file), []);
});

test('a key readable by others is reported with the chmod 600 fix', { skip: !posix }, async () => {
  const file = await writeKey(path.join(dir, 'open.key'), 0o644);
  const problems = await checkKeyFile(file, { range: { startLine: 3, endLine: 8 } });
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.equal(p.code, 'key-permissions');
  assert.equal(p.severity, 'warning');
  assert.equal(p.renewable, false);
  assert.match(p.message, /readable by all users/);
  assert.match(p.message, /chmod 600 open\.key/);
  assert.deepEqual([p.startLine, p.endLine], [3, 8]);
});

test('a key readable by its group only is reported too', { skip: !posix }, async () => {
  const file = await writeKey(path.join(dir, 'group.key'), 0o640);
  const [p] = await checkKeyFile(file);
  assert.equal(p.code, 'key-permissions');
  assert.match(p.message, /readable by its group/);
  assert.deepEqual([p.startLine, p.endLine], [0, 0]);
});

test('permission bits are ignored on Windows', async () => {
  const file = await writeKey(path.join(dir, 'win.key'), 0o644);
  assert.deepEqual(await checkKeyFile(file, { platform: 'win32' }), []);
});

test('a missing file is not a hygiene problem', async () => {
  assert.deepEqual(await checkKeyFile(path.join(dir, 'nope', 'missing.key')), []);
});

test('a key tracked by git is reported; an untracked one next to it is not', { skip: !hasGit() || !posix }, async () => {
  const repo = path.join(dir, 'repo');
  await fs.mkdir(path.join(repo, 'certs'), { recursive: true });
  git(repo, 'init', '-q');
  const tracked = await writeKey(path.join(repo, 'certs', 'app.key'), 0o600);
  const untracked = await writeKey(path.join(repo, 'certs', 'other.key'), 0o600);
  git(repo, 'add', 'certs/app.key');

  const problems = await checkKeyFile(tracked);
  assert.deepEqual(
    problems.map((p) => p.code),
    ['key-tracked-by-git'],
  );
  assert.match(problems[0].message, /git rm --cached app\.key/);
  assert.deepEqual(await checkKeyFile(untracked), []);
  // Both problems at once, from one call.
  await fs.chmod(tracked, 0o604);
  assert.deepEqual((await checkKeyFile(tracked)).map((p) => p.code).sort(), ['key-permissions', 'key-tracked-by-git']);
  // Callers in untrusted workspaces skip running git.
  await fs.chmod(tracked, 0o600);
  assert.deepEqual(await checkKeyFile(tracked, { skipGit: true }), []);
});

/** A key inside a fresh repository (git is only asked about keys inside one). */
async function keyInRepository(name: string): Promise<string> {
  const repo = path.join(dir, `repo-${name}`);
  await fs.mkdir(repo, { recursive: true });
  git(repo, 'init', '-q');
  return writeKey(path.join(repo, `${name}.key`), 0o600);
}

test('no git executable means no git problem', { skip: !hasGit() || !posix }, async () => {
  const file = await keyInRepository('nogit');
  assert.deepEqual(await checkKeyFile(file, { gitPath: path.join(dir, 'no-such-git') }), []);
});

test('a git that hangs is abandoned after the timeout', { skip: !hasGit() || !posix }, async () => {
  const slowGit = path.join(dir, 'slow-git.sh');
  await fs.writeFile(slowGit, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
  const file = await keyInRepository('slow');
  const started = Date.now();
  assert.deepEqual(await checkKeyFile(file, { gitPath: slowGit, gitTimeoutMs: 200 }), []);
  assert.ok(Date.now() - started < 5000, 'checkKeyFile waited for the hung git');
});

test('modes the caller just stat-ed are used instead of a second stat (the Problems pass stats every key once)', { skip: !posix }, async () => {
  const file = await writeKey(path.join(dir, 'given-mode.key'), 0o600);
  const given = await checkKeyFiles([file], { skipGit: true, modes: new Map([[file, 0o100644]]) });
  assert.deepEqual(
    given.get(file)?.map((p) => p.code),
    ['key-permissions'],
  );
  assert.deepEqual((await checkKeyFiles([file], { skipGit: true })).get(file), []);
});
