#!/usr/bin/env node
// `npm run test:desktop`: the same host suite in DESKTOP VS Code through @vscode/test-electron's runTests.
// It downloads VS Code from update.code.visualstudio.com, so it needs that host reachable: on an offline
// machine it fails (getaddrinfo ENOTFOUND) and says so. That is why it is not part of `npm test`; the
// offline route is `npm run test:host` (code-server + Chromium, test/host/runner.mjs).
// Env: VSCODE_VERSION (default 1.99.3, the version test:host runs), VSCODE_EXECUTABLE (use an installed VS Code).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workspace = mkdtempSync(path.join(os.tmpdir(), 'kyma-cert-desktop-'));
writeFileSync(path.join(workspace, 'README.md'), '# Fixture workspace\n');

try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.99.3',
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: path.join(projectRoot, 'out/test/host/suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    extensionTestsEnv: { HARNESS_MODE: 'dev', HARNESS_TRUST: 'trusted' },
  });
  rmSync(workspace, { recursive: true, force: true });
} catch (err) {
  rmSync(workspace, { recursive: true, force: true });
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(String(err?.stack ?? err));
  console.error(String(err?.message ?? err));
  console.error(
    offline
      ? '\ntest:desktop needs to download VS Code from update.code.visualstudio.com, which this machine cannot reach.\n' +
          'Use `npm run test:host` (real VS Code 1.99.3 via code-server, works offline), or set VSCODE_EXECUTABLE to an installed VS Code.'
      : '\ntest:desktop failed (see above).',
  );
  process.exit(offline ? 2 : 1);
}
