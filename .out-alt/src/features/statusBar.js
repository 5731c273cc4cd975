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
exports.CertificateStatusBar = void 0;
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const certificatePicker_1 = require("./certificatePicker");
const presentation_1 = require("../views/presentation");
const diagnosticsContent_1 = require("../views/diagnosticsContent");
const statusBarContent_1 = require("../views/statusBarContent");
const entryView_1 = require("../views/entryView");
/** Days left change while the editor stays open; re-render on this period. */
const RERENDER_MS = 60 * 60 * 1000;
/**
 * The status bar item: the certificate of the active editor, or else the most urgent client certificate of the
 * workspace, as `$(shield) <CN> · <N>d`, coloured by severity. A click renews it (or offers a pick when several
 * certificates need attention).
 */
class CertificateStatusBar {
    index;
    settings;
    item = vscode.window.createStatusBarItem(constants_1.StatusBarId.certificate, vscode.StatusBarAlignment.Left, 100);
    subscriptions;
    timer;
    constructor(index, settings) {
        this.index = index;
        this.settings = settings;
        this.item.name = vscode.l10n.t('Kyma Certificates');
        this.subscriptions = [
            index.onDidChange(() => this.render()),
            settings.onDidChange(() => this.render()),
            vscode.window.onDidChangeActiveTextEditor(() => this.render()),
        ];
        this.timer = setInterval(() => this.render(), RERENDER_MS);
        this.render();
    }
    render() {
        const now = new Date();
        const { thresholds } = this.settings.current;
        const candidates = this.index
            .all()
            .map((entry) => ({ entry, ...(0, entryView_1.viewOf)(entry, entry.certificates[0], now, thresholds, (f) => this.index.displayPath(f)) }));
        const shown = this.activeCandidate(candidates) ?? (0, statusBarContent_1.mostUrgent)(candidates);
        if (!shown) {
            this.item.hide();
            return;
        }
        const attention = (0, statusBarContent_1.needingAttention)(candidates);
        const target = vscode.Uri.file(shown.entry.file).toString();
        const t = vscode.l10n.t;
        this.item.text = (0, statusBarContent_1.statusBarText)(shown, t);
        const problems = (0, diagnosticsContent_1.problemsOfEntry)(shown.entry, now, thresholds, t, (f) => this.index.displayPath(f))
            .filter((p) => p.startLine === shown.entry.certificates[0].startLine)
            .map((p) => p.message);
        const tooltip = new vscode.MarkdownString((0, statusBarContent_1.statusBarTooltip)(shown, { t, target, othersNeedingAttention: attention.filter((c) => c !== shown).length, problems }));
        tooltip.isTrusted = { enabledCommands: [constants_1.CommandId.renewCertificate, constants_1.CommandId.showCertificateDetails] };
        this.item.tooltip = tooltip;
        const severity = (0, presentation_1.severityOf)(shown);
        this.item.backgroundColor =
            severity === 'error'
                ? new vscode.ThemeColor('statusBarItem.errorBackground')
                : severity === 'warning'
                    ? new vscode.ThemeColor('statusBarItem.warningBackground')
                    : undefined;
        // Several renewable certificates need attention: let the user pick. Otherwise renew the one shown, unless it
        // is revoked or expired (the service refuses those): then the click shows its details and what to do.
        const renewable = attention.filter(statusBarContent_1.renewOffered);
        this.item.command = (0, statusBarContent_1.renewOffered)(shown)
            ? { command: constants_1.CommandId.renewCertificate, title: t('Renew Certificate'), arguments: [renewable.length > 1 ? certificatePicker_1.PICK_CERTIFICATE : target] }
            : { command: constants_1.CommandId.showCertificateDetails, title: t('Show Certificate Details'), arguments: [target] };
        this.item.accessibilityInformation = { label: `${t('Kyma Certificates')}: ${this.item.text.replace('$(shield) ', '')}` };
        this.item.show();
    }
    /** The client certificate open in the active editor, if it is indexed. */
    activeCandidate(candidates) {
        const uri = vscode.window.activeTextEditor?.document.uri;
        if (uri?.scheme !== 'file')
            return undefined;
        return candidates.find((c) => c.entry.file === uri.fsPath && !c.facts.isCA);
    }
    dispose() {
        clearInterval(this.timer);
        for (const d of this.subscriptions)
            d.dispose();
        this.item.dispose();
    }
}
exports.CertificateStatusBar = CertificateStatusBar;
//# sourceMappingURL=statusBar.js.map