"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.timeProcess = timeProcess;
exports.mustSucceed = mustSucceed;
exports.startEmulatorProcess = startEmulatorProcess;
exports.withoutSyncRequests = withoutSyncRequests;
/** Child processes for the bench: timed runs (spawn to exit) and the emulator running as its own process. */
const node_child_process_1 = require("node:child_process");
const node_perf_hooks_1 = require("node:perf_hooks");
const node_readline_1 = require("node:readline");
/** Runs a command to its end and times it. Rejects only when it cannot be started. */
function timeProcess(command, args, options = {}) {
    return new Promise((resolve, reject) => {
        const started = node_perf_hooks_1.performance.now();
        const child = (0, node_child_process_1.spawn)(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => err.push(d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ ms: node_perf_hooks_1.performance.now() - started, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });
}
/** Like timeProcess, but a non-zero exit is an error naming the command and its stderr. */
async function mustSucceed(command, args, options = {}) {
    const run = await timeProcess(command, args, options);
    if (run.code !== 0) {
        throw new Error(`${command} ${args.slice(0, 3).join(' ')}… exited ${run.code}: ${run.stderr.trim().slice(-1500)}`);
    }
    return run;
}
const SYNC_APPLICATION = 'bench-sync';
/** Starts the emulator CLI and resolves with its ready line. */
function startEmulatorProcess(cliPath, stateDir, validity = '92d') {
    const child = (0, node_child_process_1.spawn)(process.execPath, [cliPath, 'emulator', '--state-dir', stateDir, '--validity', validity], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const requestLog = [];
    const waiters = [];
    (0, node_readline_1.createInterface)({ input: child.stderr }).on('line', (line) => {
        requestLog.push(line);
        if (/^internal POST \/v1\/applications\/tokens /.test(line))
            waiters.shift()?.();
    });
    const exited = new Promise((resolve) => child.once('exit', () => resolve()));
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`emulator exited before it was ready (code ${code}): ${requestLog.slice(-5).join(' / ')}`)));
        (0, node_readline_1.createInterface)({ input: child.stdout }).once('line', (line) => {
            const urls = JSON.parse(line);
            resolve({
                urls,
                requestLog,
                async sync() {
                    const logged = new Promise((r) => waiters.push(r));
                    const res = await fetch(`${urls.internalUrl}/v1/applications/tokens`, { method: 'POST', headers: { Application: SYNC_APPLICATION, 'Content-Type': 'application/json' } });
                    if (!res.ok)
                        throw new Error(`emulator token route answered ${res.status}`);
                    await res.arrayBuffer();
                    await logged;
                },
                async stop() {
                    if (child.exitCode === null && child.signalCode === null)
                        child.kill('SIGTERM');
                    await exited;
                },
            });
        });
    });
}
/** Drops the marker requests of `sync()` from a slice of the request log. */
function withoutSyncRequests(lines) {
    return lines.filter((l) => !/^internal POST \/v1\/applications\/tokens /.test(l));
}
//# sourceMappingURL=processes.js.map