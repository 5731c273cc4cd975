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
exports.runEditorBench = runEditorBench;
/**
 * (d) Editor figures from a real VS Code host: the harness runner (test/host/runner.mjs, code-server + headless
 * Chromium) loads test/host/bench/index.ts instead of the mocha suite, in a generated workspace of 20,000 files
 * holding 1,000 certificates (100 service folders × 10 certificate + key pairs, and 18,000 source-like files).
 * The certificates wait in a staging folder and are moved in by the host bench after activation (see there).
 * (A shell reference, `rg --files | xargs -n1 openssl x509`, is left out: at ~55 ms per openssl start-up it alone
 * would take a minute for 1,000 files; section (b) measures that per-file cost.)
 */
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_perf_hooks_1 = require("node:perf_hooks");
const certificateReader_1 = require("../src/lifecycle/certificateReader");
const processes_1 = require("./processes");
const stats_1 = require("./stats");
const SERVICES = 100;
const CERTS_PER_SERVICE = 10;
const FILLER_FILES = 18_000;
const ROUNDS = 3;
const CHANGED = 'services/svc-042/certs/app-3.crt';
const RUNNER_TIMEOUT_SEC = 200;
async function runEditorBench(opts) {
    const codeServer = process.env.CODE_SERVER_BIN ?? path.join(opts.root, '.vscode-test/code-server/node_modules/.bin/code-server');
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const runner = path.join(opts.root, 'test/host/runner.mjs');
    const entry = path.join(opts.root, 'out/test/host/bench/index.js');
    for (const [what, file, fix] of [
        ['code-server', codeServer, 'bash scripts/install-host.sh'],
        ['chromium', chromium, 'bash scripts/install-host.sh'],
        ['the host runner', runner, ''],
        ['the host bench', entry, 'npm run compile-tests'],
        ['the extension bundle', path.join(opts.root, 'dist/extension.js'), 'npm run build'],
    ]) {
        if (!(0, node_fs_1.existsSync)(file))
            return { skipped: `${what} not found (${file})${fix ? `; run: ${fix}` : ''}` };
    }
    const workspace = path.join(opts.workDir, 'workspace');
    const staging = path.join(opts.workDir, 'staging');
    opts.log(`editor: generating ${FILLER_FILES + 2 * SERVICES * CERTS_PER_SERVICE} files`);
    await writeFillerFiles(workspace);
    await writeCertificates(staging, opts.factory);
    // The certificate folders exist (empty) from the start, like a checked-out repository's tree.
    for (const dir of await certificateFolders(staging))
        await node_fs_1.promises.mkdir(path.join(workspace, dir), { recursive: true });
    const outFile = path.join(opts.workDir, 'editor-samples.json');
    opts.log('editor: running the host bench (code-server + Chromium)');
    const run = await (0, processes_1.timeProcess)(process.execPath, [runner, '--extensionTestsPath', entry, '--workspace', workspace, '--label', 'bench', '--trust', opts.trust ?? 'trusted', '--timeout', String(RUNNER_TIMEOUT_SEC)], {
        cwd: opts.root,
        env: {
            ...process.env,
            KYMA_BENCH_OUT: outFile,
            KYMA_BENCH_STAGING: staging,
            KYMA_BENCH_EXPECT: String(SERVICES * CERTS_PER_SERVICE),
            KYMA_BENCH_ROUNDS: String(ROUNDS),
            KYMA_BENCH_CHANGED: CHANGED,
        },
    });
    const progress = (0, node_fs_1.existsSync)(`${outFile}.log`) ? await node_fs_1.promises.readFile(`${outFile}.log`, 'utf8') : '(no progress logged)\n';
    if (run.code !== 0 || !(0, node_fs_1.existsSync)(outFile)) {
        const output = (run.stdout + run.stderr).split('\n').filter((l) => !l.startsWith('[remote-connection]')).join('\n');
        throw new Error(`host bench failed (runner exit ${run.code}). Host progress:\n${progress}Runner output:\n${output.trim().slice(-2500)}`);
    }
    const samples = JSON.parse(await node_fs_1.promises.readFile(outFile, 'utf8'));
    const index = (0, stats_1.summarize)(samples.fullScan.indexMs);
    const findFilesRead = (0, stats_1.summarize)(samples.fullScan.findFilesReadMs);
    const findFilesReadX509 = (0, stats_1.summarize)(samples.fullScan.findFilesReadX509Ms);
    const result = {
        vscodeVersion: samples.vscodeVersion,
        trust: opts.trust ?? 'trusted',
        workspaceParent: path.dirname(opts.workDir),
        workspaceFiles: await countFiles(workspace),
        certificates: samples.fullScan.certificates,
        activation: samples.activation,
        firstScanWithoutCertificates: samples.firstScan,
        arrival: samples.arrival,
        fullScan: {
            index,
            findFilesList: (0, stats_1.summarize)(samples.fullScan.findFilesListMs),
            findFilesRead,
            findFilesReadX509,
            indexAndProblems: (0, stats_1.summarize)(samples.fullScan.indexAndProblemsMs),
            ratioIndexToFindFilesRead: (0, stats_1.ratio)(index, findFilesRead),
            ratioIndexToFindFilesReadX509: (0, stats_1.ratio)(index, findFilesReadX509),
            stoppedByBudget: samples.fullScan.stoppedByBudget,
        },
        update: {
            watcherToIndex: samples.update.watcherToIndexMs.length > 0 ? (0, stats_1.summarize)(samples.update.watcherToIndexMs) : null,
            missedAfterMs: samples.update.missedAfterMs,
            refreshFile: (0, stats_1.summarize)(samples.update.refreshFileMs),
            certificatesInFolder: samples.update.certificatesInFolder,
        },
        runnerWallSeconds: Math.round(run.ms / 100) / 10,
        hostProgress: progress.trim().split('\n'),
    };
    opts.log('editor: the same per-file work outside the host (readCertificateEntry, 8 at a time)');
    result.outsideHost = await readEntriesOutsideHost(workspace, result.certificates, index);
    return result;
}
/**
 * The index's per-file work (read, parse every certificate, pair the key, look for CA and connection files)
 * in plain node over the same files: the part of the index time that is not VS Code (findFiles, events, the
 * features that react to index changes).
 */
async function readEntriesOutsideHost(workspace, expected, index) {
    const entries = await node_fs_1.promises.readdir(path.join(workspace, 'services'), { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && e.name.endsWith('.crt')).map((e) => path.join(e.parentPath, e.name));
    if (files.length !== expected)
        throw new Error(`found ${files.length} certificate files outside the host, expected ${expected}`);
    // One pass: over 1,000 files it is itself an aggregate, and the bench has a time budget.
    const started = node_perf_hooks_1.performance.now();
    let next = 0;
    let paired = 0;
    const worker = async () => {
        while (next < files.length) {
            const result = await (0, certificateReader_1.readCertificateEntry)(files[next++], { maxFileSizeBytes: 512 * 1024 });
            if ('entry' in result && result.entry.key.status === 'match')
                paired++;
        }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    if (paired !== files.length)
        throw new Error(`outside the host only ${paired} of ${files.length} entries paired with their key`);
    const samples = [node_perf_hooks_1.performance.now() - started];
    const run = (0, stats_1.summarize)(samples);
    return { readCertificateEntry: run, ratioIndexToOutside: (0, stats_1.ratio)(index, run) };
}
/** 18,000 small source-like files in 60 packages × 30 folders (none of them a certificate file type). */
async function writeFillerFiles(workspace) {
    const kinds = [
        (i) => [`index-${i}.ts`, `export function handler${i}(input: string): string {\n  return input.trim();\n}\n`],
        (i) => [`config-${i}.json`, `${JSON.stringify({ name: `service-${i}`, replicas: i % 5, enabled: true }, null, 2)}\n`],
        (i) => [`README-${i}.md`, `# Module ${i}\n\nNothing to see here; the bench needs files that are not certificates.\n`],
        (i) => [`deployment-${i}.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\n`],
    ];
    const jobs = [];
    for (let i = 0; i < FILLER_FILES; i++) {
        const dir = path.join(workspace, 'src', `pkg-${String(Math.floor(i / 300)).padStart(2, '0')}`, `mod-${Math.floor(i / 10) % 30}`);
        const [name, content] = kinds[i % kinds.length](i);
        jobs.push([path.join(dir, name), content]);
    }
    await writeAll(jobs);
}
/**
 * staging/services/svc-NNN/certs/app-K.{crt,key}: a client certificate (chain: client + CA) and its key (0600);
 * staging/alternates/{a,b}.crt: two versions of the file the host bench changes (a = the one in services/).
 */
async function writeCertificates(staging, factory) {
    const jobs = [];
    const keys = [];
    for (let s = 0; s < SERVICES; s++) {
        for (let k = 0; k < CERTS_PER_SERVICE; k++) {
            const rel = `services/svc-${String(s).padStart(3, '0')}/certs/app-${k}`;
            const { certPem, keyPem } = factory.client(s * CERTS_PER_SERVICE + k);
            jobs.push([path.join(staging, `${rel}.crt`), certPem + factory.caPem]);
            keys.push([path.join(staging, `${rel}.key`), keyPem]);
            if (`${rel}.crt` === CHANGED) {
                jobs.push([path.join(staging, 'alternates/a.crt'), certPem + factory.caPem]);
                jobs.push([path.join(staging, 'alternates/b.crt'), factory.client(s * CERTS_PER_SERVICE + k, 1).certPem + factory.caPem]);
            }
        }
    }
    await writeAll(jobs);
    await writeAll(keys, 0o600);
}
async function writeAll(jobs, mode) {
    const dirs = new Set(jobs.map(([file]) => path.dirname(file)));
    for (const dir of dirs)
        await node_fs_1.promises.mkdir(dir, { recursive: true });
    for (let i = 0; i < jobs.length; i += 256) {
        await Promise.all(jobs.slice(i, i + 256).map(([file, content]) => node_fs_1.promises.writeFile(file, content, mode === undefined ? undefined : { mode })));
    }
}
async function certificateFolders(staging) {
    const services = path.join(staging, 'services');
    const entries = await node_fs_1.promises.readdir(services, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => path.relative(staging, path.join(e.parentPath, e.name)));
}
async function countFiles(dir) {
    const entries = await node_fs_1.promises.readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).length;
}
//# sourceMappingURL=editorBench.js.map