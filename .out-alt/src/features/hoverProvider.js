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
exports.CertificateHoverProvider = void 0;
const vscode = __importStar(require("vscode"));
const expiry_1 = require("../core/expiry");
const certificateEntry_1 = require("../lifecycle/certificateEntry");
const diagnosticsContent_1 = require("../views/diagnosticsContent");
const hoverContent_1 = require("../views/hoverContent");
const statusBarContent_1 = require("../views/statusBarContent");
const entryView_1 = require("../views/entryView");
/** A PEM block longer than this many lines is not a certificate (protects hover on huge files). */
const MAX_BLOCK_LINES = 400;
/**
 * Hover over a PEM certificate block in any file, whatever its language (saved or untitled). Facts come from the
 * index; only text the index doesn't know (unsaved changes, files outside the workspace) is parsed, and then only
 * the block under the mouse.
 */
class CertificateHoverProvider {
    index;
    settings;
    registration;
    constructor(index, settings) {
        this.index = index;
        this.settings = settings;
        this.registration = vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], this);
    }
    async provideHover(document, position) {
        const entry = document.uri.scheme === 'file' && !document.isDirty ? this.index.get(document.uri) : undefined;
        const blocks = entry ? entry.certificates : await this.blockAround(document, position.line);
        const block = (0, entryView_1.blockAtLine)(blocks, position.line);
        if (!block || block.endLine >= document.lineCount)
            return undefined; // index not caught up with the file yet
        const now = new Date();
        const { thresholds } = this.settings.current;
        const displayPath = (file) => this.index.displayPath(file);
        const view = entry
            ? (0, entryView_1.viewOf)(entry, block, now, thresholds, displayPath)
            : { facts: block.facts, expiry: (0, expiry_1.assessExpiry)(block.facts, now, thresholds), revoked: false };
        const chain = entry ? { index: entry.certificates.indexOf(block), count: entry.certificates.length } : undefined;
        const t = vscode.l10n.t;
        // The Problems entry of this block, under the summary (VS Code would otherwise show it above everything).
        const problems = entry
            ? (0, diagnosticsContent_1.problemsOfEntry)(entry, now, thresholds, t, displayPath).filter((p) => p.startLine === block.startLine).map((p) => p.message)
            : undefined;
        const markdown = new vscode.MarkdownString((0, hoverContent_1.hoverMarkdown)(view, { t, target: entry ? document.uri.toString() : undefined, chain, problems, renewable: (0, statusBarContent_1.renewOffered)(view) }));
        markdown.isTrusted = { enabledCommands: [...hoverContent_1.HOVER_COMMANDS] };
        const range = new vscode.Range(block.startLine, 0, block.endLine, document.lineAt(block.endLine).text.length);
        return new vscode.Hover(markdown, range);
    }
    /** Parses just the BEGIN…END block around `line` (if it is one), with line numbers of the document. */
    async blockAround(document, line) {
        let begin = -1;
        for (let i = line; i >= 0 && line - i < MAX_BLOCK_LINES; i--) {
            const text = document.lineAt(i).text;
            if (text.includes('-----BEGIN ')) {
                begin = i;
                break;
            }
            if (i < line && text.includes('-----END '))
                return []; // between two blocks
        }
        if (begin < 0)
            return [];
        let end = -1;
        for (let i = Math.max(line, begin + 1); i < document.lineCount && i - begin < MAX_BLOCK_LINES; i++) {
            const text = document.lineAt(i).text;
            if (text.includes('-----END ')) {
                end = i;
                break;
            }
            if (text.includes('-----BEGIN '))
                return [];
        }
        if (end < 0)
            return [];
        const text = document.getText(new vscode.Range(begin, 0, end, document.lineAt(end).text.length));
        const { parseBlocks } = await (0, certificateEntry_1.loadCertificateReader)();
        const parsed = parseBlocks(text);
        if ('problem' in parsed)
            return [];
        return parsed.certificates.map((b) => ({ ...b, startLine: b.startLine + begin, endLine: b.endLine + begin }));
    }
    dispose() {
        this.registration.dispose();
    }
}
exports.CertificateHoverProvider = CertificateHoverProvider;
//# sourceMappingURL=hoverProvider.js.map