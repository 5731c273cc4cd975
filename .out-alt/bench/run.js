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
/**
 * `npm run bench`: performance as ratios against a baseline run side by side on the same machine, never as
 * absolute thresholds. Sections (all by default; `--only renew,inspect,editor` picks some):
 *   renew    (a) `kyma-cert renew` and (c) in-process renewCertificate() vs the tutorial's openssl + curl pipeline
 *   inspect  (b) `kyma-cert inspect` vs a per-file openssl loop; in-process parse throughput
 *   editor   (d) activation, index of a 20,000-file workspace, update after one change, in a real VS Code host
 * Writes bench/results/latest.json and prints a table. Options: --rounds N (renew, default 15), --quick,
 * --trust restricted (editor: open the workspace untrusted, so the extension runs no programs such as git).
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_util_1 = require("node:util");
const certFactory_1 = require("./certFactory");
const editorBench_1 = require("./editorBench");
const inspectBench_1 = require("./inspectBench");
const processes_1 = require("./processes");
const renewBench_1 = require("./renewBench");
const report_1 = require("./report");
const ROOT = projectRoot();
const CLI = path.join(ROOT, 'dist/cli.js');
const RESULTS = path.join(ROOT, 'bench/results/latest.json');
const SECTIONS = ['renew', 'inspect', 'editor'];
async function main() {
    const { values } = (0, node_util_1.parseArgs)({
        options: { only: { type: 'string' }, rounds: { type: 'string' }, quick: { type: 'boolean', default: false }, trust: { type: 'string', default: 'trusted' } },
    });
    const sections = new Set((values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()));
    for (const s of sections)
        if (!SECTIONS.includes(s))
            throw new Error(`unknown section '${s}' (known: ${SECTIONS.join(', ')})`);
    const quick = values.quick === true;
    const renewRounds = Number(values.rounds ?? (quick ? 4 : 15));
    if (!(0, node_fs_1.existsSync)(CLI))
        throw new Error(`${CLI} missing: run npm run build first`);
    const started = Date.now();
    const results = {
        generatedAt: new Date().toISOString(),
        machine: machineInfo(),
        durationSeconds: 0,
        errors: {},
    };
    const workRoot = await node_fs_1.promises.mkdtemp(path.join(os.tmpdir(), 'kyma-cert-bench-'));
    const step = (text) => void process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${text}\n`);
    try {
        const factory = sections.has('inspect') || sections.has('editor') ? (0, certFactory_1.createCertificateFactory)() : undefined;
        if (sections.has('renew')) {
            step(`renew: ${renewRounds} interleaved rounds (kyma-cert renew | tutorial pipeline | in-process)`);
            const stateDir = path.join(workRoot, 'emulator-state');
            const emulator = await (0, processes_1.startEmulatorProcess)(CLI, stateDir);
            try {
                const workDir = path.join(workRoot, 'renew');
                await node_fs_1.promises.mkdir(workDir);
                results.renew = await (0, renewBench_1.runRenewBench)({ cliPath: CLI, emulator, workDir, rounds: renewRounds, warmupRounds: 2, budgetMs: 45_000 });
            }
            catch (e) {
                results.errors.renew = describe(e);
            }
            finally {
                await emulator.stop();
            }
        }
        if (sections.has('inspect') && factory) {
            step('inspect: 300 files, kyma-cert inspect vs one openssl per file');
            try {
                const workDir = path.join(workRoot, 'inspect');
                await node_fs_1.promises.mkdir(workDir);
                results.inspect = await (0, inspectBench_1.runInspectBench)({
                    cliPath: CLI,
                    factory,
                    workDir,
                    files: 300,
                    // One openssl start-up costs ~50 ms of CPU (OpenSSL 3), so the loop takes ~15 s: few rounds, no warm-up
                    // (the renew section already ran the CLI, and the files were just written, so caches are warm).
                    rounds: quick ? 1 : 2,
                    warmupRounds: 0,
                    parsePasses: quick ? 3 : 10,
                    budgetMs: 40_000,
                });
            }
            catch (e) {
                results.errors.inspect = describe(e);
            }
        }
        if (sections.has('editor') && factory) {
            step('editor: real VS Code host (code-server), 20,000-file workspace');
            try {
                if (values.trust !== 'trusted' && values.trust !== 'restricted')
                    throw new Error('--trust must be trusted or restricted');
                const editorDir = await node_fs_1.promises.mkdtemp(path.join(await fastTempRoot(), 'kyma-cert-bench-editor-'));
                try {
                    results.editor = await (0, editorBench_1.runEditorBench)({ root: ROOT, factory, workDir: editorDir, log: step, trust: values.trust });
                }
                finally {
                    await node_fs_1.promises.rm(editorDir, { recursive: true, force: true });
                }
            }
            catch (e) {
                results.errors.editor = describe(e);
            }
        }
    }
    finally {
        await node_fs_1.promises.rm(workRoot, { recursive: true, force: true });
    }
    results.durationSeconds = Math.round((Date.now() - started) / 1000);
    await node_fs_1.promises.mkdir(path.dirname(RESULTS), { recursive: true });
    await node_fs_1.promises.writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${(0, report_1.renderReport)(results)}\nresults: ${path.relative(process.cwd(), RESULTS)}\n`);
    const failed = Object.entries(results.errors);
    for (const [section, message] of failed)
        process.stderr.write(`bench ${section} FAILED: ${message}\n`);
    return failed.length > 0 ? 1 : 0;
}
/**
 * Where the 20,000-file workspace goes: /dev/shm (tmpfs) when there is one, because creating 20,000 files on this
 * machine's disk takes ~15 s and says nothing about the extension. The scan reads from the page cache either way
 * (the files were just written), so the editor figures measure the same work. KYMA_BENCH_TMP overrides.
 */
async function fastTempRoot() {
    for (const dir of [process.env.KYMA_BENCH_TMP, '/dev/shm']) {
        if (!dir)
            continue;
        try {
            await node_fs_1.promises.access(dir, node_fs_1.constants.W_OK);
            return dir;
        }
        catch {
            // not there or not writable: next candidate
        }
    }
    return os.tmpdir();
}
/** The folder of kyma-cert's package.json: above the compiled file (out/bench/run.js), else the working directory. */
function projectRoot() {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const manifest = path.join(dir, 'package.json');
        if ((0, node_fs_1.existsSync)(manifest) && /"name":\s*"kyma-cert"/.test((0, node_fs_1.readFileSync)(manifest, 'utf8')))
            return dir;
    }
    return process.cwd();
}
function describe(e) {
    return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
function firstLine(command, args) {
    try {
        return (0, node_child_process_1.execFileSync)(command, args, { encoding: 'utf8' }).split('\n')[0].trim();
    }
    catch {
        return 'unavailable';
    }
}
function machineInfo() {
    return {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        node: process.version,
        openssl: firstLine('openssl', ['version']),
        curl: firstLine('curl', ['--version']).split(' ').slice(0, 2).join(' '),
        platform: `${os.platform()} ${os.release()}`,
    };
}
main().then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`bench: ${describe(e)}\n`);
    process.exitCode = 2;
});
//# sourceMappingURL=run.js.map