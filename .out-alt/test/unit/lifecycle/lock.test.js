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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_events_1 = require("node:events");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const lock_1 = require("../../../src/lifecycle/lock");
const fixtures_1 = require("./fixtures");
const compiledLock = path.join(__dirname, '..', '..', '..', 'src', 'lifecycle', 'lock.js');
/** A pid that is certainly not running: a child that has already exited. */
async function deadPid() {
    const child = (0, node_child_process_1.spawn)(process.execPath, ['-e', '']);
    await (0, node_events_1.once)(child, 'exit');
    strict_1.default.ok(child.pid);
    return child.pid;
}
(0, node_test_1.describe)('withCertificateLock', () => {
    (0, node_test_1.it)('refuses a second holder in the same process and releases on success and on failure', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const cert = path.join(dir, 'app.crt');
        let release;
        let started;
        const running = new Promise((r) => (started = r));
        const held = (0, lock_1.withCertificateLock)(cert, () => new Promise((r) => ((release = () => r('first')), started())));
        await running;
        await strict_1.default.rejects((0, lock_1.withCertificateLock)(cert, async () => 'second'), (e) => {
            return (0, errors_1.isKymaCertError)(e, 'locked') && /another renewal of this certificate is running/i.test(e.message);
        });
        release();
        strict_1.default.equal(await held, 'first');
        await strict_1.default.rejects((0, lock_1.withCertificateLock)(cert, async () => Promise.reject(new Error('boom'))), /boom/);
        strict_1.default.equal(await (0, lock_1.withCertificateLock)(cert, async () => 'again'), 'again');
        strict_1.default.deepEqual(await node_fs_1.promises.readdir(dir), [], 'lock file removed');
    });
    (0, node_test_1.it)('is respected across processes: a child holding the lock makes us fail with locked', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const cert = path.join(dir, 'app.crt');
        const script = `
      const { withCertificateLock } = require(${JSON.stringify(compiledLock)});
      withCertificateLock(${JSON.stringify(cert)}, () => new Promise((resolve) => {
        process.stdout.write('held\\n');
        process.stdin.on('end', resolve);
        process.stdin.resume();
      })).then(() => process.stdout.write('released\\n'));`;
        const child = (0, node_child_process_1.spawn)(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
        const [first] = (await (0, node_events_1.once)(child.stdout, 'data'));
        strict_1.default.equal(first.toString().trim(), 'held');
        const contents = JSON.parse(await node_fs_1.promises.readFile((0, lock_1.lockFileFor)(cert), 'utf8'));
        strict_1.default.equal(contents.pid, child.pid);
        await strict_1.default.rejects((0, lock_1.withCertificateLock)(cert, async () => 'mine'), (e) => (0, errors_1.isKymaCertError)(e, 'locked'));
        child.stdin.end();
        await (0, node_events_1.once)(child, 'exit');
        strict_1.default.equal(await (0, lock_1.withCertificateLock)(cert, async () => 'mine'), 'mine');
    });
    (0, node_test_1.it)('breaks a lock whose process is dead', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const cert = path.join(dir, 'app.crt');
        await node_fs_1.promises.writeFile((0, lock_1.lockFileFor)(cert), JSON.stringify({ pid: await deadPid(), createdAt: new Date().toISOString() }));
        strict_1.default.equal(await (0, lock_1.withCertificateLock)(cert, async () => 'ran'), 'ran');
        strict_1.default.deepEqual(await node_fs_1.promises.readdir(dir), []);
    });
    (0, node_test_1.it)('breaks a lock older than the stale limit even if its pid is alive', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const cert = path.join(dir, 'app.crt');
        const old = new Date(Date.now() - lock_1.STALE_LOCK_MS - 1000).toISOString();
        await node_fs_1.promises.writeFile((0, lock_1.lockFileFor)(cert), JSON.stringify({ pid: process.pid, createdAt: old }));
        strict_1.default.equal(await (0, lock_1.withCertificateLock)(cert, async () => 'ran'), 'ran');
    });
    (0, node_test_1.it)('keeps a fresh lock of a live process', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const cert = path.join(dir, 'app.crt');
        await node_fs_1.promises.writeFile((0, lock_1.lockFileFor)(cert), JSON.stringify({ pid: process.pid, createdAt: new Date().toISOString() }));
        await strict_1.default.rejects((0, lock_1.withCertificateLock)(cert, async () => 'ran'), (e) => (0, errors_1.isKymaCertError)(e, 'locked'));
        strict_1.default.ok(await node_fs_1.promises.stat((0, lock_1.lockFileFor)(cert)), 'somebody else\'s lock is left alone');
    });
});
//# sourceMappingURL=lock.test.js.map