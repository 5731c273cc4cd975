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
exports.CertificateDetailsPanels = exports.DETAILS_VIEW_TYPE = void 0;
const node_crypto_1 = require("node:crypto");
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const errors_1 = require("../core/errors");
const certificateEntry_1 = require("../lifecycle/certificateEntry");
const detailsModel_1 = require("../views/detailsModel");
const detailsPage_1 = require("../views/detailsPage");
/** The webview panels' type id (also what VS Code uses to restore them). */
exports.DETAILS_VIEW_TYPE = 'kymaCert.certificateDetails';
const COMMAND_OF = {
    renew: constants_1.CommandId.renewCertificate,
    revoke: constants_1.CommandId.revokeCertificate,
    restore: constants_1.CommandId.restoreCertificate,
};
/**
 * "Certificate Details" webview panels: one per certificate file, revealed again rather than duplicated, redrawn
 * when the index changes (renewal, restore, revocation, the file edited) or the file itself changes. Glue only:
 * the HTML comes from detailsPage.ts; the buttons post `{ action }`, which becomes the command on this file.
 */
class CertificateDetailsPanels {
    index;
    settings;
    log;
    panels = new Map();
    rendered = new vscode.EventEmitter();
    subscriptions;
    /** Fires with the file after its panel got new HTML. */
    onDidRender = this.rendered.event;
    constructor(index, settings, log) {
        this.index = index;
        this.settings = settings;
        this.log = log;
        this.subscriptions = [
            index.onDidChange(() => this.renderAll()),
            settings.onDidChange(() => this.renderAll()),
        ];
    }
    /** Opens the details of `file`, or brings its open panel to the front. */
    async show(file) {
        const key = file.fsPath;
        const open = this.panels.get(key);
        if (open) {
            open.panel.reveal();
            await this.render(key);
            return;
        }
        const panel = vscode.window.createWebviewPanel(exports.DETAILS_VIEW_TYPE, vscode.l10n.t('{0} (details)', path.basename(key)), vscode.ViewColumn.Active, 
        // No local resources and no command links: the page is self-contained and talks only through postMessage.
        { enableScripts: true, enableCommandUris: false, localResourceRoots: [] });
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(key)), path.basename(key)));
        const entry = { panel, html: '', generation: 0, watcher };
        this.panels.set(key, entry);
        const redraw = () => void this.render(key);
        panel.onDidDispose(() => {
            watcher.dispose();
            this.panels.delete(key);
        });
        watcher.onDidChange(redraw);
        watcher.onDidCreate(redraw);
        watcher.onDidDelete(redraw);
        panel.webview.onDidReceiveMessage((message) => this.onMessage(key, message));
        await this.render(key);
    }
    /** The HTML of the open panel of `file`, if any (for the host tests). */
    htmlOf(file) {
        return this.panels.get(file)?.html;
    }
    /** Files with an open details panel. */
    openFiles() {
        return [...this.panels.keys()];
    }
    onMessage(file, message) {
        const action = typeof message === 'object' && message !== null ? message.action : undefined;
        // The page is ours, but treat what crosses the boundary as untrusted: only the three known actions.
        if (typeof action !== 'string' || !detailsPage_1.DETAILS_ACTIONS.includes(action))
            return;
        void vscode.commands.executeCommand(COMMAND_OF[action], vscode.Uri.file(file));
    }
    renderAll() {
        for (const file of this.panels.keys())
            void this.render(file);
    }
    async render(file) {
        const open = this.panels.get(file);
        if (!open)
            return;
        const generation = ++open.generation;
        try {
            const entry = this.index.get(file) ?? (await this.readUnindexed(file));
            const caEntry = entry?.caFile ? this.index.get(entry.caFile) ?? (await this.readUnindexed(entry.caFile)) : undefined;
            const { listBackups } = await Promise.resolve().then(() => __importStar(require('../lifecycle/backups')));
            const backups = entry ? await listBackups(file).catch(() => []) : [];
            const t = vscode.l10n.t;
            const input = (0, detailsModel_1.detailsPageInput)({
                entry,
                caEntry,
                file,
                backups,
                thresholds: this.settings.current.thresholds,
                now: new Date(),
                displayPath: (f) => this.index.displayPath(f),
                t,
            });
            const html = (0, detailsPage_1.detailsHtml)(input, { t, nonce: (0, node_crypto_1.randomBytes)(16).toString('base64'), cspSource: open.panel.webview.cspSource });
            if (generation !== open.generation || !this.panels.has(file))
                return;
            open.html = html;
            open.panel.webview.html = html;
            this.rendered.fire(file);
        }
        catch (e) {
            this.log.warn(`Could not show the details of ${this.index.displayPath(file)}: ${(0, errors_1.messageOf)(e)}`);
        }
    }
    /** Files the index skips (excluded, above its size cap, not yet scanned) are read on request. */
    async readUnindexed(file) {
        const { readCertificateEntry, MAX_INPUT_BYTES } = await (0, certificateEntry_1.loadCertificateReader)();
        const result = await readCertificateEntry(file, { maxFileSizeBytes: MAX_INPUT_BYTES });
        return 'entry' in result ? result.entry : undefined;
    }
    dispose() {
        for (const { panel } of this.panels.values())
            panel.dispose();
        for (const d of this.subscriptions)
            d.dispose();
        this.rendered.dispose();
    }
}
exports.CertificateDetailsPanels = CertificateDetailsPanels;
//# sourceMappingURL=detailsPanel.js.map