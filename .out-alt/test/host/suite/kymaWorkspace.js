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
exports.STATUS_ITEM = exports.DAY_MS = void 0;
exports.activateExtension = activateExtension;
exports.workspaceDir = workspaceDir;
exports.writeClientCertificate = writeClientCertificate;
exports.snapshotDir = snapshotDir;
exports.waitForEntry = waitForEntry;
exports.removeFiles = removeFiles;
/**
 * Helpers for the feature suites: the extension's test API, certificate files issued by the in-process emulator
 * inside the open workspace folder, byte snapshots of a folder, and waiting on index changes (never on sleeps).
 */
const assert = __importStar(require("node:assert/strict"));
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const vscode = __importStar(require("vscode"));
const constants_1 = require("../../../src/constants");
exports.DAY_MS = 24 * 60 * 60 * 1000;
/** The status bar item of the extension: VS Code prefixes the item id with the extension id. */
exports.STATUS_ITEM = `[id="workbench.parts.statusbar"] [id="${constants_1.EXTENSION_ID}.kymaCert.status"]`;
/** Activates the extension (if its activation events have not) and returns its API. */
async function activateExtension() {
    const extension = vscode.extensions.getExtension(constants_1.EXTENSION_ID);
    assert.ok(extension, `${constants_1.EXTENSION_ID} is not installed in the test host`);
    const activatedNow = !extension.isActive;
    const api = await extension.activate();
    return { api, activatedNow, ms: api.activationMs };
}
/** The first (only) workspace folder of the test window. */
function workspaceDir() {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test window has no workspace folder');
    return folder.uri.fsPath;
}
/**
 * Writes `<dir>/<name>.crt` (issued by the emulator's client CA, so the emulator will renew it), its key (0600,
 * generated now) and the remembered connection (info URL + key file) that lets renewal run without questions.
 */
async function writeClientCertificate(emulator, dir, name, validity) {
    await (0, promises_1.mkdir)(dir, { recursive: true });
    const issued = await emulator.issueClientCertificate({
        application: name,
        notBefore: new Date(Date.now() - validity.startedDaysAgo * exports.DAY_MS),
        validityMs: validity.validDays * exports.DAY_MS,
    });
    assert.ok(issued.keyPem, 'the emulator generated no key');
    const files = {
        name,
        certFile: (0, node_path_1.join)(dir, `${name}.crt`),
        keyFile: (0, node_path_1.join)(dir, `${name}.key`),
        connectionFile: (0, node_path_1.join)(dir, `${name}.kyma.json`),
        sha256Hex: issued.sha256Hex,
    };
    await (0, promises_1.writeFile)(files.keyFile, issued.keyPem, { mode: 0o600 });
    await (0, promises_1.writeFile)(files.connectionFile, `${JSON.stringify({ infoUrl: emulator.infoUrl, keyFile: `${name}.key` }, null, 2)}\n`);
    await (0, promises_1.writeFile)(files.certFile, issued.certPem); // last: the index sees a complete set
    return files;
}
/** Every file below `dir` with its bytes (a failed renewal must leave this identical). */
async function snapshotDir(dir) {
    const snapshot = new Map();
    const walk = async (current) => {
        for (const entry of await (0, promises_1.readdir)(current, { withFileTypes: true })) {
            const full = (0, node_path_1.join)(current, entry.name);
            if (entry.isDirectory())
                await walk(full);
            else
                snapshot.set((0, node_path_1.relative)(dir, full), await (0, promises_1.readFile)(full));
        }
    };
    await walk(dir);
    return snapshot;
}
/**
 * Resolves once the index holds an entry satisfying `predicate` for `file` (or, with `gone`, none), checking after
 * every index change. Rejects after `timeoutMs` with what the index had, so a failure explains itself.
 */
function waitForEntry(api, file, predicate, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
        const check = () => {
            const entry = api.index.get(file);
            if (!predicate(entry))
                return false;
            cleanup();
            resolve(entry);
            return true;
        };
        const subscription = api.index.onDidChange(() => void check());
        const timer = setTimeout(() => {
            cleanup();
            const entry = api.index.get(file);
            reject(new Error(`index entry for ${file} did not reach the expected state; now: ${entry ? entry.certificates[0].facts.notAfter.toISOString() : 'absent'}`));
        }, timeoutMs);
        const cleanup = () => {
            clearTimeout(timer);
            subscription.dispose();
        };
        void api.index.ready().then(() => check());
    });
}
async function removeFiles(...files) {
    await Promise.all(files.map((f) => (0, promises_1.rm)(f, { force: true })));
}
//# sourceMappingURL=kymaWorkspace.js.map