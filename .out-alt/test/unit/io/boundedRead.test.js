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
const node_fs_1 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const boundedRead_1 = require("../../../src/io/boundedRead");
async function tempDir() {
    return node_fs_1.promises.mkdtemp(path.join(os.tmpdir(), 'kyma-bounded-'));
}
(0, node_test_1.test)('reads a regular file whole', async () => {
    const dir = await tempDir();
    await node_fs_1.promises.writeFile(path.join(dir, 'a.crt'), 'hello');
    strict_1.default.equal((await (0, boundedRead_1.readRegularFile)(path.join(dir, 'a.crt'))).toString(), 'hello');
});
(0, node_test_1.test)('a symlink to /dev/zero is not-a-file, read nothing', async () => {
    const dir = await tempDir();
    await node_fs_1.promises.symlink('/dev/zero', path.join(dir, 'app.key'));
    await strict_1.default.rejects((0, boundedRead_1.readRegularFile)(path.join(dir, 'app.key')), (e) => (0, errors_1.isKymaCertError)(e, 'not-a-file'));
});
(0, node_test_1.test)('a named pipe without a writer is not-a-file and does not hang', async () => {
    const dir = await tempDir();
    const fifo = path.join(dir, 'pipe.crt');
    (0, node_child_process_1.execFileSync)('mkfifo', [fifo]);
    await strict_1.default.rejects((0, boundedRead_1.readRegularFile)(fifo), (e) => (0, errors_1.isKymaCertError)(e, 'not-a-file'));
});
(0, node_test_1.test)('a sparse 1.5 GB file is too-large without being read', async () => {
    const dir = await tempDir();
    const big = path.join(dir, 'big.crt');
    const handle = await node_fs_1.promises.open(big, 'w');
    await handle.truncate(1.5 * 1024 * 1024 * 1024);
    await handle.close();
    const before = process.memoryUsage().rss;
    await strict_1.default.rejects((0, boundedRead_1.readRegularFile)(big), (e) => (0, errors_1.isKymaCertError)(e, 'too-large'));
    strict_1.default.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory grew as if the file had been read');
});
(0, node_test_1.test)('the cap is exact: cap bytes read, cap + 1 refused', async () => {
    const dir = await tempDir();
    await node_fs_1.promises.writeFile(path.join(dir, 'ok'), Buffer.alloc(100, 1));
    await node_fs_1.promises.writeFile(path.join(dir, 'over'), Buffer.alloc(101, 1));
    strict_1.default.equal((await (0, boundedRead_1.readRegularFile)(path.join(dir, 'ok'), 100)).length, 100);
    await strict_1.default.rejects((0, boundedRead_1.readRegularFile)(path.join(dir, 'over'), 100), (e) => (0, errors_1.isKymaCertError)(e, 'too-large'));
});
(0, node_test_1.test)('a directory is not-a-file; a missing file is undefined for the IfExists variant', async () => {
    const dir = await tempDir();
    await strict_1.default.rejects((0, boundedRead_1.readRegularFile)(dir), (e) => (0, errors_1.isKymaCertError)(e, 'not-a-file'));
    strict_1.default.equal(await (0, boundedRead_1.readRegularFileIfExists)(path.join(dir, 'missing')), undefined);
    await node_fs_1.promises.symlink(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
    strict_1.default.equal(await (0, boundedRead_1.readRegularFileIfExists)(path.join(dir, 'dangling')), undefined);
});
//# sourceMappingURL=boundedRead.test.js.map