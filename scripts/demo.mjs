#!/usr/bin/env node
// `npm start`: a live demo on this machine, offline.
//   1. installs the host (scripts/install-host.sh) if code-server is missing, builds dist/
//   2. starts the Connector Service emulator (`node dist/cli.js emulator --state-dir demo-workspace/.emulator`)
//   3. writes demo-workspace/my-service/certs/app.{crt,key} — a client certificate issued by the emulator that
//      expires in a few days — plus app-ca.crt and app.kyma.json (the remembered connection: the emulator's
//      management-info URL and its server CA), so "Renew" works against the emulator
//   4. starts code-server on 127.0.0.1 with this project linked into its extensions dir and the demo folder as
//      its folder (so the plain URL opens it), prints that URL, the emulator's internal URL and the curl command
//      that mints a one-time token for "Request Certificate with Token…"
//   5. Ctrl-C stops code-server and the emulator. demo-workspace/ (gitignored) stays; the next start resets
//      my-service/certs to a fresh soon-expiring certificate.
// Options: --flavor kyma|compass (default kyma: the Kyma 1.x Connector Service; compass: the Compass Connector,
//          Director stub and connectivity adapter, with certs/app.crt remembered as a Compass certificate),
//          --port N (default 8080), --days-left N (default 5), --no-build,
//   --no-editor (emulator and files only, no code-server: prints the same lines; what the unit test runs),
//   --dir DIR (instead of demo-workspace/)
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    'days-left': { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
    'no-editor': { type: 'boolean', default: false },
    dir: { type: 'string' },
    // kyma: the Kyma 1.x Connector Service; compass: the Compass Connector (GraphQL) + Director + connectivity adapter.
    flavor: { type: 'string', default: 'kyma' },
  },
});
const compass = opts.flavor === 'compass';
if (!compass && opts.flavor !== 'kyma') throw new Error('--flavor must be kyma or compass');
const port = Number(opts.port);
const daysLeft = Number(opts['days-left']);
const DAY_MS = 24 * 60 * 60 * 1000;
const LIFETIME_MS = (compass ? 90 : 92) * DAY_MS; // the Compass (2160h) / Kyma chart's certificate validity

const demoRoot = opts.dir ? path.resolve(opts.dir) : path.join(projectRoot, 'demo-workspace');
const stateDir = path.join(demoRoot, compass ? '.emulator-compass' : '.emulator');
const serverDir = path.join(demoRoot, '.code-server');
const folder = path.join(demoRoot, 'my-service');
const certsDir = path.join(folder, 'certs');
const codeServerBin = path.join(projectRoot, '.vscode-test/code-server/node_modules/.bin/code-server');
const cli = path.join(projectRoot, 'dist/cli.js');
const APPLICATION = 'demo-app';

const say = (msg) => console.log(`[demo] ${msg}`);
const children = [];
let stopping = false;

function runOrDie(cmd, args, what) {
  say(what);
  const r = spawnSync(cmd, args, { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) { console.error(`[demo] failed: ${cmd} ${args.join(' ')}`); process.exit(1); }
}

/** Starts a child in its own process group, so stopping it also stops whatever it forked. */
function startChild(name, cmd, args, options = {}) {
  const child = spawn(cmd, args, { cwd: projectRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) { console.error(`[demo] ${name} stopped unexpectedly (code ${code}, signal ${signal})`); stop(1); }
  });
  return child;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  say('stopping code-server and the emulator');
  for (const child of children) {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  }
  // Give them a moment to shut down cleanly, then make sure (the extension host outlives its server otherwise).
  setTimeout(() => {
    for (const child of children) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
    process.exit(code);
  }, 2000);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/** Waits for the emulator's one JSON line: {connectorUrl, gatewayUrl, internalUrl, infoUrl, serverCaFile, clientCaFile}. */
function startEmulator() {
  fs.mkdirSync(stateDir, { recursive: true });
  const emulator = startChild('emulator', process.execPath, [cli, 'emulator', '--state-dir', stateDir, '--flavor', opts.flavor]);
  const logFile = fs.createWriteStream(path.join(demoRoot, 'emulator.log'), { flags: 'a' });
  emulator.stderr.pipe(logFile);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the emulator printed no JSON line within 30 s')), 30000);
    const lines = createInterface({ input: emulator.stdout });
    let first = true;
    lines.on('line', (line) => {
      if (!first) { logFile.write(`${line}\n`); return; }
      first = false;
      clearTimeout(timer);
      try { resolve(JSON.parse(line)); } catch { reject(new Error(`unexpected first emulator line: ${line}`)); }
    });
    emulator.once('exit', () => { clearTimeout(timer); reject(new Error('the emulator exited before it was ready')); });
  });
}

/** Issues app.crt through the emulator's control route, back-dated so that only `daysLeft` days remain. */
async function issueExpiringCertificate(endpoints) {
  fs.rmSync(certsDir, { recursive: true, force: true });
  fs.mkdirSync(certsDir, { recursive: true });
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // An hour past the full days: the status bar (which rounds) shows exactly --days-left right after the start.
  const notBefore = new Date(Date.now() + daysLeft * DAY_MS + 3_600_000 - LIFETIME_MS);
  const response = await fetch(new URL('/emulator/certificates', endpoints.internalUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }),
      application: APPLICATION,
      notBefore: notBefore.toISOString(),
      validityMs: LIFETIME_MS,
    }),
  });
  if (response.status !== 201) throw new Error(`POST /emulator/certificates answered ${response.status}: ${await response.text()}`);
  const body = await response.json();
  const pem = (b64) => Buffer.from(b64, 'base64').toString('utf8');
  fs.writeFileSync(path.join(certsDir, 'app.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  fs.writeFileSync(path.join(certsDir, 'app.crt'), pem(body.clientCrt));
  fs.writeFileSync(path.join(certsDir, 'app-ca.crt'), pem(body.caCrt));
  // The remembered connection (src/lifecycle/connection.ts format): paths relative to the certificate's folder.
  // Compass: the backend and the certificate-secured connector URL are remembered instead of management/info.
  const where = compass
    ? { backend: 'compass', infoUrl: endpoints.certificateSecuredConnectorUrl, directorUrl: endpoints.directorUrl }
    : { infoUrl: endpoints.infoUrl };
  fs.writeFileSync(path.join(certsDir, 'app.kyma.json'), `${JSON.stringify({
    ...where,
    keyFile: 'app.key',
    // No caFile: a remembered path must stay inside the certificate's folder; the kymaCert.caFile setting provides it.
  }, null, 2)}\n`);
}

function writeWorkspaceAndSettings(endpoints) {
  fs.writeFileSync(path.join(folder, 'README.md'), [
    '# my-service (kyma-cert demo)', '',
    `certs/app.crt is a client certificate for application "${APPLICATION}", issued by the local Connector`,
    `Service emulator (${endpoints.connectorUrl}); it expires in ${daysLeft} days.`,
    'Look at the status bar, hover the certificate in certs/app.crt, or run "Renew Certificate".', '',
  ].join('\n'));
  const userDir = path.join(serverDir, 'user-data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const settingsFile = path.join(userDir, 'settings.json');
  let settings = {};
  try { settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')); } catch { /* first start */ }
  Object.assign(settings, {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    // demo-workspace/ sits inside this repository: don't offer to open it.
    'git.openRepositoryInParentFolders': 'never',
    // Machine-scoped settings of the extension: trust the emulator's server CA for TLS.
    'kymaCert.caFile': endpoints.serverCaFile,
  });
  fs.writeFileSync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
}

/** Links this project into code-server's extensions dir: it loads as an installed extension, live from dist/. */
function linkExtension() {
  const extensionsDir = path.join(serverDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const link = path.join(extensionsDir, `${publisher}.${name}-${version}`);
  fs.rmSync(link, { force: true, recursive: false });
  fs.symlinkSync(projectRoot, link, 'dir');
  return extensionsDir;
}

/** The shell command that mints a one-time token on the emulator's internal API (prints `{"url": …, "token": …}`). */
function mintTokenCommand(internalUrl, application) {
  return `curl -s -X POST -H 'Application: ${application}' -H 'Content-Type: application/json' ${new URL('/v1/applications/tokens', internalUrl)}`;
}

async function startCodeServer(extensionsDir) {
  const configFile = path.join(serverDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const server = startChild('code-server', codeServerBin, [
    '--config', configFile, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', path.join(serverDir, 'user-data'), '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--locale', 'en',
    // The folder to open when the URL names none: the plain http://127.0.0.1:PORT/ opens the demo.
    folder,
  ], {
    env: {
      EXTENSIONS_GALLERY: '{}', // offline: no marketplace queries
      ...process.env,
      XDG_CONFIG_HOME: path.join(serverDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(serverDir, 'xdg-data'),
      XDG_CACHE_HOME: path.join(serverDir, 'xdg-cache'),
    },
  });
  const log = fs.createWriteStream(path.join(demoRoot, 'code-server.log'), { flags: 'a' });
  // Ready when code-server logs that it listens (an event, rather than polling the port).
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not come up on port ${port} (see demo-workspace/code-server.log)`)), 60000);
    let output = '';
    for (const stream of [server.stdout, server.stderr]) {
      stream.on('data', (d) => {
        log.write(d);
        if (output === null) return;
        output += d;
        if (output.includes('HTTP server listening on')) { output = null; clearTimeout(timer); resolve(); }
      });
    }
  });
}

async function main() {
  if (!(port > 0 && port < 65536)) throw new Error('--port must be a TCP port');
  if (!(daysLeft > 0 && daysLeft < 92)) throw new Error('--days-left must be between 1 and 91');
  if (!opts['no-editor'] && !fs.existsSync(codeServerBin)) runOrDie('bash', [path.join(projectRoot, 'scripts/install-host.sh')], 'installing code-server (first start only)');
  if (!opts['no-build']) runOrDie('npm', ['run', '--silent', 'build'], 'building dist/');
  if (!opts['no-editor'] && !fs.existsSync(path.join(projectRoot, 'dist/extension.js'))) say('warning: dist/extension.js is missing, the editor will show no kyma-cert features');
  fs.mkdirSync(folder, { recursive: true });

  say('starting the Connector Service emulator');
  const endpoints = await startEmulator();
  say(compass
    ? `emulator (compass): connector ${endpoints.connectorUrl}, mTLS ${endpoints.certificateSecuredConnectorUrl}, adapter ${endpoints.adapterUrl}`
    : `emulator: connector ${endpoints.connectorUrl}, gateway ${endpoints.gatewayUrl}`);
  await issueExpiringCertificate(endpoints);
  say(`issued ${path.relative(projectRoot, path.join(certsDir, 'app.crt'))} for "${APPLICATION}", expires in ${daysLeft} days`);
  writeWorkspaceAndSettings(endpoints);
  const shownRoot = path.relative(process.cwd(), demoRoot) || '.';
  if (!opts['no-editor']) {
    const extensionsDir = linkExtension();
    say(`starting code-server on 127.0.0.1:${port}`);
    await startCodeServer(extensionsDir);
  }
  console.log([
    '',
    opts['no-editor'] ? `  Folder    ${folder}` : `  Open      http://127.0.0.1:${port}/   (opens ${path.relative(projectRoot, folder) || folder})`,
    `  Emulator  internal API ${endpoints.internalUrl}   connector ${endpoints.connectorUrl}`,
    compass
      ? '  Token     for "Request Certificate with Token…", run this and paste its "rawEncoded" (or "legacyConnectorURL"):'
      : '  Token     for "Request Certificate with Token…", run this and paste the "url" it prints:',
    `            ${mintTokenCommand(endpoints.internalUrl, 'new-app')}`,
    `  Logs      ${shownRoot}/${opts['no-editor'] ? 'emulator.log' : 'code-server.log, emulator.log'}`,
    '  Stop      Ctrl-C',
    '',
  ].join('\n'));
}

main().catch((e) => { console.error(`[demo] ${e.message}`); stop(1); });
