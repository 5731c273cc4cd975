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
exports.checkKeyFile = checkKeyFile;
exports.checkKeyFiles = checkKeyFiles;
/**
 * Key hygiene: a private key file should be readable by its owner only and should never be committed.
 * Both checks are advisory: anything we can't determine (Windows permissions, no git, not a repository,
 * git too slow) yields no problem rather than a false alarm.
 */
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const gitTracked_1 = require("./gitTracked");
/** Check one private key file; resolves to zero, one or two problems. Never rejects for a missing git. */
async function checkKeyFile(keyPath, options = {}) {
    return (await checkKeyFiles([keyPath], options)).get(keyPath) ?? [];
}
/**
 * Check many key files at once: permissions per file, and one `git ls-files` per repository for all its keys
 * (see gitTracked.ts for why that git cannot run anything the repository configures).
 */
async function checkKeyFiles(keyPaths, options = {}) {
    const [permissions, tracked] = await Promise.all([
        Promise.all(keyPaths.map((keyPath) => checkPermissions(keyPath, options))),
        options.skipGit
            ? Promise.resolve(new Set())
            : (0, gitTracked_1.gitTrackedFiles)(keyPaths, { gitPath: options.gitPath, timeoutMs: options.gitTimeoutMs, trustedRoots: options.trustedRoots }),
    ]);
    const result = new Map();
    keyPaths.forEach((keyPath, i) => {
        const problems = [permissions[i], tracked.has(keyPath) ? trackedProblem(keyPath, options) : undefined];
        result.set(keyPath, problems.filter((p) => p !== undefined));
    });
    return result;
}
async function checkPermissions(keyPath, options) {
    if ((options.platform ?? process.platform) === 'win32')
        return undefined;
    let mode;
    try {
        mode = (await node_fs_1.promises.stat(keyPath)).mode;
    }
    catch {
        return undefined; // gone or unreadable: the index will notice; not a hygiene problem
    }
    const exposed = mode & 0o077;
    if (exposed === 0)
        return undefined;
    const who = (mode & 0o007) !== 0 ? 'all users' : 'its group';
    return problemAt(options, {
        code: 'key-permissions',
        severity: 'warning',
        message: `Private key is readable by ${who} (mode ${(mode & 0o777).toString(8)}). Run \`chmod 600 ${path.basename(keyPath)}\`.`,
    });
}
function trackedProblem(keyPath, options) {
    const name = path.basename(keyPath);
    return problemAt(options, {
        code: 'key-tracked-by-git',
        severity: 'warning',
        message: `Private key is tracked by git. Run \`git rm --cached ${name}\`, add it to .gitignore, and rotate the key if it was pushed.`,
    });
}
function problemAt(options, p) {
    const range = options.range ?? { startLine: 0, endLine: 0 };
    return { ...p, startLine: range.startLine, endLine: range.endLine, renewable: false };
}
//# sourceMappingURL=keyHygiene.js.map