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
/**
 * The README screenshots, taken in the real host (code-server + headless Chromium, viewport 1280×800) against the
 * in-process emulator. Run by `npm run screenshots`, never by `npm test`: it writes media/screenshots/*.png (or
 * into $SCREENSHOTS_OUT_DIR when set). Each shot waits on the UI state it shows, captures the page and crops it
 * to the region the README needs.
 */
const assert = __importStar(require("node:assert/strict"));
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const vscode = __importStar(require("vscode"));
const constants_1 = require("../../../src/constants");
const server_1 = require("../../../src/emulator/server");
const kymaWorkspace_1 = require("../suite/kymaWorkspace");
const ui_1 = require("../suite/ui");
const png_1 = require("./png");
/** out/test/host/screenshots → the repository's media/screenshots. */
const OUT_DIR = process.env.SCREENSHOTS_OUT_DIR || (0, node_path_1.resolve)(__dirname, '../../../../media/screenshots');
/** README images stay small enough to load quickly on GitHub. */
const MAX_BYTES = 250 * 1024;
const explorerRow = (name) => `${ui_1.Selectors.explorerRow} >> text="${name}"`;
const viewRow = (label) => `.pane-body .monaco-list-row:has-text("${label}")`;
const statusText = (pattern) => `${kymaWorkspace_1.STATUS_ITEM} >> text=/${pattern}/`;
const taken = [];
/**
 * Captures the page, crops it to `clip` and writes `<OUT_DIR>/<name>` once two captures in a row are identical:
 * hovers fade in and toasts slide in, and the PNG must show where they end, not a frame on the way.
 */
async function capture(name, clip, startedAt) {
    const scratch = (0, node_path_1.join)((0, node_os_1.tmpdir)(), `page-${name}`);
    let previous;
    for (let attempt = 0; attempt < 20; attempt++) {
        const png = (0, png_1.cropPng)(await (0, promises_1.readFile)(await ui_1.ui.screenshot(scratch)), clip);
        if (previous?.equals(png)) {
            await (0, promises_1.rm)(scratch, { force: true });
            await (0, promises_1.mkdir)(OUT_DIR, { recursive: true });
            await (0, promises_1.writeFile)((0, node_path_1.join)(OUT_DIR, name), png);
            taken.push({ name, bytes: png.length, ...(0, png_1.pngSize)(png), ms: Date.now() - startedAt });
            assert.ok(png.length < MAX_BYTES, `${name} is ${png.length} bytes`);
            return;
        }
        previous = png;
    }
    assert.fail(`${name}: the page never stopped changing`);
}
async function setSetting(key, value, section = 'kymaCert') {
    await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}
/** Moves the mouse off whatever it hovered and waits until no hover is left. */
async function dismissHover() {
    await ui_1.ui.hover('.part.editor');
    await ui_1.ui.press('Escape');
    await ui_1.ui.waitFor(ui_1.Selectors.hover, { state: 'hidden' });
}
suite('README screenshots', function () {
    let emulator;
    let api;
    let certsDir;
    let myApp;
    let started;
    const suiteStarted = Date.now();
    suiteSetup(async function () {
        assert.ok((0, ui_1.uiAvailable)(), 'run by test/host/runner.mjs (npm run screenshots)');
        emulator = await (0, server_1.startEmulator)();
        certsDir = (0, node_path_1.join)((0, kymaWorkspace_1.workspaceDir)(), 'certs');
        // 5 days left, inside the 7-day error window.
        myApp = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, certsDir, 'my-app', { startedDaysAgo: 87, validDays: 92 });
        await setSetting('caFile', emulator.serverCaFile);
        // A blinking cursor would keep every frame different (see capture).
        await setSetting('cursorBlinking', 'solid', 'editor');
        api = (await (0, kymaWorkspace_1.activateExtension)()).api;
        await (0, kymaWorkspace_1.waitForEntry)(api, myApp.certFile, (e) => e?.key.status === 'match');
        await vscode.commands.executeCommand('workbench.view.explorer');
        await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(myApp.certFile));
    });
    suiteTeardown(async () => {
        await setSetting('caFile', undefined);
        await setSetting('cursorBlinking', undefined, 'editor');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await emulator?.close();
        const total = ((Date.now() - suiteStarted) / 1000).toFixed(1);
        for (const t of taken)
            console.log(`      ${t.name}: ${t.width}×${t.height}, ${(t.bytes / 1024).toFixed(0)} KB, ${t.ms} ms`);
        console.log(`      ${taken.length} screenshots in ${total} s (suite) → ${OUT_DIR}`);
    });
    setup(() => {
        started = Date.now();
    });
    test('statusbar-warning.png: the status bar item of a certificate expiring in 5 days, with its tooltip', async () => {
        await ui_1.ui.waitFor(statusText('my-app · 5d'));
        assert.match(await ui_1.ui.html(kymaWorkspace_1.STATUS_ITEM), /error-kind|warning-kind/);
        await ui_1.ui.hover(kymaWorkspace_1.STATUS_ITEM);
        await ui_1.ui.waitFor(`${ui_1.Selectors.hover} >> text=/Valid to/`);
        await ui_1.ui.waitFor(`${ui_1.Selectors.hover} >> text=Show Details`);
        await capture('statusbar-warning.png', { x: 0, y: 560, width: 620, height: 240 }, started);
        await dismissHover();
    });
    test('hover.png: the hover on a PEM certificate block', async () => {
        // The hover is at most 2/3 of the editor wide: without the sidebar the fingerprint fits on one line.
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        // A point smaller than the default, and the whole hover fits its 250 px maximum height without scrolling.
        await setSetting('fontSize', 12, 'editor');
        const editor = await vscode.window.showTextDocument(vscode.Uri.file(myApp.certFile), { preview: false });
        editor.selection = new vscode.Selection(3, 4, 3, 4); // inside the base64 body
        await vscode.commands.executeCommand('editor.action.showHover');
        await ui_1.ui.waitFor(`${ui_1.Selectors.hover} >> text=/CN=my-app/`);
        await ui_1.ui.waitFor(`${ui_1.Selectors.hover} >> text=Show Details`);
        await capture('hover.png', { x: 48, y: 35, width: 900, height: 400 }, started);
        await ui_1.ui.press('Escape');
        await ui_1.ui.waitFor(ui_1.Selectors.hover, { state: 'hidden' });
        await setSetting('fontSize', undefined, 'editor');
        await vscode.commands.executeCommand('workbench.view.explorer');
    });
    test('context-menu.png: the explorer context menu of a .crt file', async () => {
        await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(myApp.certFile));
        await ui_1.ui.click(explorerRow('my-app.crt'), { button: 'right' });
        await ui_1.ui.waitFor(`${ui_1.Selectors.contextMenuLabel} >> text="Renew Certificate"`);
        await ui_1.ui.waitFor(`${ui_1.Selectors.contextMenuLabel} >> text="Show Certificate Details"`);
        await capture('context-menu.png', { x: 0, y: 35, width: 520, height: 610 }, started);
    });
    test('renewed.png: Renew from that menu: the success notification and the new days in the status bar', async () => {
        await ui_1.ui.click(`${ui_1.Selectors.contextMenuLabel} >> text="Renew Certificate"`);
        await ui_1.ui.waitFor(`${ui_1.Selectors.notificationToast} >> text=/Renewed my-app/`, { timeout: 45000 });
        await (0, kymaWorkspace_1.waitForEntry)(api, myApp.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== myApp.sha256Hex);
        await ui_1.ui.waitFor(statusText('my-app · 92d'));
        await ui_1.ui.waitFor(`${ui_1.Selectors.notificationToast}.notification-fade-in-done >> text=/Renewed my-app/`);
        await capture('renewed.png', { x: 0, y: 560, width: 1280, height: 240 }, started);
        await vscode.commands.executeCommand('notifications.clearAll');
    });
    test('problems.png: the Problems panel with entries at PEM blocks (expired, bundle order)', async () => {
        const others = [
            await (0, kymaWorkspace_1.writeClientCertificate)(emulator, certsDir, 'legacy-gateway', { startedDaysAgo: 100, validDays: 92 }),
            await (0, kymaWorkspace_1.writeClientCertificate)(emulator, certsDir, 'billing-export', { startedDaysAgo: 89, validDays: 92 }),
            await (0, kymaWorkspace_1.writeClientCertificate)(emulator, certsDir, 'inventory-sync', { startedDaysAgo: 72, validDays: 92 }),
            await (0, kymaWorkspace_1.writeClientCertificate)(emulator, certsDir, 'orders-service', { startedDaysAgo: 10, validDays: 92 }),
        ];
        // A chain file with the CA first: the client certificate must come first.
        const chained = await emulator.issueClientCertificate({ application: 'payments-api', notBefore: new Date(Date.now() - 70 * kymaWorkspace_1.DAY_MS), validityMs: 92 * kymaWorkspace_1.DAY_MS });
        const chainFile = (0, node_path_1.join)(certsDir, 'payments-api-chain.pem');
        await (0, promises_1.writeFile)(chainFile, `${emulator.clientCaPem.trim()}\n${chained.certPem}`);
        for (const f of others)
            await (0, kymaWorkspace_1.waitForEntry)(api, f.certFile, (e) => e?.key.status === 'match');
        await (0, kymaWorkspace_1.waitForEntry)(api, chainFile, (e) => e !== undefined);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.window.showTextDocument(vscode.Uri.file((0, node_path_1.join)(certsDir, 'legacy-gateway.crt')), { preview: false });
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await ui_1.ui.waitFor('.markers-panel .monaco-list-row >> text=/expired 8 days ago/');
        await ui_1.ui.waitFor('.markers-panel .monaco-list-row >> text=/CA certificate comes before/');
        // Focus back in the editor: no entry drawn as the keyboard-selected one.
        await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        await ui_1.ui.waitFor('.part.editor .monaco-editor.focused');
        await capture('problems.png', { x: 348, y: 35, width: 932, height: 765 }, started);
    });
    test('view.png: the Kyma Certificates view with expired, expiring and fine certificates', async () => {
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        // Room for the view: the folder tree's section collapsed, the sidebar wide enough for the descriptions.
        const foldersHeader = '.pane-header[aria-label^="Explorer Section"]';
        await ui_1.ui.click(`${foldersHeader}[aria-expanded="true"]`);
        await ui_1.ui.waitFor(`${foldersHeader}[aria-expanded="false"]`);
        await vscode.commands.executeCommand(`${constants_1.CERTIFICATES_VIEW_ID}.focus`);
        // "Decrease Editor Width" (60 px a step) is what widens the sidebar.
        for (let step = 0; step < 3; step++)
            await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
        for (const label of ['legacy-gateway', 'billing-export', 'inventory-sync', 'my-app', 'orders-service'])
            await ui_1.ui.waitFor(viewRow(label));
        // The selected row shows its inline actions (Renew, Show Details, Revoke). Clicking a row opens its details
        // beside the view; the mouse then leaves, so the row's tooltip does not cover the list.
        await ui_1.ui.click(`${viewRow('inventory-sync')} .label-name`);
        await ui_1.ui.hover('.part.editor');
        await ui_1.ui.waitFor(ui_1.Selectors.hover, { state: 'hidden' });
        await ui_1.ui.waitFor(`.monaco-list-row.selected:has-text("inventory-sync") .action-label[aria-label^="Renew Certificate"]`);
        await capture('view.png', { x: 0, y: 35, width: 528, height: 290 }, started);
    });
});
//# sourceMappingURL=readme.shots.js.map