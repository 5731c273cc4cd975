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
exports.runInspectBench = runInspectBench;
/**
 * (b) `kyma-cert inspect` over a few hundred certificate files vs a shell loop running one
 * `openssl x509 -noout -subject -enddate -fingerprint -sha256` per file; plus in-process parse throughput
 * (parseCryptoFile + certificateFacts per certificate) vs node's native X509Certificate.
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_perf_hooks_1 = require("node:perf_hooks");
const certificate_1 = require("../src/core/certificate");
const pem_1 = require("../src/core/pem");
const processes_1 = require("./processes");
const stats_1 = require("./stats");
const OPENSSL_LOOP = 'for f in "$@"; do openssl x509 -noout -subject -enddate -fingerprint -sha256 -in "$f"; done';
async function runInspectBench(opts) {
    const files = [];
    for (let i = 0; i < opts.files; i++) {
        const file = path.join(opts.workDir, `client-${String(i).padStart(4, '0')}.crt`);
        await node_fs_1.promises.writeFile(file, opts.factory.client(i).certPem);
        files.push(file);
    }
    const series = await (0, stats_1.interleave)([
        {
            name: 'cli',
            run: async () => {
                const run = await (0, processes_1.mustSucceed)(process.execPath, [opts.cliPath, 'inspect', ...files, '--json']);
                const report = JSON.parse(run.stdout);
                if (report.files.length !== files.length)
                    throw new Error(`inspect reported ${report.files.length} of ${files.length} files`);
                return run.ms;
            },
        },
        {
            name: 'opensslLoop',
            run: async () => {
                const run = await (0, processes_1.mustSucceed)('bash', ['-c', OPENSSL_LOOP, 'openssl-loop', ...files]);
                const answered = run.stdout.split('\n').filter((l) => l.startsWith('sha256 Fingerprint=')).length;
                if (answered !== files.length)
                    throw new Error(`openssl loop answered ${answered} of ${files.length} files`);
                return run.ms;
            },
        },
    ], { rounds: opts.rounds, warmup: opts.warmupRounds, budgetMs: opts.budgetMs, minRounds: 1 });
    const { samples } = series;
    const data = await Promise.all(files.map((f) => node_fs_1.promises.readFile(f)));
    const perCert = (fn) => {
        const passes = [];
        for (let pass = 0; pass < opts.parsePasses + 1; pass++) {
            const started = node_perf_hooks_1.performance.now();
            for (const d of data)
                fn(d);
            if (pass > 0)
                passes.push(((node_perf_hooks_1.performance.now() - started) * 1000) / data.length); // pass 0 warms the JIT
        }
        return passes;
    };
    let sink = 0; // keeps the work observable so nothing is optimised away
    const facts = (0, stats_1.summarize)(perCert((d) => {
        for (const block of (0, pem_1.parseCryptoFile)(d).blocks)
            if (block.kind === 'certificate')
                sink += (0, certificate_1.certificateFacts)(block.der).notAfter.getTime() & 1;
    }));
    const native = (0, stats_1.summarize)(perCert((d) => {
        const x = new node_crypto_1.X509Certificate(d);
        sink += x.subject.length + x.validTo.length + x.fingerprint256.length;
    }));
    if (sink < 0)
        throw new Error('unreachable');
    const cli = (0, stats_1.summarize)(samples.cli);
    const opensslLoop = (0, stats_1.summarize)(samples.opensslLoop);
    return {
        files: files.length,
        rounds: series.rounds,
        stoppedByBudget: series.stoppedByBudget,
        cli,
        opensslLoop,
        ratioCliToOpensslLoop: (0, stats_1.ratio)(cli, opensslLoop),
        inProcess: { passes: opts.parsePasses, factsUsPerCert: facts, nativeX509UsPerCert: native, ratioFactsToNative: (0, stats_1.ratio)(facts, native) },
        samples: { cli: samples.cli, opensslLoop: samples.opensslLoop },
    };
}
//# sourceMappingURL=inspectBench.js.map