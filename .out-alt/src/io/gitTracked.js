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
exports.gitTrackedFiles = gitTrackedFiles;
/**
 * Which of some files are tracked by git, asked without letting the repository run anything.
 *
 * A cloned repository controls its `.git/config`, and some settings there make git start programs: `core.fsmonitor`
 * (run on every index read, so even by `git ls-files`), and hooks through `core.hooksPath`. We override them on the
 * command line (`-c` beats every config file), skip the system config, take no optional locks, and clear the
 * environment variables that would point git at another repository. And we ask once per repository for all its
 * files, instead of one git process per file.
 */
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
/** Config that would make `git ls-files` run a program or write, overridden on the command line. */
const SAFE_CONFIG = ['core.fsmonitor=false', 'core.untrackedCache=false', 'core.hooksPath=/dev/null', 'core.splitIndex=false'];
/** Variables that point git at another repository, index or config, or make it run helpers. */
const UNSAFE_ENV = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_COMMON_DIR',
    'GIT_OBJECT_DIRECTORY',
    'GIT_CONFIG',
    'GIT_CONFIG_GLOBAL',
    'GIT_CONFIG_COUNT',
    'GIT_CONFIG_PARAMETERS',
    'GIT_EXTERNAL_DIFF',
    'GIT_PAGER',
    'GIT_ASKPASS',
    'GIT_SSH',
    'GIT_SSH_COMMAND',
];
/**
 * The subset of `files` (absolute paths) that git tracks. Files outside any repository, outside the trusted roots,
 * or in a repository git refuses or is too slow for, count as untracked: this check is advisory, never a false alarm.
 */
async function gitTrackedFiles(files, options = {}) {
    const byRepository = new Map();
    for (const file of files) {
        if (options.trustedRoots && !options.trustedRoots.some((root) => isInside(file, root)))
            continue;
        const root = await repositoryRootOf(path.dirname(file));
        if (root === undefined)
            continue;
        byRepository.set(root, [...(byRepository.get(root) ?? []), file]);
    }
    const tracked = new Set();
    await Promise.all([...byRepository].map(async ([root, members]) => {
        for (const file of await trackedIn(root, members, options))
            tracked.add(file);
    }));
    return tracked;
}
/** The nearest folder at or above `dir` holding `.git` (a directory, or a file for worktrees and submodules). */
async function repositoryRootOf(dir) {
    for (let current = path.resolve(dir);; current = path.dirname(current)) {
        if (await exists(path.join(current, '.git')))
            return current;
        if (path.dirname(current) === current)
            return undefined;
    }
}
/** One `git ls-files` for all `files` of the repository at `root`. */
function trackedIn(root, files, options) {
    const relative = files.map((f) => path.relative(root, f));
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
    for (const name of UNSAFE_ENV)
        delete env[name];
    const args = [
        ...SAFE_CONFIG.flatMap((setting) => ['-c', setting]),
        '--no-optional-locks',
        '--literal-pathspecs', // a file named `*.key` is that file, not a pattern
        '-C',
        root,
        'ls-files',
        '-z',
        '--full-name',
        '--',
        ...relative,
    ];
    return new Promise((resolve) => {
        (0, node_child_process_1.execFile)(options.gitPath ?? 'git', args, { cwd: root, env, timeout: options.timeoutMs ?? 3000, windowsHide: true, maxBuffer: 4 * 1024 * 1024 }, 
        // Not a repository (128), a refused one (safe.directory), no git (ENOENT) and timeouts: nothing tracked.
        (error, stdout) => {
            if (error)
                return resolve([]);
            const listed = new Set(stdout.split('\0').filter((line) => line !== ''));
            resolve(files.filter((file, i) => listed.has(relative[i].split(path.sep).join('/'))));
        });
    });
}
function isInside(file, root) {
    const relative = path.relative(root, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
async function exists(file) {
    try {
        await node_fs_1.promises.lstat(file);
        return true;
    }
    catch {
        return false;
    }
}
//# sourceMappingURL=gitTracked.js.map