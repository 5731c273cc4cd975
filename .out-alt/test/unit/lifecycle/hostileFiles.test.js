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
 * Issue 7 rows 1–3 in the index reader (what the extension host runs for every certificate in the workspace, even in
 * Restricted Mode): a planted key that is a named pipe or a link to /dev/zero, a certificate that is a pipe or a
 * sparse 1.5 GB file. Each is reported for that file only, nothing blocks, and the next file is read.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const certificateReader_1 = require("../../../src/lifecycle/certificateReader");
const certs_1 = require("../helpers/certs");
const fixtures_1 = require("../lifecycle/fixtures");
const options = { maxFileSizeBytes: 512 * 1024 };
let dir;
let leaf;
/** Fails instead of hanging: the old reader waited forever on a pipe. */
async function within(ms, promise) {
    let timer;
    const deadline = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
    try {
        return await Promise.race([promise, deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}
(0, node_test_1.before)(async () => {
    dir = await (0, fixtures_1.tempDir)('kyma-hostile-index-');
    leaf = (0, certs_1.makeLeaf)((0, certs_1.makeCa)({ keyName: 'ca' }), { keyName: 'leaf' });
});
(0, node_test_1.describe)('readCertificateEntry with planted files', () => {
    (0, node_test_1.it)('a key candidate that is a named pipe is reported unreadable, without blocking', async () => {
        await node_fs_1.promises.writeFile(path.join(dir, 'piped.crt'), leaf.certPem);
        (0, node_child_process_1.execFileSync)('mkfifo', [path.join(dir, 'piped.key')]);
        const result = await within(5_000, (0, certificateReader_1.readCertificateEntry)(path.join(dir, 'piped.crt'), options));
        strict_1.default.ok('entry' in result);
        strict_1.default.equal(result.entry.key.status, 'unreadable');
        strict_1.default.match(result.entry.key.status === 'unreadable' ? (result.entry.key.problem ?? '') : '', /named pipe/);
    });
    (0, node_test_1.it)('a key candidate linked to /dev/zero is not read; a later candidate that matches still wins', async () => {
        await node_fs_1.promises.writeFile(path.join(dir, 'zeroed.crt'), leaf.certPem);
        await node_fs_1.promises.symlink('/dev/zero', path.join(dir, 'zeroed.key'));
        await node_fs_1.promises.writeFile(path.join(dir, 'zeroed-key.pem'), leaf.keyPem, { mode: 0o600 });
        const before = process.memoryUsage().rss;
        const result = await within(5_000, (0, certificateReader_1.readCertificateEntry)(path.join(dir, 'zeroed.crt'), options));
        strict_1.default.ok('entry' in result);
        strict_1.default.deepEqual(result.entry.key, { status: 'match', file: path.join(dir, 'zeroed-key.pem'), source: 'naming' });
        strict_1.default.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'memory grew as if /dev/zero had been read');
    });
    (0, node_test_1.it)('a certificate that is a pipe, a device or a sparse 1.5 GB file is skipped, and the next one is read', async () => {
        (0, node_child_process_1.execFileSync)('mkfifo', [path.join(dir, 'pipe.crt')]);
        await node_fs_1.promises.symlink('/dev/urandom', path.join(dir, 'random.crt'));
        const sparse = await node_fs_1.promises.open(path.join(dir, 'sparse.crt'), 'w');
        await sparse.truncate(1.5 * 1024 * 1024 * 1024);
        await sparse.close();
        await node_fs_1.promises.writeFile(path.join(dir, 'fine.crt'), leaf.certPem);
        const results = await within(10_000, Promise.all(['pipe.crt', 'random.crt', 'sparse.crt', 'fine.crt'].map((f) => (0, certificateReader_1.readCertificateEntry)(path.join(dir, f), options))));
        const [pipe, random, big, fine] = results;
        strict_1.default.ok('skipped' in pipe && pipe.skipped === 'missing', JSON.stringify(pipe));
        strict_1.default.ok('skipped' in random && random.skipped === 'missing', JSON.stringify(random));
        strict_1.default.ok('skipped' in big && big.skipped === 'too-large', JSON.stringify(big));
        strict_1.default.ok('entry' in fine && fine.entry.certificates.length === 1);
    });
});
//# sourceMappingURL=hostileFiles.test.js.map