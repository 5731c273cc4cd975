#!/usr/bin/env node
// `npm run test:host` after build + compile: the host suite in a real VS Code (code-server), four runs:
//   dev              the whole suite, extension loaded from this folder, workspace trusted
//   dev-restricted   the "[restricted]" tests, workspace trust on and the folder untrusted
//   vsix             package kyma-cert.vsix (npm run package), install it, check it loads and activates
//   vsix-restricted  the installed package under restricted mode (its trust capability is honoured)
// Usage: node test/host/run-host-tests.mjs [--runs dev,dev-restricted,vsix,vsix-restricted] [--suite <index.js>]
// Exit code: the worst of the runs (2 harness error/timeout > 1 test failure > 0).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runner = path.join(projectRoot, 'test/host/runner.mjs');
const vsix = path.join(projectRoot, 'kyma-cert.vsix');
const screenshots = path.join(projectRoot, '.vscode-test/screenshots');
// The vsix runs check the package, not the features: only the harness smoke suite (not its DOM-bridge part).
const packageChecks = '^host harness smoke ';

// Watchdogs keep a hung run from eating the CI budget (15 min for everything).
const RUNS = {
  dev: ['--timeout', '480'],
  'dev-restricted': ['--trust', 'restricted', '--timeout', '180'],
  vsix: ['--vsix', vsix, '--grep', packageChecks, '--timeout', '120'],
  'vsix-restricted': ['--vsix', vsix, '--trust', 'restricted', '--grep', packageChecks, '--timeout', '120'],
};

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: Object.keys(RUNS).join(',') },
    suite: { type: 'string', default: path.join(projectRoot, 'out/test/host/suite/index.js') },
  },
});
const suite = path.resolve(values.suite);
const selected = values.runs
  .split(',')
  .map((r) => r.trim())
  .filter(Boolean);
for (const r of selected)
  if (!RUNS[r]) {
    console.error(`unknown run '${r}' (known: ${Object.keys(RUNS).join(', ')})`);
    process.exit(2);
  }

/** Runs a command, echoing its output live and returning it for the summary. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 2 : 0), out }));
    child.on('error', (e) => resolve({ code: 2, out: String(e) }));
  });
}

const summary = [];
let worst = 0;
let totalPassed = 0;
let totalFailed = 0;
let packaged = false;
for (const name of selected) {
  if (name.startsWith('vsix') && !packaged) {
    const started = Date.now();
    const { code } = await run('npm', ['run', '--silent', 'package']);
    summary.push(`package          ${code === 0 ? 'ok  ' : 'FAIL'} ${((Date.now() - started) / 1000).toFixed(1)}s`);
    if (code !== 0) {
      worst = 2;
      break;
    }
    packaged = true;
  }
  const started = Date.now();
  const { code, out } = await run(process.execPath, [runner, '--extensionTestsPath', suite, '--label', name, '--screenshot-dir', screenshots, ...RUNS[name]]);
  const passing = /(\d+) passing/.exec(out)?.[1] ?? '0';
  const failing = /(\d+) failing/.exec(out)?.[1] ?? '0';
  totalPassed += Number(passing);
  // A run that could not finish counts as a failure even when mocha printed nothing.
  totalFailed += code === 0 ? Number(failing) : Math.max(1, Number(failing));
  const activation = /smoke activation: (.+)$/m.exec(out)?.[1];
  summary.push(
    `${name.padEnd(16)} ${code === 0 ? 'ok  ' : 'FAIL'} ${((Date.now() - started) / 1000).toFixed(1)}s wall, ` +
      `${passing} passing, ${failing} failing${activation ? `, activation ${activation}` : ''}`,
  );
  worst = Math.max(worst, code > 2 ? 2 : code);
}

console.log(`\nhost tests (code-server, real VS Code host):\n  ${summary.join('\n  ')}`);
// The plain closing line CI reads.
console.log(`host: ${totalPassed} passed, ${totalFailed} failed`);
process.exit(worst);
