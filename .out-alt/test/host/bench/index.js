"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.run = run;
/**
 * The bench "suite" the host runner loads instead of the mocha suite (npm run bench, section editor; see
 * bench/editorBench.ts). Runs inside the real extension host and measures through the extension's exported
 * API (src/extension.ts, KymaCertApi):
 *   1. activation: `extension.activate()` as the caller sees it (module load + activate()) and the extension's
 *      own `activationMs` (activate() body only). The workspace holds no certificate yet, so nothing activated
 *      the extension before this point.
 *   2. the first scan of the workspace (filler files only), from activate() returning to `index.ready()`.
 *   3. the certificates arrive (each file renamed in from the staging folder; timed until the index, through its
 *      file watchers, holds all of them), then full scans through
 *      `index.refresh()` (the same rescan the extension runs at start-up), interleaved with two baselines over
 *      the same glob: findFiles + read every file, and findFiles + read + node's X509Certificate per file.
 *   Before every measurement the bench waits until the index and the Problems entries (diagnostics.whenUpdated())
 *   are idle, so work the extension started for an earlier step does not run into the next one.
 *   4. one certificate file changes on disk: time until the index reports the new certificate (file watcher +
 *      the index's 250 ms debounce + re-reading that folder), and `index.refresh(file)` alone (no debounce).
 * Environment (set by bench/editorBench.ts): KYMA_BENCH_OUT (JSON result file), KYMA_BENCH_STAGING (folder
 * holding `services/` and `alternates/`), KYMA_BENCH_EXPECT (certificate count), KYMA_BENCH_ROUNDS,
 * KYMA_BENCH_CHANGED (workspace-relative path of the file to change).
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_perf_hooks_1 = require("node:perf_hooks");
const vscode = __importStar(require("vscode"));
const EXTENSION_ID = 'kyma-cert.kyma-cert';
/** The extension's default `kymaCert.include` / `kymaCert.exclude` (package.json), for the baselines. */
const INCLUDE = '**/*.{crt,pem,cer,der}';
const EXCLUDE = '{**/.kyma-backups/**,**/node_modules/**}';
const READ_CONCURRENCY = 8; // the index reads 8 files at a time too
const UPDATE_TIMEOUT_MS = 15_000;
const ARRIVAL_TIMEOUT_MS = 30_000;
/** No new full-scan round starts after this (a slow index must not stretch the bench without bound). */
const FULL_SCAN_BUDGET_MS = 30_000;
/** No new update sample starts after this (per kind of update). */
const UPDATE_BUDGET_MS = 15_000;
function env(name) {
    const value = process.env[name];
    if (!value)
        throw new Error(`${name} is not set (run through npm run bench)`);
    return value;
}
/** Entry point called by the extension host (the runner's --extensionTestsPath). */
async function run() {
    const benchStarted = node_perf_hooks_1.performance.now();
    const outFile = env('KYMA_BENCH_OUT');
    // Progress goes to a file next to the result (console output is lost when the host is unresponsive).
    const phase = (text) => (0, node_fs_1.appendFileSync)(`${outFile}.log`, `bench host +${((node_perf_hooks_1.performance.now() - benchStarted) / 1000).toFixed(1)}s: ${text}\n`);
    const staging = env('KYMA_BENCH_STAGING');
    const expected = Number(env('KYMA_BENCH_EXPECT'));
    const rounds = Number(env('KYMA_BENCH_ROUNDS'));
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder)
        throw new Error('no workspace folder open');
    const root = folder.uri.fsPath;
    const changedFile = path.join(root, env('KYMA_BENCH_CHANGED'));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension)
        throw new Error(`${EXTENSION_ID} is not installed in this host`);
    const wasActiveBefore = extension.isActive;
    phase(`extension active before the bench: ${wasActiveBefore}`);
    let t = node_perf_hooks_1.performance.now();
    const api = await extension.activate();
    const activateCallMs = node_perf_hooks_1.performance.now() - t;
    t = node_perf_hooks_1.performance.now();
    await api.index.ready();
    const firstScanMs = node_perf_hooks_1.performance.now() - t;
    const firstScanCertificates = api.index.all().length;
    const workspaceFilesBefore = (await vscode.workspace.findFiles('**/*')).length;
    phase(`activated in ${activateCallMs.toFixed(0)} ms; first scan ${firstScanMs.toFixed(0)} ms over ${workspaceFilesBefore} files`);
    // The certificates arrive (moved file by file into folders that exist from the start, so the file watchers see
    // them), the index picks them up through its watchers; that arrival is timed too, then the recorded full scans.
    const arrival = await moveCertificatesIn(api, path.join(staging, 'services'), path.join(root, 'services'), expected);
    phase(`certificates moved in; indexed via watchers: ${arrival.indexedViaWatchersMs?.toFixed(0) ?? 'no'} ms (${arrival.indexedAtLimit})`);
    await api.index.refresh(); // warm-up, not recorded (and the count no longer depends on the watchers)
    await settle(api);
    expectCount(api, expected, 'after the certificates arrived');
    const fullScan = { certificates: expected, indexMs: [], findFilesReadMs: [], findFilesListMs: [], findFilesReadX509Ms: [], indexAndProblemsMs: [], stoppedByBudget: false };
    const contenders = [
        async () => {
            const started = node_perf_hooks_1.performance.now();
            await api.index.refresh();
            fullScan.indexMs.push(node_perf_hooks_1.performance.now() - started);
            expectCount(api, expected, 'after a full scan');
            await api.diagnostics.whenUpdated();
            fullScan.indexAndProblemsMs.push(node_perf_hooks_1.performance.now() - started);
        },
        async () => {
            const { listMs, totalMs } = await findAndRead(folder, () => undefined, expected);
            fullScan.findFilesListMs.push(listMs);
            fullScan.findFilesReadMs.push(totalMs);
        },
        async () => {
            let sink = 0;
            const { totalMs } = await findAndRead(folder, (data) => {
                const x509 = new node_crypto_1.X509Certificate(data);
                sink += x509.subject.length + x509.validTo.length + x509.fingerprint256.length;
            }, expected);
            if (sink === 0)
                throw new Error('X509Certificate baseline parsed nothing');
            fullScan.findFilesReadX509Ms.push(totalMs);
        },
    ];
    const scansStarted = node_perf_hooks_1.performance.now();
    for (let round = 0; round < rounds; round++) {
        if (round > 0 && node_perf_hooks_1.performance.now() - scansStarted > FULL_SCAN_BUDGET_MS) {
            fullScan.stoppedByBudget = true;
            break;
        }
        for (let i = 0; i < contenders.length; i++) {
            await settle(api); // nothing the extension started earlier may run into the next measurement
            await contenders[(round + i) % contenders.length]();
        }
        phase(`full-scan round ${round + 1}: index ${fullScan.indexMs.at(-1)?.toFixed(0)} ms, findFiles+read ${fullScan.findFilesReadMs.at(-1)?.toFixed(0)} ms`);
    }
    phase('full scans done');
    const update = await measureUpdates(api, changedFile, path.join(staging, 'alternates'), rounds + 2);
    phase('updates done');
    const result = {
        vscodeVersion: vscode.version,
        activation: { wasActiveBefore, activateCallMs, insideActivateMs: api.activationMs },
        firstScan: { files: workspaceFilesBefore, certificates: firstScanCertificates, ms: firstScanMs },
        arrival,
        fullScan,
        update,
    };
    await node_fs_1.promises.writeFile(outFile, JSON.stringify(result, null, 2));
    console.log(`bench: wrote ${outFile}`);
}
/** Renames every file of `from` into the same place under `to` (folders exist), and times the index catching up. */
async function moveCertificatesIn(api, from, to, expected) {
    const files = (await node_fs_1.promises.readdir(from, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(from, path.join(e.parentPath, e.name)));
    let timer;
    let subscription;
    const complete = new Promise((resolve) => {
        subscription = api.index.onDidChange(() => {
            if (api.index.all().length === expected)
                resolve(true);
        });
        timer = setTimeout(() => resolve(false), ARRIVAL_TIMEOUT_MS);
    });
    const started = node_perf_hooks_1.performance.now();
    for (let i = 0; i < files.length; i += 64) {
        await Promise.all(files.slice(i, i + 64).map((rel) => node_fs_1.promises.rename(path.join(from, rel), path.join(to, rel))));
    }
    const done = await complete;
    const elapsed = node_perf_hooks_1.performance.now() - started;
    clearTimeout(timer);
    subscription?.dispose();
    await api.index.whenIdle();
    return { files: files.length, indexedViaWatchersMs: done ? elapsed : null, indexedAtLimit: api.index.all().length, limitMs: ARRIVAL_TIMEOUT_MS };
}
/** Waits until the index and the Problems entries have caught up with every change so far. */
async function settle(api) {
    await api.index.whenIdle();
    await api.diagnostics.whenUpdated();
}
function expectCount(api, expected, when) {
    const count = api.index.all().length;
    if (count !== expected)
        throw new Error(`index holds ${count} certificate files ${when}, expected ${expected}`);
}
/** The floor any certificate view pays: find the same files, read each one (8 at a time), optionally parse. */
async function findAndRead(folder, parse, expected) {
    const started = node_perf_hooks_1.performance.now();
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INCLUDE), EXCLUDE);
    const listMs = node_perf_hooks_1.performance.now() - started;
    if (uris.length !== expected)
        throw new Error(`findFiles found ${uris.length} files, expected ${expected}`);
    let next = 0;
    const worker = async () => {
        while (next < uris.length)
            parse(await node_fs_1.promises.readFile(uris[next++].fsPath));
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    return { listMs, totalMs: node_perf_hooks_1.performance.now() - started };
}
/** sha256 of the first certificate's DER, lower-case hex (what the index reports as facts.sha256Hex). */
function sha256Hex(pem) {
    return (0, node_crypto_1.createHash)('sha256').update(new node_crypto_1.X509Certificate(pem).raw).digest('hex');
}
async function measureUpdates(api, file, alternatesDir, samples) {
    const versions = await Promise.all(['a.crt', 'b.crt'].map((name) => node_fs_1.promises.readFile(path.join(alternatesDir, name))));
    const current = () => api.index.get(file)?.certificates[0]?.facts.sha256Hex;
    const watcherToIndexMs = [];
    let missedAfterMs;
    const updatesStarted = node_perf_hooks_1.performance.now();
    for (let i = 0; i < samples && missedAfterMs === undefined; i++) {
        if (i > 0 && node_perf_hooks_1.performance.now() - updatesStarted > UPDATE_BUDGET_MS)
            break;
        const content = versions[(i + 1) % 2];
        const expectedHash = sha256Hex(content);
        if (current() === expectedHash)
            throw new Error('the index already shows the new certificate before the change');
        let timer;
        let subscription;
        const seen = new Promise((resolve) => {
            subscription = api.index.onDidChange(() => {
                if (current() === expectedHash)
                    resolve(true);
            });
            timer = setTimeout(() => resolve(false), UPDATE_TIMEOUT_MS);
        });
        const started = node_perf_hooks_1.performance.now();
        await node_fs_1.promises.writeFile(file, content);
        const shown = await seen;
        clearTimeout(timer);
        subscription?.dispose();
        if (shown)
            watcherToIndexMs.push(node_perf_hooks_1.performance.now() - started);
        else
            missedAfterMs = UPDATE_TIMEOUT_MS;
        await settle(api);
    }
    const refreshFileMs = [];
    const refreshesStarted = node_perf_hooks_1.performance.now();
    for (let i = 0; i < samples; i++) {
        if (i > 0 && node_perf_hooks_1.performance.now() - refreshesStarted > UPDATE_BUDGET_MS)
            break;
        await settle(api);
        const started = node_perf_hooks_1.performance.now();
        await api.index.refresh(vscode.Uri.file(file));
        refreshFileMs.push(node_perf_hooks_1.performance.now() - started);
    }
    const dir = path.dirname(file);
    const certificatesInFolder = api.index.all().filter((e) => path.dirname(e.file) === dir).length;
    return { watcherToIndexMs, missedAfterMs, refreshFileMs, certificatesInFolder };
}
//# sourceMappingURL=index.js.map