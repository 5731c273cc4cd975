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
exports.CertificatesView = exports.UNRENEWABLE_CONTEXT_KEY = void 0;
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const certificatesViewContent_1 = require("../views/certificatesViewContent");
const statusBarContent_1 = require("../views/statusBarContent");
const entryView_1 = require("../views/entryView");
/** Context key (array of paths) the manifest's menus use: `resourcePath not in kymaCert.unrenewableFiles`. */
exports.UNRENEWABLE_CONTEXT_KEY = 'kymaCert.unrenewableFiles';
/** Days left change while the editor stays open. */
const RERENDER_MS = 60 * 60 * 1000;
/**
 * The "Kyma Certificates" view in its own activity-bar container: every client certificate under the CA that issued
 * it (a CA shows once, whatever number of files hold it), soonest expiry first, coloured by severity, and a badge
 * counting the certificates that need action. Certificate elements are the files' URIs, so the Renew / Details /
 * Revoke / Restore commands get the same argument from a view item as from the Explorer's context menu.
 */
class CertificatesView {
    index;
    settings;
    changed = new vscode.EventEmitter();
    onDidChangeTreeData = this.changed.event;
    subscriptions;
    timer;
    tree;
    caNodes = new Map();
    constructor(index, settings) {
        this.index = index;
        this.settings = settings;
        this.tree = vscode.window.createTreeView(constants_1.CERTIFICATES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
        const refresh = () => this.refresh();
        this.subscriptions = [this.tree, index.onDidChange(refresh), settings.onDidChange(refresh)];
        this.timer = setInterval(refresh, RERENDER_MS);
        this.updateBadge();
    }
    refresh() {
        this.updateBadge();
        this.changed.fire();
    }
    items() {
        const now = new Date();
        const { thresholds } = this.settings.current;
        return this.index.all().map((entry) => ({
            file: entry.file,
            view: (0, entryView_1.viewOf)(entry, entry.certificates[0], now, thresholds, (f) => this.index.displayPath(f)),
            certificates: entry.certificates.map((c) => c.facts),
        }));
    }
    groupsNow() {
        const groups = (0, certificatesViewContent_1.groupByCa)(this.items());
        // Stable node objects per CA: the tree keeps expansion state by element identity.
        const nodes = new Map();
        for (const group of groups)
            nodes.set(group.key, this.caNodes.get(group.key) ?? { ca: group.key });
        this.caNodes = nodes;
        return groups;
    }
    /**
     * The activity-bar badge: how many client certificates need action (none: no badge). Also the context key the
     * Explorer and editor-tab menus read to leave Renew out for files it cannot work on (revoked, expired, CA).
     */
    updateBadge() {
        const items = this.items();
        const unrenewable = items.filter((i) => !(0, statusBarContent_1.renewOffered)(i.view)).map((i) => i.file);
        void vscode.commands.executeCommand('setContext', exports.UNRENEWABLE_CONTEXT_KEY, unrenewable);
        const count = (0, certificatesViewContent_1.needingAction)(items.map((i) => i.view));
        const t = vscode.l10n.t;
        this.tree.badge = count > 0
            ? { value: count, tooltip: count === 1 ? t('1 certificate needs action') : t('{0} certificates need action', count) }
            : undefined;
    }
    /** The badge as shown now (for the host tests). */
    badge() {
        return this.tree.badge;
    }
    /** The CA groups and their certificate rows, in display order. */
    groups() {
        const t = vscode.l10n.t;
        const shown = (f) => this.index.displayPath(f);
        return this.groupsNow().map((group) => ({
            label: group.label,
            description: (0, certificatesViewContent_1.caGroupDescription)(group, shown, t),
            rows: group.members.map((m) => (0, certificatesViewContent_1.certificateRow)(m.file, m.view, shown(m.file), t)),
        }));
    }
    /** The certificate rows as the view shows them now, in order (the host tests read this instead of the DOM). */
    rows() {
        return this.groups().flatMap((g) => g.rows);
    }
    getChildren(element) {
        const groups = this.groupsNow();
        if (!element)
            return groups.map((g) => (g.caFiles[0] ? vscode.Uri.file(g.caFiles[0]) : this.caNodes.get(g.key)));
        const group = this.groupOf(element, groups);
        return (group?.members ?? []).map((m) => vscode.Uri.file(m.file));
    }
    getTreeItem(node) {
        const group = this.groupOf(node, this.groupsNow());
        return group ? this.caItem(group) : this.certificateItem(node);
    }
    /** The CA group a node stands for (undefined for a client certificate's node). */
    groupOf(node, groups) {
        return node instanceof vscode.Uri ? groups.find((g) => g.caFiles[0] === node.fsPath) : groups.find((g) => g.key === node.ca);
    }
    caItem(group) {
        const t = vscode.l10n.t;
        const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `ca:${group.key}`;
        item.description = (0, certificatesViewContent_1.caGroupDescription)(group, (f) => this.index.displayPath(f), t);
        item.tooltip = `${group.key}\n${item.description}`;
        item.iconPath = new vscode.ThemeIcon('workspace-trusted');
        const caFile = group.caFiles[0];
        // Menus match on it: a CA with a file offers Details; one only named as issuer offers nothing.
        item.contextValue = caFile ? 'kymaCert:ca' : 'kymaCert:caGroup';
        if (caFile) {
            item.command = { command: constants_1.CommandId.showCertificateDetails, title: t('Show Certificate Details'), arguments: [vscode.Uri.file(caFile)] };
        }
        return item;
    }
    certificateItem(uri) {
        const entry = this.index.get(uri);
        const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
        if (!entry)
            return item; // removed between getChildren and now; the next change event redraws
        const t = vscode.l10n.t;
        const view = (0, entryView_1.viewOf)(entry, entry.certificates[0], new Date(), this.settings.current.thresholds, (f) => this.index.displayPath(f));
        const row = (0, certificatesViewContent_1.certificateRow)(entry.file, view, this.index.displayPath(entry.file), t);
        item.id = `file:${entry.file}`;
        item.label = row.label;
        item.description = row.description;
        item.iconPath = new vscode.ThemeIcon(row.icon.id, new vscode.ThemeColor(row.icon.color));
        item.contextValue = row.contextValue;
        const tooltip = new vscode.MarkdownString((0, statusBarContent_1.statusBarTooltip)(view, { t, target: uri.toString(), othersNeedingAttention: 0 }));
        tooltip.isTrusted = { enabledCommands: [constants_1.CommandId.renewCertificate, constants_1.CommandId.showCertificateDetails] };
        item.tooltip = tooltip;
        item.command = { command: constants_1.CommandId.showCertificateDetails, title: t('Show Certificate Details'), arguments: [uri] };
        item.accessibilityInformation = { label: `${row.label}, ${row.description}` };
        return item;
    }
    dispose() {
        clearInterval(this.timer);
        for (const d of this.subscriptions)
            d.dispose();
        this.changed.dispose();
    }
}
exports.CertificatesView = CertificatesView;
//# sourceMappingURL=certificatesView.js.map