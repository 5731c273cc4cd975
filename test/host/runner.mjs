#!/usr/bin/env node
// Runs the host test suite inside a REAL VS Code (code-server 4.99.4 = VS Code 1.99.3, Node extension host),
// driven by headless Chromium through playwright-core. Works offline.
//
// Why this shape: code-server has no CLI route to extension tests; the workbench URL's `payload` is the way in
// (the same mechanism as microsoft/vscode test/integration/browser). When the suite's run() settles, the
// extension host exits and the workbench calls window.codeAutomationExit(code, logs), which we expose.
// Mocha's reporter output arrives through window.codeAutomationLog.
//
// Usage:
//   node test/host/runner.mjs --extensionTestsPath out/test/host/suite/index.js
//     [--extensionDevelopmentPath <dir>]   default: the project root
//     [--vsix <file.vsix>]                 install the package into the run's extensions dir instead of
//                                          loading the extension from the development path
//     [--workspace <dir>]                  default: a fresh temp folder filled by --fixture
//     [--fixture <name>]                   plain (default) | with-certificate, see test/host/fixtures.ts
//     [--trust trusted|restricted]         restricted: workspace trust ENABLED and the folder untrusted
//     [--grep <regexp>]                    only tests whose full title matches (HOST_TEST_GREP)
//     [--timeout <sec>]                    watchdog, default 600
//     [--screenshot-dir <dir>]             where the bridge's relative screenshot paths go; on failure a
//                                          failure-<label>.png is saved there too
//     [--label <text>]                     name of this run in the output (default: the mode)
//     [--keep]                             keep the run's temp dir (logs, profile) for inspection
// Env: CODE_SERVER_BIN, CHROMIUM_PATH (default /usr/bin/chromium), HARNESS_DEBUG=1 (server + browser logs).
// Passed to the extension host: HARNESS_UI_URL (DOM bridge, see test/host/suite/ui.ts; its openWindow op opens a
// second workbench window without tests, where VS Code shows modal dialogs), HARNESS_MODE
// (dev|vsix), HARNESS_TRUST (trusted|restricted), HARNESS_SCREENSHOT_DIR, HOST_TEST_GREP.
// Exit code: 0 all tests passed, 1 a test failed (or the suite failed to load), 2 harness error or timeout.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values: opts } = parseArgs({
  options: {
    extensionDevelopmentPath: { type: 'string', default: projectRoot },
    extensionTestsPath: { type: 'string' },
    vsix: { type: 'string' },
    workspace: { type: 'string' },
    fixture: { type: 'string', default: 'plain' },
    trust: { type: 'string', default: 'trusted' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    'screenshot-dir': { type: 'string' },
    label: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const EXIT_PASS = 0,
  EXIT_TESTS_FAILED = 1,
  EXIT_HARNESS = 2;
const usageError = (msg) => {
  console.error(`runner: ${msg}`);
  process.exit(EXIT_HARNESS);
};
if (!opts.extensionTestsPath) usageError('--extensionTestsPath is required');
if (!['trusted', 'restricted'].includes(opts.trust)) usageError('--trust must be trusted or restricted');
const timeoutSec = Number(opts.timeout);
if (!(timeoutSec > 0)) usageError('--timeout must be a positive number of seconds');

const extDev = path.resolve(opts.extensionDevelopmentPath);
const testsPath = path.resolve(opts.extensionTestsPath);
const vsixPath = opts.vsix ? path.resolve(opts.vsix) : undefined;
const mode = vsixPath ? 'vsix' : 'dev';
const label = opts.label ?? (opts.trust === 'restricted' ? `${mode}-restricted` : mode);
const screenshotDir = opts['screenshot-dir'] ? path.resolve(opts['screenshot-dir']) : undefined;
const debug = process.env.HARNESS_DEBUG === '1';
const codeServerBin = process.env.CODE_SERVER_BIN ?? path.join(projectRoot, '.vscode-test/code-server/node_modules/.bin/code-server');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

for (const [what, file] of [
  ['extension tests', testsPath],
  ['code-server', codeServerBin],
  ['chromium', chromiumPath],
  ['vsix', vsixPath],
]) {
  if (file && !fs.existsSync(file)) {
    usageError(`${what} not found: ${file}${what === 'code-server' ? ' (run: bash scripts/install-host.sh)' : ''}`);
  }
}

const t0 = Date.now();
const ts = () => `[${label} ${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const log = (...a) => console.log(ts(), ...a);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kyma-cert-host-'));
const serverLogFile = path.join(tmp, 'server.log');
/** @type {import('node:child_process').ChildProcess | undefined} */ let server;
/** @type {import('playwright-core').BrowserContext | undefined} */ let context;
/** @type {import('playwright-core').Page | undefined} */ let page;
/**
 * Further workbench windows opened by the tests (`openWindow`): same server, same folder, the extension loaded from
 * the development path but no extension tests, so the workbench behaves as for a user (it shows modal dialogs,
 * which it refuses in the test window).
 */
/** @type {import('playwright-core').Page[]} */ const extraPages = [];
/** @type {{ base: string, port: number } | undefined} */ let serverInfo;
/** @type {http.Server | undefined} */ let bridge;
let finishing = false;

const safeRead = (f) => {
  try {
    return fs.readFileSync(f, 'utf8');
  } catch {
    return '';
  }
};

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Kills a detached child's whole process group. code-server forks the extension host into the same group, and
 * a remote extension host outlives its server (it waits hours for a reconnect), so the group is always
 * SIGKILLed at the end, even when the leader left on SIGTERM.
 */
async function killGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch {
      return false;
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    if (signalGroup('SIGTERM')) {
      let timer;
      await Promise.race([
        exited,
        new Promise((r) => {
          timer = setTimeout(r, graceMs);
        }),
      ]);
      clearTimeout(timer);
    }
  }
  signalGroup('SIGKILL');
}

async function cleanup() {
  try {
    bridge?.closeAllConnections?.();
    bridge?.close();
  } catch {
    /* already closed */
  }
  try {
    await context?.close();
  } catch {
    /* browser already gone */
  }
  await killGroup(server);
  if (opts.keep) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

async function saveFailureScreenshot() {
  if (!screenshotDir || !page || page.isClosed()) return;
  try {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `failure-${label}.png`);
    await page.screenshot({ path: file, timeout: 5000 });
    log(`screenshot: ${file}`);
  } catch (e) {
    log(`screenshot failed: ${e.message}`);
  }
}

async function finish(code, why) {
  if (finishing) return;
  finishing = true;
  // Never hang in teardown: a stuck browser or server must not turn an answer into a timeout.
  setTimeout(() => {
    console.error(`${ts()} teardown stuck; exiting`);
    process.exit(code);
  }, 15000).unref();
  log(`${why} -> exit ${code}`);
  if (code !== EXIT_PASS) await saveFailureScreenshot();
  if (code === EXIT_HARNESS) {
    const tail = safeRead(serverLogFile).slice(-4000);
    if (tail) console.error(`--- code-server log (tail) ---\n${tail}`);
  }
  await cleanup();
  process.exit(code);
}
process.on('SIGINT', () => finish(130, 'SIGINT'));
process.on('SIGTERM', () => finish(143, 'SIGTERM'));

/**
 * The DOM bridge: a loopback HTTP endpoint through which tests in the extension host read and drive the
 * workbench page with Playwright selectors. POST one JSON object {op, ...}; answers {ok, result} or {ok:false, error}.
 */
const pageOf = (window) => {
  if (!window) return page;
  const extra = extraPages[window - 1];
  if (!extra || extra.isClosed()) throw new Error(`no window ${window}`);
  return extra;
};
const bridgeOps = {
  openWindow: async ({ folder }) => {
    const extra = await context.newPage();
    extra.on('pageerror', (e) => console.error(`${ts()} [window page error] ${e}`));
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${serverInfo.port}${extDev}`],
      ['skipWelcome', 'true'],
    ];
    await extra.goto(`${serverInfo.base}?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    extraPages.push(extra);
    return extraPages.length;
  },
  closeWindow: async ({ window }) => {
    await pageOf(window).close();
    return true;
  },
  texts: async ({ selector, window }) => (await pageOf(window).locator(selector).allTextContents()).map((t) => t.trim()),
  count: async ({ selector, window }) => pageOf(window).locator(selector).count(),
  waitFor: async ({ selector, state = 'visible', timeout = 15000, window }) => {
    await pageOf(window).locator(selector).first().waitFor({ state, timeout });
    return true;
  },
  click: async ({ selector, button = 'left', timeout = 15000, window }) => {
    await pageOf(window).locator(selector).first().click({ button, timeout });
    return true;
  },
  hover: async ({ selector, timeout = 15000, window }) => {
    await pageOf(window).locator(selector).first().hover({ timeout });
    return true;
  },
  press: async ({ key, window }) => {
    await pageOf(window).keyboard.press(key);
    return true;
  },
  type: async ({ text, window }) => {
    await pageOf(window).keyboard.type(text);
    return true;
  },
  html: async ({ selector, window }) =>
    selector
      ? pageOf(window)
          .locator(selector)
          .first()
          .evaluate((e) => e.outerHTML)
      : pageOf(window).content(),
  screenshot: async ({ path: file, selector }) => {
    const target = path.resolve(screenshotDir ?? process.cwd(), file ?? `screenshot-${Date.now()}.png`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await (selector ? page.locator(selector).first().screenshot({ path: target }) : page.screenshot({ path: target }));
    return target;
  },
};

async function startBridge() {
  bridge = http.createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    let answer;
    try {
      const request = JSON.parse(body || '{}');
      const op = bridgeOps[request.op];
      if (!op) throw new Error(`unknown op '${request.op}' (known: ${Object.keys(bridgeOps).join(', ')})`);
      if (!page) throw new Error('page not ready');
      answer = { ok: true, result: await op(request) };
    } catch (e) {
      answer = { ok: false, error: String(e?.message ?? e) };
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer));
  });
  await new Promise((r) => bridge.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${bridge.address().port}/`;
}

/** Workspace: the given folder, or a fresh one inside the run's temp dir, filled by test/host/fixtures. */
async function prepareWorkspace() {
  if (opts.workspace) return path.resolve(opts.workspace);
  const dir = path.join(tmp, 'workspace');
  fs.mkdirSync(dir);
  // Compiled next to the suite: out/test/host/suite/index.js -> out/test/host/fixtures.js
  const fixtures = path.resolve(path.dirname(testsPath), '../fixtures.js');
  if (!fs.existsSync(fixtures)) throw new Error(`${fixtures} missing (run: npm run compile-tests)`);
  const { createFixtureWorkspace } = (await import(pathToFileURL(fixtures).href)).default;
  await createFixtureWorkspace(dir, opts.fixture);
  return dir;
}

/** User settings for the run. Restricted: trust on, no startup prompt, so the fresh folder opens untrusted. */
function userSettings() {
  const restricted = opts.trust === 'restricted';
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': restricted,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
  };
}

function serverEnv(uiUrl) {
  return {
    // No extension gallery: otherwise the workbench queries open-vsx.org and logs ENOTFOUND offline.
    EXTENSIONS_GALLERY: '{}',
    ...process.env,
    HARNESS_UI_URL: uiUrl,
    HARNESS_MODE: mode,
    HARNESS_TRUST: opts.trust,
    HARNESS_SCREENSHOT_DIR: screenshotDir ?? '',
    HOST_TEST_GREP: opts.grep ?? process.env.HOST_TEST_GREP ?? '',
    // code-server, @vscode/deviceid and the extension host write into $HOME / os.tmpdir(): keep it in our dir.
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    TMPDIR: path.join(tmp, 'tmp'),
  };
}

function runToEnd(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${code}):\n${out}`))));
  });
}

async function startServer(port, env, dirs) {
  const args = [
    '--config',
    dirs.config,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--disable-proxy',
    '--locale',
    'en',
  ];
  if (opts.trust === 'trusted') args.push('--disable-workspace-trust');
  server = spawn(codeServerBin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const serverLog = fs.createWriteStream(serverLogFile);
  let output = '';
  // Ready when code-server logs that it listens (an event, rather than polling the port).
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start listening within 60 s')), 60000);
    for (const stream of [server.stdout, server.stderr]) {
      stream.on('data', (d) => {
        serverLog.write(d);
        if (debug) process.stdout.write(`[server] ${d}`);
        if (output !== null) {
          output += d;
          if (output.includes('HTTP server listening on')) {
            output = null;
            clearTimeout(timer);
            resolve();
          }
        }
      });
    }
  });
  server.on('exit', (code, signal) => {
    if (!finishing) finish(EXIT_HARNESS, `code-server exited early (code=${code} signal=${signal})`);
  });
  await listening;
  return `http://127.0.0.1:${port}/`;
}

async function main() {
  setTimeout(() => finish(EXIT_HARNESS, `TIMEOUT after ${timeoutSec}s`), timeoutSec * 1000).unref();
  const workspace = await prepareWorkspace();
  const dirs = {
    config: path.join(tmp, 'config.yaml'),
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions);
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings(), null, 2));
  fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  const env = serverEnv(await startBridge());
  for (const d of ['xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) fs.mkdirSync(path.join(tmp, d));

  if (vsixPath) {
    const started = Date.now();
    await runToEnd(
      codeServerBin,
      ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsixPath],
      env,
    );
    log(`installed ${path.basename(vsixPath)} into the run's extensions dir in ${Date.now() - started} ms`);
  }

  const port = await freePort();
  const base = await startServer(port, env, dirs);
  serverInfo = { base, port };
  log(`code-server up at ${base} (workspace ${workspace}, trust ${opts.trust}, tmp ${tmp})`);

  context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    // Chromium writes ~/.config/chromium and ~/.cache/dconf otherwise.
    env: { ...process.env, HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'home/.config'), XDG_CACHE_HOME: path.join(tmp, 'home/.cache') },
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error(`${ts()} [page error] ${e}`));
  page.on('crash', () => finish(EXIT_HARNESS, 'page crashed'));
  if (debug) page.on('console', (m) => console.log(`[browser:${m.type()}] ${m.text()}`));

  let resolveExit;
  const extensionHostExit = new Promise((r) => {
    resolveExit = r;
  });
  // Known workbench chatter that would bury mocha's output (full logs with HARNESS_DEBUG=1).
  const noise =
    /^(Resolving connection token|Resolved connection token|Creating a socket|ChatSessionStore|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|Started local extension host|Extension host started|Creation of workbench contribution|No search provider registered)/;
  // Exposed BEFORE navigation: the workbench looks them up while it boots.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const parts = Array.isArray(args) ? args : [args];
    if (!debug && typeof parts[0] === 'string' && noise.test(parts[0])) return;
    (console[type] ?? console.log)(...parts);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (debug && Array.isArray(logs)) for (const l of logs) console.log(`--- ${l.relativePath}\n${l.contents}`);
    resolveExit(code);
  });

  // The authority must be the page's host:port exactly: code-server takes remoteAuthority from the Host header.
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  // In vsix mode the extension comes from the extensions dir; the development path is an empty folder so the
  // workbench still runs in extension-development mode (which is what runs extensionTestsPath).
  const devPath = vsixPath ? path.join(tmp, 'no-development-extension') : extDev;
  if (vsixPath) fs.mkdirSync(devPath);
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ];
  const url = `${base}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening workbench (${mode} mode)`);
  await page.goto(url);

  const code = await extensionHostExit;
  await finish(code === 0 ? EXIT_PASS : EXIT_TESTS_FAILED, `extension tests finished (extension host exit code ${code})`);
}

main().catch((e) => {
  console.error(`${ts()} harness error:`, e);
  finish(EXIT_HARNESS, 'harness error');
});
