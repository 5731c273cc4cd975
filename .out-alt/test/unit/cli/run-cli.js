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
exports.CLI = void 0;
exports.repoRoot = repoRoot;
exports.ensureCliBuilt = ensureCliBuilt;
exports.startCli = startCli;
exports.finished = finished;
exports.runCli = runCli;
exports.runCliWithin = runCliWithin;
/** Runs the bundled `dist/cli.js` as a child process, the way a user or a script runs it. */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
/** The repository root: the nearest folder above this file with our package.json, else the working directory. */
function repoRoot() {
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        if ((0, node_fs_1.existsSync)(path.join(dir, 'package.json')) && (0, node_fs_1.existsSync)(path.join(dir, 'esbuild.mjs')))
            return dir;
    }
    return process.cwd();
}
exports.CLI = path.join(repoRoot(), 'dist', 'cli.js');
/** `npm test` builds first; a direct run of the compiled tests builds here when the bundle is missing. */
function ensureCliBuilt() {
    if ((0, node_fs_1.existsSync)(exports.CLI))
        return;
    const result = (0, node_child_process_1.spawnSync)('npm', ['run', 'build'], { cwd: repoRoot(), stdio: 'inherit' });
    if (result.status !== 0 || !(0, node_fs_1.existsSync)(exports.CLI))
        throw new Error('npm run build did not produce dist/cli.js');
}
/** `env` is added to this process's environment (e.g. a passphrase variable). */
function startCli(args, cwd, env) {
    return (0, node_child_process_1.spawn)(process.execPath, [exports.CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: env && { ...process.env, ...env } });
}
/** Collects the output of a started CLI until it exits. */
function finished(child) {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d.toString()));
    child.stderr?.on('data', (d) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    });
}
function runCli(args, cwd, env) {
    return finished(startCli(args, cwd, env));
}
/** Runs the CLI with a deadline; rejects (after killing the child) when it does not exit in time. */
async function runCliWithin(args, options) {
    const child = (0, node_child_process_1.spawn)(process.execPath, [exports.CLI, ...args], {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin?.end(options.input ?? '');
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`kyma-cert ${args.join(' ')} did not exit within ${options.timeoutMs} ms`));
        }, options.timeoutMs);
    });
    try {
        return await Promise.race([finished(child), deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}
//# sourceMappingURL=run-cli.js.map