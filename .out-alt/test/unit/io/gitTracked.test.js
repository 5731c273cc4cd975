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
 * Issue 7, row 16: the key-hygiene git check cannot run anything the repository configures, runs only for keys
 * inside the trusted folders, and starts one git per repository for all its keys.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const gitTracked_1 = require("../../../src/io/gitTracked");
const keyHygiene_1 = require("../../../src/io/keyHygiene");
let dir;
/** Git in a throw-away repository under the temp dir; never the project's own repository. */
function git(cwd, ...args) {
    return (0, node_child_process_1.execFileSync)('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CEILING_DIRECTORIES: os.tmpdir() } });
}
async function repoWithKeys(name, keys, tracked) {
    const repo = path.join(dir, name);
    await node_fs_1.promises.mkdir(path.join(repo, 'certs'), { recursive: true });
    git(repo, 'init', '-q');
    for (const key of keys)
        await node_fs_1.promises.writeFile(path.join(repo, 'certs', key), 'not really a key', { mode: 0o600 });
    if (tracked.length > 0)
        git(repo, 'add', ...tracked.map((k) => `certs/${k}`));
    return repo;
}
/** A git wrapper that logs each start (one line) and then runs the real git. */
async function countingGit() {
    const log = path.join(dir, `git-starts-${Math.random().toString(36).slice(2)}.log`);
    const gitPath = path.join(dir, `counting-git-${path.basename(log)}.sh`);
    const realGit = (0, node_child_process_1.execFileSync)('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    await node_fs_1.promises.writeFile(gitPath, `#!/bin/sh\necho started >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
    return { gitPath, starts: async () => ((0, node_fs_1.existsSync)(log) ? (await node_fs_1.promises.readFile(log, 'utf8')).split('\n').filter(Boolean).length : 0) };
}
(0, node_test_1.before)(async () => {
    dir = await node_fs_1.promises.realpath(await node_fs_1.promises.mkdtemp(path.join(os.tmpdir(), 'kyma-gittracked-')));
});
(0, node_test_1.describe)('gitTrackedFiles', () => {
    (0, node_test_1.it)('never runs the core.fsmonitor program a repository configures, and still finds the tracked key', async () => {
        const repo = await repoWithKeys('fsmonitor', ['app.key', 'other.key'], ['app.key']);
        const marker = path.join(dir, 'fsmonitor-ran');
        const hook = path.join(dir, 'fsmonitor-hook.sh');
        await node_fs_1.promises.writeFile(hook, `#!/bin/sh\necho ran >> '${marker}'\nexit 1\n`, { mode: 0o755 });
        git(repo, 'config', 'core.fsmonitor', hook);
        // The attack is real: a plain `git ls-files` in this repository runs the program.
        git(repo, 'ls-files');
        strict_1.default.ok((0, node_fs_1.existsSync)(marker), 'this git does not run core.fsmonitor on ls-files; the test would prove nothing');
        await node_fs_1.promises.rm(marker);
        const problems = await (0, keyHygiene_1.checkKeyFiles)([path.join(repo, 'certs', 'app.key'), path.join(repo, 'certs', 'other.key')]);
        strict_1.default.deepEqual(problems.get(path.join(repo, 'certs', 'app.key'))?.map((p) => p.code), ['key-tracked-by-git']);
        strict_1.default.deepEqual(problems.get(path.join(repo, 'certs', 'other.key')), []);
        strict_1.default.ok(!(0, node_fs_1.existsSync)(marker), 'the key-hygiene check ran the repository-configured fsmonitor program');
    });
    (0, node_test_1.it)('starts one git per repository for all of its keys, none for keys outside any repository', async () => {
        const a = await repoWithKeys('one-a', ['a1.key', 'a2.key', 'a3.key'], ['a1.key', 'a3.key']);
        const b = await repoWithKeys('one-b', ['b1.key', 'b2.key'], ['b2.key']);
        const loose = path.join(dir, 'loose');
        await node_fs_1.promises.mkdir(loose, { recursive: true });
        await node_fs_1.promises.writeFile(path.join(loose, 'x.key'), 'k');
        const files = [
            ...['a1.key', 'a2.key', 'a3.key'].map((k) => path.join(a, 'certs', k)),
            ...['b1.key', 'b2.key'].map((k) => path.join(b, 'certs', k)),
            path.join(loose, 'x.key'),
        ];
        const { gitPath, starts } = await countingGit();
        const tracked = await (0, gitTracked_1.gitTrackedFiles)(files, { gitPath });
        strict_1.default.deepEqual([...tracked].sort(), [path.join(a, 'certs', 'a1.key'), path.join(a, 'certs', 'a3.key'), path.join(b, 'certs', 'b2.key')].sort());
        strict_1.default.equal(await starts(), 2);
    });
    (0, node_test_1.it)('runs no git for keys outside the trusted folders', async () => {
        const repo = await repoWithKeys('untrusted-place', ['app.key'], ['app.key']);
        const { gitPath, starts } = await countingGit();
        const key = path.join(repo, 'certs', 'app.key');
        strict_1.default.deepEqual([...(await (0, gitTracked_1.gitTrackedFiles)([key], { gitPath, trustedRoots: [path.join(dir, 'workspace')] }))], []);
        strict_1.default.equal(await starts(), 0);
        strict_1.default.deepEqual([...(await (0, gitTracked_1.gitTrackedFiles)([key], { gitPath, trustedRoots: [repo] }))], [key]);
        strict_1.default.equal(await starts(), 1);
    });
    (0, node_test_1.it)('takes file names literally (a key named like a pathspec pattern)', async () => {
        const repo = await repoWithKeys('literal', ['*.key', 'real.key'], ['real.key']);
        strict_1.default.deepEqual([...(await (0, gitTracked_1.gitTrackedFiles)([path.join(repo, 'certs', '*.key')]))], []);
    });
});
//# sourceMappingURL=gitTracked.test.js.map