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
/**
 * Issue 7 rows 12 and 14: a lock that survives real life. A full disk while the lock is written leaves no lock
 * behind and is an `io` error with a hint; a lock naming a live pid that is not its holder (a restarted container
 * where every process is pid 1, another boot) does not block.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const lock_1 = require("../../../src/lifecycle/lock");
const fixtures_1 = require("./fixtures");
const me = () => ({
    pid: process.pid,
    createdAt: new Date().toISOString(),
    host: os.hostname(),
    bootId: 'boot-a',
    startTime: (0, lock_1.processStartTime)(process.pid),
});
(0, node_test_1.describe)('a lock that survives real life', () => {
    const mounts = [];
    (0, node_test_1.after)(() => mounts.forEach((unmount) => unmount()));
    (0, node_test_1.it)('a full disk while writing the lock: io error with a hint, and no lock file left behind', async () => {
        const { dir, unmount } = await (0, fixtures_1.mountTmpfs)(64);
        mounts.push(unmount);
        const cert = path.join(dir, 'app.crt');
        await node_fs_1.promises.writeFile(cert, 'x');
        await (0, fixtures_1.fill)(dir);
        let ran = false;
        await strict_1.default.rejects((0, lock_1.withCertificateLock)(cert, async () => {
            ran = true;
        }), (e) => (0, errors_1.isKymaCertError)(e, 'io') && /lock/.test(e.message) && /ENOSPC/.test(e.message) && /disk is full/i.test(e.hint ?? ''));
        strict_1.default.equal(ran, false);
        await strict_1.default.rejects(node_fs_1.promises.lstat((0, lock_1.lockFileFor)(cert)), 'the half-written lock was left behind');
        strict_1.default.deepEqual((await node_fs_1.promises.readdir(dir)).sort(), ['app.crt', 'filler'], 'a lock or its temp file was left behind');
        await node_fs_1.promises.unlink(path.join(dir, 'filler'));
        strict_1.default.equal(await (0, lock_1.withCertificateLock)(cert, async () => 'ran'), 'ran', 'once there is space the lock works at once');
    });
    (0, node_test_1.it)('a lock naming live pid 1 with another start time (a restarted container) is broken at once', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const cert = path.join(dir, 'app.crt');
        const lock = { pid: 1, createdAt: new Date().toISOString(), host: os.hostname(), bootId: await node_fs_1.promises.readFile('/proc/sys/kernel/random/boot_id', 'utf8').then((s) => s.trim()), startTime: '1' };
        strict_1.default.notEqual((0, lock_1.processStartTime)(1), '1', 'pid 1 here started at another time');
        await node_fs_1.promises.writeFile((0, lock_1.lockFileFor)(cert), JSON.stringify(lock));
        strict_1.default.equal(await (0, lock_1.withCertificateLock)(cert, async () => 'ran'), 'ran');
    });
    (0, node_test_1.it)('the staleness rule: same process held; reused pid, other boot gone; another host by age only', () => {
        const now = Date.now();
        const self = me();
        strict_1.default.equal((0, lock_1.holderIsGone)(self, now, self), false, 'our own live lock is held');
        strict_1.default.equal((0, lock_1.holderIsGone)({ ...self, startTime: `${self.startTime}9` }, now, self), true, 'a reused pid');
        strict_1.default.equal((0, lock_1.holderIsGone)({ ...self, bootId: 'boot-b' }, now, self), true, 'another boot');
        strict_1.default.equal((0, lock_1.holderIsGone)({ ...self, host: 'other-host', pid: 1 }, now, self), false, 'another host, fresh: cannot tell, wait');
        const old = new Date(now - lock_1.STALE_LOCK_MS - 1000).toISOString();
        strict_1.default.equal((0, lock_1.holderIsGone)({ ...self, host: 'other-host', createdAt: old }, now, self), true, 'another host, old');
        strict_1.default.equal((0, lock_1.holderIsGone)({ ...self, createdAt: old }, now, self), false, 'a provably live holder is never broken for age');
        strict_1.default.equal((0, lock_1.holderIsGone)({ pid: -3, createdAt: self.createdAt }, now, self), true);
    });
});
//# sourceMappingURL=lock-life.test.js.map