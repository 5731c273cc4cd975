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
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const keyHygiene_1 = require("../../../src/io/keyHygiene");
const posix = process.platform !== 'win32';
let dir;
let keyPem;
function hasGit() {
    try {
        (0, node_child_process_1.execFileSync)('git', ['--version'], { stdio: 'ignore' });
        return true;
    }
    catch {
        return false;
    }
}
/** Git in a throw-away repository under the temp dir; never the project's own repository. */
function git(cwd, ...args) {
    (0, node_child_process_1.execFileSync)('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_CEILING_DIRECTORIES: os.tmpdir() } });
}
async function writeKey(file, mode) {
    await node_fs_1.promises.writeFile(file, keyPem, { mode });
    await node_fs_1.promises.chmod(file, mode); // the umask may have stripped bits from the create mode
    return file;
}
(0, node_test_1.before)(async () => {
    dir = await node_fs_1.promises.mkdtemp(path.join(os.tmpdir(), 'kyma-keyhygiene-'));
    keyPem = (0, node_crypto_1.generateKeyPairSync)('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
});
(0, node_test_1.after)(async () => {
    await node_fs_1.promises.rm(dir, { recursive: true, force: true });
});
(0, node_test_1.test)('a 0600 key outside any repository has no problems', { skip: !posix }, async () => {
    const file = await writeKey(path.join(dir, 'clean.key'), 0o600);
    strict_1.default.deepEqual(await (0, keyHygiene_1.checkKeyFile)(file), []);
});
(0, node_test_1.test)('a key readable by others is reported with the chmod 600 fix', { skip: !posix }, async () => {
    const file = await writeKey(path.join(dir, 'open.key'), 0o644);
    const problems = await (0, keyHygiene_1.checkKeyFile)(file, { range: { startLine: 3, endLine: 8 } });
    strict_1.default.equal(problems.length, 1);
    const [p] = problems;
    strict_1.default.equal(p.code, 'key-permissions');
    strict_1.default.equal(p.severity, 'warning');
    strict_1.default.equal(p.renewable, false);
    strict_1.default.match(p.message, /readable by all users/);
    strict_1.default.match(p.message, /chmod 600 open\.key/);
    strict_1.default.deepEqual([p.startLine, p.endLine], [3, 8]);
});
(0, node_test_1.test)('a key readable by its group only is reported too', { skip: !posix }, async () => {
    const file = await writeKey(path.join(dir, 'group.key'), 0o640);
    const [p] = await (0, keyHygiene_1.checkKeyFile)(file);
    strict_1.default.equal(p.code, 'key-permissions');
    strict_1.default.match(p.message, /readable by its group/);
    strict_1.default.deepEqual([p.startLine, p.endLine], [0, 0]);
});
(0, node_test_1.test)('permission bits are ignored on Windows', async () => {
    const file = await writeKey(path.join(dir, 'win.key'), 0o644);
    strict_1.default.deepEqual(await (0, keyHygiene_1.checkKeyFile)(file, { platform: 'win32' }), []);
});
(0, node_test_1.test)('a missing file is not a hygiene problem', async () => {
    strict_1.default.deepEqual(await (0, keyHygiene_1.checkKeyFile)(path.join(dir, 'nope', 'missing.key')), []);
});
(0, node_test_1.test)('a key tracked by git is reported; an untracked one next to it is not', { skip: !hasGit() || !posix }, async () => {
    const repo = path.join(dir, 'repo');
    await node_fs_1.promises.mkdir(path.join(repo, 'certs'), { recursive: true });
    git(repo, 'init', '-q');
    const tracked = await writeKey(path.join(repo, 'certs', 'app.key'), 0o600);
    const untracked = await writeKey(path.join(repo, 'certs', 'other.key'), 0o600);
    git(repo, 'add', 'certs/app.key');
    const problems = await (0, keyHygiene_1.checkKeyFile)(tracked);
    strict_1.default.deepEqual(problems.map((p) => p.code), ['key-tracked-by-git']);
    strict_1.default.match(problems[0].message, /git rm --cached app\.key/);
    strict_1.default.deepEqual(await (0, keyHygiene_1.checkKeyFile)(untracked), []);
    // Both problems at once, from one call.
    await node_fs_1.promises.chmod(tracked, 0o604);
    strict_1.default.deepEqual((await (0, keyHygiene_1.checkKeyFile)(tracked)).map((p) => p.code).sort(), ['key-permissions', 'key-tracked-by-git']);
    // Callers in untrusted workspaces skip running git.
    await node_fs_1.promises.chmod(tracked, 0o600);
    strict_1.default.deepEqual(await (0, keyHygiene_1.checkKeyFile)(tracked, { skipGit: true }), []);
});
/** A key inside a fresh repository (git is only asked about keys inside one). */
async function keyInRepository(name) {
    const repo = path.join(dir, `repo-${name}`);
    await node_fs_1.promises.mkdir(repo, { recursive: true });
    git(repo, 'init', '-q');
    return writeKey(path.join(repo, `${name}.key`), 0o600);
}
(0, node_test_1.test)('no git executable means no git problem', { skip: !hasGit() || !posix }, async () => {
    const file = await keyInRepository('nogit');
    strict_1.default.deepEqual(await (0, keyHygiene_1.checkKeyFile)(file, { gitPath: path.join(dir, 'no-such-git') }), []);
});
(0, node_test_1.test)('a git that hangs is abandoned after the timeout', { skip: !hasGit() || !posix }, async () => {
    const slowGit = path.join(dir, 'slow-git.sh');
    await node_fs_1.promises.writeFile(slowGit, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const file = await keyInRepository('slow');
    const started = Date.now();
    strict_1.default.deepEqual(await (0, keyHygiene_1.checkKeyFile)(file, { gitPath: slowGit, gitTimeoutMs: 200 }), []);
    strict_1.default.ok(Date.now() - started < 5000, 'checkKeyFile waited for the hung git');
});
//# sourceMappingURL=keyHygiene.test.js.map