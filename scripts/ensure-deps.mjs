#!/usr/bin/env node
// Runs before `npm start` and `npm test` (npm's pre-scripts) so that each is ONE command on a fresh machine:
// installs the npm dependencies when they are missing or older than package-lock.json, and the VS Code host
// (Chromium, code-server) through scripts/install-host.sh, which skips what is already there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mtime = (p) => { try { return fs.statSync(path.join(root, p)).mtimeMs; } catch { return 0; } };

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// npm writes node_modules/.package-lock.json on every install: older than the lock file means stale.
if (mtime('node_modules/.package-lock.json') < mtime('package-lock.json')) {
  console.log('[setup] installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
run('bash', [path.join(root, 'scripts/install-host.sh')]);
