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
 * Issue 10's editor experience in a real VS Code host against the in-process emulator: the rendered details page
 * (validity bar, one panel per file, DER, live updates, buttons), the Certificates view in its own activity-bar
 * container with a badge and CA groups, Revoke asking which certificate and not revoking on Enter, and no Renew
 * for a certificate known to be revoked.
 */
const assert = __importStar(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const vscode = __importStar(require("vscode"));
const constants_1 = require("../../../src/constants");
const server_1 = require("../../../src/emulator/server");
const ui_1 = require("./ui");
const kymaWorkspace_1 = require("./kymaWorkspace");
/** The details page inside VS Code's two nested webview iframes (Playwright's frame-entering selector). */
const inWebview = (selector) => `iframe.webview.ready >> internal:control=enter-frame >> iframe#active-frame >> internal:control=enter-frame >> ${selector}`;
const editorTab = (label) => `.tabs-container .tab:has-text("${label}")`;
const CENTER_MESSAGE = '.notifications-center .notification-list-item-message';
/** Resolves once the details panel of `file` got HTML satisfying `predicate` (checked now and on every render). */
function waitForDetails(api, file, predicate, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
        const check = () => {
            const html = api.detailsPanels.htmlOf(file);
            if (html === undefined || !predicate(html))
                return;
            done();
            resolve(html);
        };
        const subscription = api.detailsPanels.onDidRender(check);
        const timer = setTimeout(() => {
            done();
            reject(new Error(`details of ${file} never matched; now: ${api.detailsPanels.htmlOf(file)?.slice(0, 300)}`));
        }, timeoutMs);
        const done = () => {
            clearTimeout(timer);
            subscription.dispose();
        };
        check();
    });
}
/** The outcome notifications, read in the notification center (a toast may or may not be drawn). */
async function notificationTexts(pattern) {
    await vscode.commands.executeCommand('notifications.showList');
    try {
        await ui_1.ui.waitFor(`${CENTER_MESSAGE} >> text=${pattern.toString()}`);
        return await ui_1.ui.texts(CENTER_MESSAGE);
    }
    finally {
        await vscode.commands.executeCommand('notifications.hideList');
    }
}
suite('Kyma certificates: editor experience', function () {
    let emulator;
    let api;
    let dir;
    suiteSetup(async function () {
        this.timeout(60000);
        emulator = await (0, server_1.startEmulator)();
        dir = (0, node_path_1.join)((0, kymaWorkspace_1.workspaceDir)(), 'ux');
        await (0, promises_1.mkdir)(dir, { recursive: true });
        await vscode.workspace.getConfiguration('kymaCert').update('caFile', emulator.serverCaFile, vscode.ConfigurationTarget.Global);
        api = (await (0, kymaWorkspace_1.activateExtension)()).api;
        await api.index.ready();
    });
    suiteTeardown(async () => {
        await vscode.workspace.getConfiguration('kymaCert').update('caFile', undefined, vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await (0, promises_1.rm)(dir, { recursive: true, force: true });
        await vscode.commands.executeCommand('workbench.view.explorer');
        await emulator?.close();
    });
    teardown(async () => {
        if ((0, ui_1.uiAvailable)())
            await ui_1.ui.press('Escape');
    });
    test('Show Certificate Details renders a page with the validity bar; one panel per file; DER works; it follows renewal; its Renew button renews', async function () {
        this.timeout(90000);
        const files = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'details-app', { startedDaysAgo: 80, validDays: 92 });
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.key.status === 'match');
        const uri = vscode.Uri.file(files.certFile);
        assert.equal((await vscode.commands.executeCommand(constants_1.CommandId.showCertificateDetails, uri))?.fsPath, files.certFile);
        const html = await waitForDetails(api, files.certFile, (h) => h.includes('class="bar"'));
        // 80 of 92 days used; the thresholds' marks and the chain with the CA file.
        assert.match(html, /\.used \{ width: 8[67]\.\d%; \}/);
        assert.match(html, /\.mark\.warning \{ left: \d+\.\d%; \}/);
        assert.match(html, /details-app-ca\.crt|details-app\.crt/);
        assert.match(html, /Management info URL/);
        // Rendered in the real webview (theme-aware page, script allowed by its CSP: the buttons are live).
        await ui_1.ui.waitFor(inWebview('.bar .used'));
        await ui_1.ui.waitFor(inWebview('h1 >> text=details-app'));
        assert.equal(await ui_1.ui.count(inWebview('button[data-action="renew"]:not([disabled])')), 1);
        // Asking again reveals the same panel instead of opening a second one.
        await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
        await vscode.commands.executeCommand(constants_1.CommandId.showCertificateDetails, uri);
        assert.equal(await ui_1.ui.count(editorTab('details-app.crt (details)')), 1);
        assert.deepEqual(api.detailsPanels.openFiles().filter((f) => f === files.certFile), [files.certFile]);
        // A binary DER copy gets its own page.
        const derFile = (0, node_path_1.join)(dir, 'details-app-copy.der');
        await (0, promises_1.writeFile)(derFile, new node_crypto_1.X509Certificate(await (0, promises_1.readFile)(files.certFile)).raw);
        await vscode.commands.executeCommand(constants_1.CommandId.showCertificateDetails, vscode.Uri.file(derFile));
        const der = await waitForDetails(api, derFile, (h) => h.includes('class="bar"'));
        assert.match(der, /class="badge">DER</);
        assert.match(der, /CN=details-app/);
        // The page's Renew button posts to the extension, which renews; the open page then shows the new certificate.
        await vscode.commands.executeCommand(constants_1.CommandId.showCertificateDetails, uri);
        await ui_1.ui.waitFor(inWebview('h1 >> text=details-app'));
        await ui_1.ui.click(inWebview('button[data-action="renew"]'));
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== files.sha256Hex, 45000);
        await waitForDetails(api, files.certFile, (h) => /\.used \{ width: [01]\.\d%; \}/.test(h) && /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/.test(h));
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await (0, promises_1.rm)(derFile, { force: true });
    });
    test('the Certificates view has its own activity-bar container with a badge; a CA shows once, over the certificates it issued', async function () {
        this.timeout(60000);
        const soon = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'group-soon', { startedDaysAgo: 88, validDays: 92 });
        const fine = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'group-fine', { startedDaysAgo: 1, validDays: 92 });
        // Two -ca.crt files holding the same CA (what two token requests leave behind).
        for (const name of ['group-soon', 'group-fine'])
            await (0, promises_1.writeFile)((0, node_path_1.join)(dir, `${name}-ca.crt`), emulator.clientCaPem);
        for (const f of [soon, fine])
            await (0, kymaWorkspace_1.waitForEntry)(api, f.certFile, (e) => e?.caFile !== undefined);
        await (0, kymaWorkspace_1.waitForEntry)(api, (0, node_path_1.join)(dir, 'group-fine-ca.crt'), (e) => e !== undefined);
        const caName = new node_crypto_1.X509Certificate(emulator.clientCaPem).subject.match(/CN=(.*)/)?.[1];
        const groups = api.certificatesView.groups().filter((g) => g.rows.some((r) => r.label.startsWith('group-')));
        assert.equal(groups.length, 1, JSON.stringify(groups));
        assert.equal(groups[0].label, caName);
        assert.match(groups[0].description, /group-fine-ca\.crt/);
        assert.match(groups[0].description, /group-soon-ca\.crt/);
        assert.ok(!api.certificatesView.rows().some((r) => r.file.endsWith('-ca.crt')), 'a CA file is no row of its own');
        const labels = groups[0].rows.map((r) => r.label).filter((l) => l.startsWith('group-'));
        assert.deepEqual(labels, ['group-soon', 'group-fine'], 'soonest expiry first');
        // The badge counts client certificates that need action, and the activity bar shows it.
        const needing = api.certificatesView.rows().filter((r) => r.icon.id !== 'verified').length;
        assert.ok(needing >= 1);
        assert.equal(api.certificatesView.badge()?.value, needing);
        const container = '.activitybar .action-item:has(.action-label[aria-label^="Kyma Certificates"])';
        await ui_1.ui.waitFor(container);
        await ui_1.ui.waitFor(`${container} .badge-content >> text="${needing}"`);
        // Opening the view shows it in that container (the side bar's title), with the CA row over its certificates.
        await vscode.commands.executeCommand(`${constants_1.CERTIFICATES_VIEW_ID}.focus`);
        await ui_1.ui.waitFor('.sidebar .composite.title >> text=/Kyma Certificates/i');
        const row = (label) => `.sidebar .pane-body .monaco-list-row:has-text("${label}")`;
        await ui_1.ui.waitFor(row('group-soon'));
        assert.equal(await ui_1.ui.count(`.sidebar .pane-body .monaco-list-row[aria-level="1"]:has-text("${caName}")`), 1);
        assert.equal(await ui_1.ui.count(`${row('group-soon')}[aria-level="2"]`), 1);
    });
    test('Revoke from the palette asks which certificate (the active one first) and Enter on its dialog revokes nothing', async function () {
        this.timeout(60000);
        const first = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'ask-one', { startedDaysAgo: 2, validDays: 92 });
        const second = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'ask-two', { startedDaysAgo: 3, validDays: 92 });
        for (const f of [first, second])
            await (0, kymaWorkspace_1.waitForEntry)(api, f.certFile, (e) => e?.key.status === 'match');
        const before = await (0, promises_1.readFile)(second.connectionFile);
        // With ask-two open in the editor, the palette command still asks, and offers ask-two first.
        await vscode.window.showTextDocument(vscode.Uri.file(second.certFile), { preview: false });
        const asked = vscode.commands.executeCommand(constants_1.CommandId.revokeCertificate);
        await ui_1.ui.waitFor(`${ui_1.Selectors.quickInputRow} >> text=/ask-one/`);
        const rows = await ui_1.ui.texts(ui_1.Selectors.quickInputRow);
        assert.match(rows[0], /ask-two.*active editor/, JSON.stringify(rows));
        assert.match(await ui_1.ui.html(`${ui_1.Selectors.quickInputRow}.focused`), /ask-two/);
        await ui_1.ui.press('Escape');
        assert.equal(await asked, 'cancelled');
        // The confirmation dialog. The test window refuses modal dialogs, so this part runs in a second window of the
        // same server, as a user would: palette → Revoke Certificate → pick ask-two → Enter on the dialog.
        const window = await ui_1.ui.openWindow((0, kymaWorkspace_1.workspaceDir)());
        const win = ui_1.ui.inWindow(window);
        try {
            await win.waitFor(`${kymaWorkspace_1.STATUS_ITEM} >> text=/·/`, { timeout: 60000 }); // the extension is active there
            await win.press('F1');
            await win.waitFor(ui_1.Selectors.quickInput);
            await win.type('Kyma Certificates: Revoke Certificate');
            await win.waitFor(`${ui_1.Selectors.quickInputRow}.focused >> text=/Revoke Certificate/`);
            await win.press('Enter');
            await win.waitFor(`${ui_1.Selectors.quickInputRow} >> text=/ask-two/`);
            await win.type('ask-two');
            await win.waitFor(`${ui_1.Selectors.quickInputRow}.focused >> text=/ask-two/`);
            await win.press('Enter');
            await win.waitFor('.monaco-dialog-box >> text=/Revoke ask-two\\?/');
            const buttons = await win.texts('.monaco-dialog-box .dialog-buttons .monaco-button');
            assert.ok(buttons.includes('Revoke') && buttons.includes('Cancel'), JSON.stringify(buttons));
            // Enter presses the focused button, and that is not Revoke.
            const focused = await win.texts('.monaco-dialog-box .dialog-buttons .monaco-button:focus');
            assert.equal(focused.length, 1);
            assert.notEqual(focused[0], 'Revoke');
            await win.press('Enter');
            await win.waitFor('.monaco-dialog-box', { state: 'detached' });
            // What Enter did instead: the certificate's details, in that window.
            await win.waitFor(editorTab('ask-two.crt (details)'));
        }
        finally {
            await ui_1.ui.closeWindow(window);
        }
        assert.equal(emulator.isRevoked(second.sha256Hex), false, 'Enter revoked the certificate');
        assert.deepEqual(await (0, promises_1.readFile)(second.connectionFile), before, 'the remembered connection changed');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
    test('a revoked certificate: no Renew in menus, hover or status bar; renewing it says "revoked" once and offers a new certificate', async function () {
        this.timeout(60000);
        const files = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'gone-app', { startedDaysAgo: 2, validDays: 92 });
        const uri = vscode.Uri.file(files.certFile);
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.key.status === 'match');
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.revokeCertificate, uri, { confirm: true }), 'done');
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.revoked === true);
        // Explorer context menu: Show Details yes, Renew no.
        await vscode.commands.executeCommand('workbench.view.explorer');
        await vscode.commands.executeCommand('revealInExplorer', uri);
        await ui_1.ui.click(`${ui_1.Selectors.explorerRow} >> text="gone-app.crt"`, { button: 'right' });
        await ui_1.ui.waitFor(`${ui_1.Selectors.contextMenuLabel} >> text="Show Certificate Details"`);
        assert.ok(!(await ui_1.ui.texts(ui_1.Selectors.contextMenuLabel)).includes('Renew Certificate'));
        await ui_1.ui.press('Escape');
        // Status bar with the file open: revoked, and a click shows details instead of renewing.
        await vscode.window.showTextDocument(uri, { preview: false });
        await ui_1.ui.waitFor(`${kymaWorkspace_1.STATUS_ITEM} >> text=/gone-app · revoked/`);
        await ui_1.ui.click(kymaWorkspace_1.STATUS_ITEM);
        await waitForDetails(api, files.certFile, (h) => /data-action="renew" disabled/.test(h) && /class="status error">revoked</.test(h));
        await vscode.commands.executeCommand('notifications.clearAll');
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.renewCertificate, uri), 'refused');
        const texts = await notificationTexts(/gone-app was revoked/);
        const message = texts.find((t) => t.includes('gone-app was revoked'));
        assert.equal(message.match(/revoked/g)?.length, 1, message);
        await vscode.commands.executeCommand('notifications.showList');
        try {
            await ui_1.ui.waitFor('.notifications-center .monaco-button >> text="Request Certificate with Token…"');
        }
        finally {
            await vscode.commands.executeCommand('notifications.hideList');
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
    test('Request Certificate with Token suggests the application\'s name as the file name', async function () {
        this.timeout(60000);
        const outDir = (0, node_path_1.join)(dir, 'named');
        const { url } = emulator.mintToken('orders-service');
        const requested = vscode.commands.executeCommand(constants_1.CommandId.requestCertificateWithToken, { tokenUrl: url, outDir });
        // Asked once the token told the application's name; Enter takes the suggestion.
        await ui_1.ui.waitFor(`${ui_1.Selectors.quickInput} >> text=/File name for the new certificate of orders-service/`);
        await ui_1.ui.press('Enter');
        assert.equal(await requested, 'done');
        await (0, kymaWorkspace_1.waitForEntry)(api, (0, node_path_1.join)(outDir, 'orders-service.crt'), (e) => e?.key.status === 'match');
    });
});
//# sourceMappingURL=ux.test.js.map