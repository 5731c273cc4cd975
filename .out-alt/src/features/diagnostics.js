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
exports.CertificateDiagnostics = void 0;
const promises_1 = require("node:fs/promises");
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const errors_1 = require("../core/errors");
/** Expiry problems change with the clock while the editor stays open. */
const RECHECK_MS = 60 * 60 * 1000;
/** Key files checked at the same time (each check may start a git process). */
/** Internal command behind the "chmod 600" quick fix (not contributed: only code actions run it). */
/**
 * Problems end at the END line of their block; its length isn't known without the text, and VS Code clamps a
 * range to the line, so "to the end of the line" is a large column.
 */
const END_OF_LINE = 10_000;
const SEVERITY = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    information: vscode.DiagnosticSeverity.Information,
};
/**
 * Problems panel entries for every indexed certificate file, each at the exact PEM block it is about (expiry,
 * revocation, key pairing, bundle order), plus key hygiene on the private key files (permissions, tracked by git).
 * Quick fixes: Renew Certificate where renewing helps, Request Certificate with Token… where only a new certificate
 * does, and `chmod 600` for a key readable by others.
 */
class CertificateDiagnostics {
    index;
    settings;
    log;
    static providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
    collection = vscode.languages.createDiagnosticCollection('kyma-cert');
    /** The problems behind the diagnostics, by file: code actions look them up instead of decoding diagnostics. */
    problems = new Map();
    /**
     * Hygiene results per key file, reused while the file's stat is unchanged: every index change would otherwise
     * run git once per key (1,000 keys → 1,000 processes per change). Whether git tracks a file can change without
     * the file changing, so the hourly recheck empties the cache.
     */
    hygieneCache = new Map();
    subscriptions;
    timer;
    generation = 0;
    pending = Promise.resolve();
    constructor(index, settings, log) {
        this.index = index;
        this.settings = settings;
        this.log = log;
        this.subscriptions = [
            index.onDidChange(() => this.update()),
            settings.onDidChange(() => this.update()),
            vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
            vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, this, {
                providedCodeActionKinds: CertificateDiagnostics.providedCodeActionKinds,
            }),
            vscode.commands.registerCommand(constants_1.InternalCommandId.restrictKeyPermissions, (file) => this.restrictKey(file)),
        ];
        this.timer = setInterval(() => {
            this.hygieneCache.clear();
            this.update();
        }, RECHECK_MS);
        this.update();
    }
    /** Resolves when the diagnostics reflect the index as of the last change (for tests). */
    whenUpdated() {
        return this.pending;
    }
    /** Recomputes every entry; a newer update supersedes one still waiting for git. */
    update() {
        const generation = ++this.generation;
        this.pending = this.compute(generation).catch((e) => this.log.error(`Updating the Problems entries failed: ${(0, errors_1.messageOf)(e)}`));
    }
    async compute(generation) {
        // Loaded on first use: findProblems pulls in the parser, which activation should not wait for.
        const { keyFileOf, problemsOfEntry } = await Promise.resolve().then(() => __importStar(require('../views/diagnosticsContent')));
        const now = new Date();
        const { thresholds } = this.settings.current;
        const next = new Map();
        const keyFiles = new Set();
        for (const entry of this.index.all()) {
            next.set(entry.file, problemsOfEntry(entry, now, thresholds, vscode.l10n.t, (f) => this.index.displayPath(f)));
            const keyFile = keyFileOf(entry);
            if (keyFile)
                keyFiles.add(keyFile);
        }
        // Key hygiene runs git: only in a trusted workspace, only for keys inside its folders (a repository's config
        // can make git run programs; io/gitTracked.ts disables those too), and one git per repository.
        const skipGit = !vscode.workspace.isTrusted;
        const hygiene = await this.hygieneOf([...keyFiles], skipGit);
        if (generation !== this.generation)
            return;
        for (const [file, problems] of hygiene) {
            if (problems.length > 0)
                next.set(file, [...(next.get(file) ?? []), ...problems]);
        }
        this.problems = next;
        this.collection.clear();
        this.collection.set([...next].map(([file, problems]) => [vscode.Uri.file(file), problems.map(toDiagnostic)]));
    }
    /** Problems per key file; unchanged files (same mtime, size, mode) come from the cache, the rest in one batch. */
    async hygieneOf(keyFiles, skipGit) {
        const { checkKeyFiles } = await Promise.resolve().then(() => __importStar(require('../io/keyHygiene')));
        const signatures = await Promise.all(keyFiles.map(async (file) => {
            const info = await (0, promises_1.stat)(file).catch(() => undefined);
            return info ? `${info.mtimeMs}:${info.size}:${info.mode}:${skipGit}` : 'missing';
        }));
        const stale = keyFiles.filter((file, i) => this.hygieneCache.get(file)?.signature !== signatures[i]);
        const trustedRoots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
        const fresh = stale.length > 0 ? await checkKeyFiles(stale, { skipGit, trustedRoots }) : new Map();
        return keyFiles.map((file, i) => {
            const problems = fresh.get(file) ?? this.hygieneCache.get(file)?.problems ?? [];
            if (fresh.has(file))
                this.hygieneCache.set(file, { signature: signatures[i], problems });
            return [file, problems];
        });
    }
    provideCodeActions(document, range) {
        const file = document.uri.fsPath;
        const problems = (this.problems.get(file) ?? []).filter((p) => p.startLine <= range.end.line && p.endLine >= range.start.line);
        const actions = [];
        const t = vscode.l10n.t;
        const add = (title, problem, command, preferred) => {
            const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
            action.diagnostics = [toDiagnostic(problem)];
            action.command = command;
            action.isPreferred = preferred;
            actions.push(action);
        };
        for (const problem of problems) {
            if (problem.renewable) {
                add(t('Renew Certificate'), problem, { title: t('Renew Certificate'), command: constants_1.CommandId.renewCertificate, arguments: [document.uri] }, true);
            }
            else if (problem.code === 'expired' || problem.code === 'revoked') {
                // Renewal can't help: offer a new certificate from a one-time token, written over this one.
                const args = { outDir: path.dirname(file), name: path.parse(file).name, replace: true };
                add(t('Request Certificate with Token…'), problem, { title: t('Request Certificate with Token…'), command: constants_1.CommandId.requestCertificateWithToken, arguments: [args] }, true);
            }
            else if (problem.code === 'key-permissions' && vscode.workspace.isTrusted) {
                add(t('Make the key readable by its owner only (chmod 600)'), problem, { title: 'chmod 600', command: constants_1.InternalCommandId.restrictKeyPermissions, arguments: [file] }, true);
            }
        }
        return actions;
    }
    async restrictKey(file) {
        try {
            await (0, promises_1.chmod)(file, 0o600);
            this.log.info(`Restricted ${this.index.displayPath(file)} to mode 600.`);
        }
        catch (e) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Could not change the permissions of {0}: {1}', this.index.displayPath(file), (0, errors_1.messageOf)(e)));
        }
        this.update();
    }
    dispose() {
        clearInterval(this.timer);
        this.generation++;
        for (const d of this.subscriptions)
            d.dispose();
        this.collection.dispose();
    }
}
exports.CertificateDiagnostics = CertificateDiagnostics;
function toDiagnostic(problem) {
    const range = new vscode.Range(problem.startLine, 0, problem.endLine, END_OF_LINE);
    const diagnostic = new vscode.Diagnostic(range, problem.message, SEVERITY[problem.severity]);
    diagnostic.source = constants_1.DIAGNOSTICS_SOURCE;
    diagnostic.code = problem.code;
    return diagnostic;
}
//# sourceMappingURL=diagnostics.js.map