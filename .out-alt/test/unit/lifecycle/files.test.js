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
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const files_1 = require("../../../src/lifecycle/files");
const fixtures_1 = require("./fixtures");
(0, node_test_1.describe)('atomicWriteFiles', () => {
    (0, node_test_1.it)('writes new files with the default mode and keeps the mode of replaced files', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const existing = path.join(dir, 'existing.crt');
        await node_fs_1.promises.writeFile(existing, 'old');
        await node_fs_1.promises.chmod(existing, 0o640);
        const fresh = path.join(dir, 'fresh.crt');
        const key = path.join(dir, 'fresh.key');
        await (0, files_1.atomicWriteFiles)([
            { path: existing, data: 'new' },
            { path: fresh, data: Buffer.from('fresh') },
            { path: key, data: 'secret', mode: 0o600 },
        ]);
        strict_1.default.equal(await node_fs_1.promises.readFile(existing, 'utf8'), 'new');
        strict_1.default.equal(await (0, fixtures_1.modeOf)(existing), 0o640);
        strict_1.default.equal(await node_fs_1.promises.readFile(fresh, 'utf8'), 'fresh');
        strict_1.default.equal(await (0, fixtures_1.modeOf)(fresh), 0o644);
        strict_1.default.equal(await (0, fixtures_1.modeOf)(key), 0o600, 'exact mode regardless of the umask');
        strict_1.default.deepEqual((await node_fs_1.promises.readdir(dir)).sort(), ['existing.crt', 'fresh.crt', 'fresh.key'], 'no temp file left');
    });
    (0, node_test_1.it)('puts back files already renamed when a later rename fails, and removes its temps', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const first = path.join(dir, 'a.crt');
        await node_fs_1.promises.writeFile(first, 'original-a');
        const second = path.join(dir, 'b.crt');
        // A directory where a file should go: its temp file can be written, but the rename onto it fails.
        await node_fs_1.promises.mkdir(second);
        await node_fs_1.promises.writeFile(path.join(second, 'inside'), 'x');
        const third = path.join(dir, 'c.crt');
        const before = await (0, fixtures_1.treeFingerprint)(dir);
        await strict_1.default.rejects((0, files_1.atomicWriteFiles)([
            { path: first, data: 'new-a' },
            { path: third, data: 'new-c' },
            { path: second, data: 'new-b' },
        ]), 
        // A folder where a file should go is refused before anything is written (bounded reads take only files).
        (e) => ((0, errors_1.isKymaCertError)(e, 'io') || (0, errors_1.isKymaCertError)(e, 'not-a-file')) && e.message.includes('b.crt'));
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(dir), before);
    });
    (0, node_test_1.it)('fails without touching anything when a temp file cannot be created', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const ok = path.join(dir, 'ok.crt');
        await node_fs_1.promises.writeFile(ok, 'keep');
        const before = await (0, fixtures_1.treeFingerprint)(dir);
        await strict_1.default.rejects((0, files_1.atomicWriteFiles)([
            { path: ok, data: 'changed' },
            { path: path.join(dir, 'missing-dir', 'x.crt'), data: 'x' },
        ]), (e) => (0, errors_1.isKymaCertError)(e, 'io'));
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(dir), before);
    });
    (0, node_test_1.it)('restoreSnapshot brings back bytes and modes and removes files that did not exist', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const a = path.join(dir, 'a');
        const b = path.join(dir, 'b');
        await node_fs_1.promises.writeFile(a, 'A');
        await node_fs_1.promises.chmod(a, 0o600);
        const before = await (0, fixtures_1.treeFingerprint)(dir);
        const snapshot = await (0, files_1.takeSnapshot)([a, b]);
        await (0, files_1.atomicWriteFiles)([
            { path: a, data: 'changed', mode: 0o644 },
            { path: b, data: 'new' },
        ]);
        await (0, files_1.restoreSnapshot)(snapshot);
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(dir), before);
    });
});
//# sourceMappingURL=files.test.js.map