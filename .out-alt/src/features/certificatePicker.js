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
exports.PICK_CERTIFICATE = void 0;
exports.resolveCertificateTarget = resolveCertificateTarget;
const vscode = __importStar(require("vscode"));
const presentation_1 = require("../views/presentation");
const statusBarContent_1 = require("../views/statusBarContent");
const entryView_1 = require("../views/entryView");
/** Command argument meaning "let the user pick" (the status bar when several certificates need attention). */
exports.PICK_CERTIFICATE = { pick: true };
/**
 * Which certificate file a command acts on. Commands are called with a Uri (explorer, editor title), a URI string
 * (hover and status bar links), {@link PICK_CERTIFICATE}, or nothing (command palette): then the active editor's
 * certificate, else a quick pick.
 */
async function resolveCertificateTarget(arg, index, settings, purpose) {
    if (arg instanceof vscode.Uri)
        return arg;
    if (typeof arg === 'string' && arg !== '')
        return arg.includes(':') && !/^[a-zA-Z]:[\\/]/.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
    const pickRequested = typeof arg === 'object' && arg !== null && arg.pick === true;
    const uri = vscode.window.activeTextEditor?.document.uri;
    const active = uri?.scheme === 'file' && index.get(uri) ? uri : undefined;
    if (!pickRequested && active && !purpose.askWhenSeveral)
        return active;
    return pickCertificate(index, settings, purpose, active);
}
async function pickCertificate(index, settings, purpose, preferred) {
    await index.ready();
    const now = new Date();
    const views = index
        .all()
        .map((entry) => ({ entry, ...(0, entryView_1.viewOf)(entry, entry.certificates[0], now, settings.current.thresholds, (f) => index.displayPath(f)) }))
        .filter((v) => !purpose.clientOnly || !v.facts.isCA);
    if (views.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No certificates found in this workspace.'));
        return undefined;
    }
    if (purpose.askWhenSeveral && views.length === 1)
        return vscode.Uri.file(views[0].entry.file);
    // The active editor's certificate on top (preselected: the first item is the active one), then those needing
    // attention (most urgent first), then the rest by name.
    const first = views.filter((v) => v.entry.file === preferred?.fsPath);
    const urgent = (0, statusBarContent_1.needingAttention)(views).filter((v) => !first.includes(v));
    const rest = views.filter((v) => !urgent.includes(v) && !first.includes(v)).sort((a, b) => (0, presentation_1.displayName)(a.facts).localeCompare((0, presentation_1.displayName)(b.facts)));
    const items = [...first, ...urgent, ...rest].map((v) => ({
        label: `$(shield) ${(0, presentation_1.displayName)(v.facts)}`,
        description: first.includes(v) ? `${(0, presentation_1.expiryPhrase)(v, vscode.l10n.t)} · ${vscode.l10n.t('active editor')}` : (0, presentation_1.expiryPhrase)(v, vscode.l10n.t),
        detail: v.file,
        entry: v.entry,
    }));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: purpose.placeHolder, matchOnDescription: true, matchOnDetail: true });
    return picked ? vscode.Uri.file(picked.entry.file) : undefined;
}
//# sourceMappingURL=certificatePicker.js.map