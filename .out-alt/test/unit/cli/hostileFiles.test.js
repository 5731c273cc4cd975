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
 * Issue 7 rows 1–3 through the real CLI (a spawned dist/cli.js): /dev/zero, a named pipe and a 1.5 GB sparse file
 * among the arguments are each an error for that file, the good files around them are still reported, and the
 * process exits promptly with the documented code. A hang or an unbounded read fails on the deadline.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const certs_1 = require("../helpers/certs");
const fixtures_1 = require("../lifecycle/fixtures");
const run_cli_1 = require("./run-cli");
let dir;
(0, node_test_1.before)(async () => {
    (0, run_cli_1.ensureCliBuilt)();
    dir = await (0, fixtures_1.tempDir)('kyma-hostile-cli-');
    const ca = (0, certs_1.makeCa)({ keyName: 'ca' });
    await node_fs_1.promises.writeFile(path.join(dir, 'good.crt'), (0, certs_1.makeLeaf)(ca, { keyName: 'leaf', subject: 'O=x,CN=first' }).certPem);
    await node_fs_1.promises.writeFile(path.join(dir, 'good2.crt'), (0, certs_1.makeLeaf)(ca, { keyName: 'leaf', subject: 'O=x,CN=second' }).certPem);
    await node_fs_1.promises.symlink('/dev/zero', path.join(dir, 'zero.crt'));
    (0, node_child_process_1.execFileSync)('mkfifo', [path.join(dir, 'pipe.crt')]);
    const sparse = await node_fs_1.promises.open(path.join(dir, 'sparse.crt'), 'w');
    await sparse.truncate(1.5 * 1024 * 1024 * 1024);
    await sparse.close();
});
(0, node_test_1.describe)('kyma-cert inspect with hostile files among good ones', () => {
    (0, node_test_1.it)('reports both good files and one typed error per bad file, exit 3 (unreadable input)', async () => {
        const args = ['inspect', 'good.crt', '/dev/zero', 'zero.crt', 'pipe.crt', 'sparse.crt', 'good2.crt', '--json'];
        const result = await (0, run_cli_1.runCliWithin)(args, { cwd: dir, timeoutMs: 15_000 });
        strict_1.default.equal(result.code, (0, errors_1.exitCodeFor)('not-a-file'), result.stderr);
        const doc = JSON.parse(result.stdout);
        const byName = new Map(doc.files.map((f) => [path.basename(f.file), f]));
        strict_1.default.equal(byName.get('good.crt')?.certificates[0]?.commonName, 'first');
        strict_1.default.equal(byName.get('good2.crt')?.certificates[0]?.commonName, 'second');
        strict_1.default.equal(byName.get('zero')?.error?.kind, 'not-a-file');
        strict_1.default.equal(byName.get('zero.crt')?.error?.kind, 'not-a-file');
        strict_1.default.equal(byName.get('pipe.crt')?.error?.kind, 'not-a-file');
        strict_1.default.equal(byName.get('sparse.crt')?.error?.kind, 'too-large');
    });
    (0, node_test_1.it)('the human output names each bad file and still shows the good ones', async () => {
        const result = await (0, run_cli_1.runCliWithin)(['inspect', 'good.crt', 'pipe.crt', 'good2.crt'], { cwd: dir, timeoutMs: 15_000 });
        strict_1.default.equal(result.code, (0, errors_1.exitCodeFor)('not-a-file'));
        strict_1.default.match(result.stdout, /good\.crt: .*CN=first/);
        strict_1.default.match(result.stdout, /pipe\.crt: .*named pipe/);
        strict_1.default.match(result.stdout, /good2\.crt: .*CN=second/);
    });
});
//# sourceMappingURL=hostileFiles.test.js.map