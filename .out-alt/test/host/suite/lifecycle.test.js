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
 * Issue 4 in a real VS Code host against the in-process emulator: Request Certificate with Token, the Certificates
 * view, Problems entries with quick fixes, Revoke, Restore Previous Certificate, opt-in auto-renew, and all of it
 * refused in Restricted Mode. Commands get their answers as arguments; the interactive path is the default.
 */
const assert = __importStar(require("node:assert/strict"));
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const vscode = __importStar(require("vscode"));
const constants_1 = require("../../../src/constants");
const server_1 = require("../../../src/emulator/server");
const backups_1 = require("../../../src/lifecycle/backups");
const ui_1 = require("./ui");
const kymaWorkspace_1 = require("./kymaWorkspace");
async function setSetting(key, value) {
    await vscode.workspace.getConfiguration('kymaCert').update(key, value, vscode.ConfigurationTarget.Global);
}
/**
 * Changes a setting and resolves once VS Code announced the change: the extension's listener was registered at
 * activation, before this one, so it has run by then.
 */
async function setSettingAndWait(key, value) {
    const announced = new Promise((resolvePromise) => {
        const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
            if (!e.affectsConfiguration(`kymaCert.${key}`))
                return;
            subscription.dispose();
            resolvePromise();
        });
    });
    await setSetting(key, value);
    await announced;
}
/** Resolves with the diagnostics of `uri` once `predicate` holds, checking on every diagnostics change. */
function waitForDiagnostics(uri, predicate, timeoutMs = 20000) {
    return new Promise((resolvePromise, reject) => {
        const check = () => {
            const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Kyma Certificates');
            if (!predicate(diagnostics))
                return false;
            cleanup();
            resolvePromise(diagnostics);
            return true;
        };
        const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
            if (e.uris.some((u) => u.fsPath === uri.fsPath))
                check();
        });
        const timer = setTimeout(() => {
            cleanup();
            reject(new Error(`diagnostics of ${uri.fsPath} never matched; now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.code, d.message, d.range.start.line]))}`));
        }, timeoutMs);
        const cleanup = () => {
            clearTimeout(timer);
            subscription.dispose();
        };
        check();
    });
}
/** Titles of the quick fixes offered at `range` (the provider command needs the document open). */
async function quickFixTitles(uri, range) {
    await vscode.workspace.openTextDocument(uri);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    return (actions ?? []).map((a) => a.title);
}
suite('Kyma certificate lifecycle in the editor', function () {
    let emulator;
    let api;
    let dir;
    suiteSetup(async function () {
        this.timeout(60000);
        emulator = await (0, server_1.startEmulator)();
        dir = (0, node_path_1.join)((0, kymaWorkspace_1.workspaceDir)(), 'lifecycle');
        await (0, promises_1.mkdir)(dir, { recursive: true });
        await setSetting('caFile', emulator.serverCaFile);
        await setSetting('autoRenew.enabled', undefined);
        api = (await (0, kymaWorkspace_1.activateExtension)()).api;
        await api.index.ready();
    });
    suiteTeardown(async () => {
        await setSetting('autoRenew.enabled', undefined);
        await api?.autoRenew.whenIdle();
        await setSetting('caFile', undefined);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        // Leave the window as the next suites expect it: no panel, and the explorer short enough to show README.md.
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await (0, promises_1.rm)(dir, { recursive: true, force: true });
        await vscode.commands.executeCommand('workbench.view.explorer');
        await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
        await emulator?.close();
    });
    teardown(async () => {
        if ((0, ui_1.uiAvailable)())
            await ui_1.ui.press('Escape');
    });
    test('Request Certificate with Token writes key (0600), certificate, CA and connection; the view lists it', async function () {
        this.timeout(60000);
        const { url } = emulator.mintToken('token-app');
        const outcome = await vscode.commands.executeCommand(constants_1.CommandId.requestCertificateWithToken, { tokenUrl: url, outDir: dir, name: 'token-app' });
        assert.equal(outcome, 'done');
        const certFile = (0, node_path_1.join)(dir, 'token-app.crt');
        assert.equal((await (0, promises_1.stat)((0, node_path_1.join)(dir, 'token-app.key'))).mode & 0o777, 0o600);
        assert.ok((await (0, promises_1.stat)((0, node_path_1.join)(dir, 'token-app-ca.crt'))).isFile());
        const connection = JSON.parse(await (0, promises_1.readFile)((0, node_path_1.join)(dir, 'token-app.kyma.json'), 'utf8'));
        assert.equal(connection.infoUrl, emulator.infoUrl);
        const entry = await (0, kymaWorkspace_1.waitForEntry)(api, certFile, (e) => e?.key.status === 'match');
        assert.equal(entry?.certificates[0].facts.commonName, 'token-app');
        const row = api.certificatesView.rows().find((r) => r.file === certFile);
        assert.ok(row, 'the new certificate is not in the Certificates view');
        assert.equal(row.label, 'token-app');
        assert.match(row.description, /^9[12] days left · lifecycle\/token-app\.crt$/);
        // The token was used: asking again with it fails and writes nothing.
        const again = await vscode.commands.executeCommand(constants_1.CommandId.requestCertificateWithToken, { tokenUrl: url, outDir: dir, name: 'token-app-2' });
        assert.equal(again, 'failed');
        await assert.rejects((0, promises_1.stat)((0, node_path_1.join)(dir, 'token-app-2.key')));
    });
    test('the Certificates view lists certificates soonest expiry first, with actions by state', async function () {
        this.timeout(60000);
        const later = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'view-later', { startedDaysAgo: 1, validDays: 92 });
        const soon = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'view-soon', { startedDaysAgo: 85, validDays: 92 });
        const expired = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'view-expired', { startedDaysAgo: 100, validDays: 92 });
        for (const f of [later, soon, expired])
            await (0, kymaWorkspace_1.waitForEntry)(api, f.certFile, (e) => e !== undefined);
        const rows = api.certificatesView.rows();
        // Grouped under their CA; within a group, soonest expiry first.
        for (const group of api.certificatesView.groups()) {
            const notAfter = group.rows.map((r) => api.index.get(r.file).certificates[0].facts.notAfter.getTime());
            assert.deepEqual(notAfter, [...notAfter].sort((a, b) => a - b), `rows under ${group.label} are not sorted by expiry`);
        }
        const mine = rows.filter((r) => [later, soon, expired].some((f) => f.certFile === r.file));
        assert.deepEqual(mine.map((r) => r.label), ['view-expired', 'view-soon', 'view-later']);
        assert.deepEqual(mine.map((r) => r.contextValue), ['kymaCert:client:needsToken', 'kymaCert:client:renewable:revocable', 'kymaCert:client:renewable:revocable']);
        assert.deepEqual(mine.map((r) => r.icon.id), ['error', 'error', 'verified']);
        await vscode.commands.executeCommand(`${constants_1.CERTIFICATES_VIEW_ID}.focus`);
        const viewRow = (label) => `.pane-body .monaco-list-row:has-text("${label}")`;
        await ui_1.ui.waitFor(viewRow('view-soon'));
        // Inline actions follow the state: Renew on a renewable certificate, not on an expired one.
        await ui_1.ui.hover(viewRow('view-soon'));
        assert.ok((await ui_1.ui.count(`${viewRow('view-soon')} .action-label[aria-label^="Renew Certificate"]`)) > 0, 'no inline Renew on view-soon');
        await ui_1.ui.hover(viewRow('view-expired'));
        assert.equal(await ui_1.ui.count(`${viewRow('view-expired')} .action-label[aria-label^="Renew Certificate"]`), 0);
    });
    test('Problems: an expired certificate and a wrongly ordered bundle are reported at their PEM blocks, with quick fixes', async function () {
        this.timeout(60000);
        const issued = await emulator.issueClientCertificate({ application: 'problem-expired', notBefore: new Date(Date.now() - 100 * kymaWorkspace_1.DAY_MS), validityMs: 92 * kymaWorkspace_1.DAY_MS });
        const expiredFile = (0, node_path_1.join)(dir, 'problem-expired.crt');
        // Two lines before the block (as `openssl x509 -text`-style files have): the entry must point at line 2.
        await (0, promises_1.writeFile)(expiredFile, `subject=CN=problem-expired\n\n${issued.certPem}`);
        const expiredUri = vscode.Uri.file(expiredFile);
        const [expiredDiagnostic] = await waitForDiagnostics(expiredUri, (d) => d.some((x) => x.code === 'expired'));
        assert.equal(expiredDiagnostic.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(expiredDiagnostic.range.start.line, 2);
        assert.match(expiredDiagnostic.message, /expired 8 days ago .*one-time token/);
        assert.ok((await quickFixTitles(expiredUri, expiredDiagnostic.range)).includes('Request Certificate with Token…'));
        const bundled = await emulator.issueClientCertificate({ application: 'problem-bundle', notBefore: new Date(Date.now() - 80 * kymaWorkspace_1.DAY_MS), validityMs: 92 * kymaWorkspace_1.DAY_MS });
        const bundleFile = (0, node_path_1.join)(dir, 'problem-bundle.crt');
        await (0, promises_1.writeFile)(bundleFile, `${emulator.clientCaPem.trim()}\n${bundled.certPem}`);
        const bundleUri = vscode.Uri.file(bundleFile);
        const diagnostics = await waitForDiagnostics(bundleUri, (d) => d.some((x) => x.code === 'bundle-order') && d.some((x) => x.code === 'expiring'));
        const order = diagnostics.find((d) => d.code === 'bundle-order');
        const expiring = diagnostics.find((d) => d.code === 'expiring');
        assert.equal(order.severity, vscode.DiagnosticSeverity.Warning);
        assert.equal(order.range.start.line, 0);
        assert.equal(expiring.range.start.line, emulator.clientCaPem.trim().split('\n').length);
        assert.ok((await quickFixTitles(bundleUri, expiring.range)).includes('Renew Certificate'));
        await vscode.window.showTextDocument(expiredUri);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await ui_1.ui.waitFor('.markers-panel .monaco-list-row >> text=/expired 8 days ago/');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
    test('key hygiene: a key readable by others is a Problems entry whose quick fix makes it 0600', async function () {
        this.timeout(60000);
        const files = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'hygiene-app', { startedDaysAgo: 1, validDays: 92 });
        await (0, promises_1.chmod)(files.keyFile, 0o644);
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.key.status === 'match');
        const keyUri = vscode.Uri.file(files.keyFile);
        // The index re-reads on the certificate's change; the key's mode is checked on every index update.
        await api.index.refresh(vscode.Uri.file(files.certFile));
        const [problem] = await waitForDiagnostics(keyUri, (d) => d.some((x) => x.code === 'key-permissions'));
        assert.match(problem.message, /chmod 600 hygiene-app\.key/);
        await vscode.workspace.openTextDocument(keyUri);
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', keyUri, problem.range);
        const fix = actions?.find((a) => a.title.includes('chmod 600'));
        assert.ok(fix?.command, JSON.stringify(actions?.map((a) => a.title)));
        await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
        assert.equal((await (0, promises_1.stat)(files.keyFile)).mode & 0o777, 0o600);
        await waitForDiagnostics(keyUri, (d) => d.length === 0);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
    test('Revoke marks the certificate revoked everywhere; renewal is then refused and offers the token flow', async function () {
        this.timeout(60000);
        const files = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'revoke-app', { startedDaysAgo: 1, validDays: 92 });
        const uri = vscode.Uri.file(files.certFile);
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.key.status === 'match');
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.revokeCertificate, uri, { confirm: true }), 'done');
        assert.ok(emulator.isRevoked(files.sha256Hex), 'the emulator did not get the revocation');
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.revoked === true);
        const row = api.certificatesView.rows().find((r) => r.file === files.certFile);
        assert.equal(row?.contextValue, 'kymaCert:client:needsToken');
        assert.match(row?.description ?? '', /^revoked/);
        await waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'revoked' && x.severity === vscode.DiagnosticSeverity.Error));
        // Earlier toasts (with buttons they never time out) would keep this one queued behind them.
        await vscode.commands.executeCommand('notifications.clearAll');
        // Known to be revoked: refused without asking the service.
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.renewCertificate, uri), 'refused');
        // Read it in the notification center: whether VS Code also draws a toast depends on what came before.
        await vscode.commands.executeCommand('notifications.showList');
        try {
            await ui_1.ui.waitFor('.notifications-center .notification-list-item-message >> text=/revoke-app was revoked, so it cannot be renewed/');
            await ui_1.ui.waitFor('.notifications-center .monaco-button >> text="Request Certificate with Token…"');
        }
        finally {
            await vscode.commands.executeCommand('notifications.hideList');
        }
    });
    test('Restore Previous Certificate puts the certificate from before a renewal back', async function () {
        this.timeout(60000);
        const files = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'restore-app', { startedDaysAgo: 80, validDays: 92 });
        const original = await (0, promises_1.readFile)(files.certFile);
        const uri = vscode.Uri.file(files.certFile);
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.key.status === 'match');
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.renewCertificate, uri), 'renewed');
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== files.sha256Hex);
        const [newest] = await (0, backups_1.listBackups)(files.certFile);
        assert.ok(newest, 'renewal kept no backup');
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.restoreCertificate, uri, { backup: newest.id }), 'done');
        assert.deepEqual(await (0, promises_1.readFile)(files.certFile), original);
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.certificates[0].facts.sha256Hex === files.sha256Hex);
    });
    test('auto-renew does nothing while disabled and renews a certificate under its threshold once enabled', async function () {
        this.timeout(90000);
        // 2 of 92 days left: far below a third, and the most urgent certificate with a live connection.
        const files = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'auto-app', { startedDaysAgo: 90, validDays: 92 });
        const before = await (0, promises_1.readFile)(files.certFile);
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e?.key.status === 'match');
        await api.autoRenew.whenIdle();
        const disabled = api.autoRenew.current();
        assert.equal(disabled.enabled, false);
        assert.equal(disabled.renewing, undefined);
        assert.deepEqual(await (0, promises_1.readFile)(files.certFile), before, 'renewed although auto-renew is off');
        const renewedBefore = disabled.renewed;
        await setSettingAndWait('autoRenew.enabled', true);
        assert.equal(api.autoRenew.current().enabled, true);
        try {
            const renewed = await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== files.sha256Hex, 60000);
            assert.ok(renewed.certificates[0].facts.notAfter.getTime() - Date.now() > 90 * kymaWorkspace_1.DAY_MS);
            assert.ok(api.autoRenew.current().renewed > renewedBefore);
            assert.equal(renewed?.key.status, 'match');
        }
        finally {
            await setSetting('autoRenew.enabled', undefined);
            await api.autoRenew.whenIdle();
        }
    });
});
suite('Kyma certificate lifecycle in Restricted Mode', function () {
    let emulator;
    let api;
    suiteSetup(async function () {
        this.timeout(60000);
        emulator = await (0, server_1.startEmulator)();
        api = (await (0, kymaWorkspace_1.activateExtension)()).api;
    });
    suiteTeardown(async () => {
        await setSetting('autoRenew.enabled', undefined);
        await emulator?.close();
    });
    test('[restricted] token request, revoke, restore and auto-renew are refused; nothing is written', async function () {
        this.timeout(60000);
        assert.equal(vscode.workspace.isTrusted, false);
        const dir = (0, node_path_1.join)((0, kymaWorkspace_1.workspaceDir)(), 'restricted-lifecycle');
        const files = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, dir, 'locked-app', { startedDaysAgo: 90, validDays: 92 });
        const uri = vscode.Uri.file(files.certFile);
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e !== undefined);
        const before = await (0, promises_1.readFile)(files.certFile);
        const { url } = emulator.mintToken('untrusted-token-app');
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.requestCertificateWithToken, { tokenUrl: url, outDir: dir, name: 'new-app' }), 'refused');
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.revokeCertificate, uri, { confirm: true }), 'refused');
        assert.equal(await vscode.commands.executeCommand(constants_1.CommandId.restoreCertificate, uri), 'refused');
        await setSettingAndWait('autoRenew.enabled', true);
        await api.autoRenew.whenIdle();
        assert.equal(api.autoRenew.current().enabled, true);
        assert.equal(api.autoRenew.current().trusted, false);
        assert.equal(api.autoRenew.current().renewing, undefined);
        await assert.rejects((0, promises_1.stat)((0, node_path_1.join)(dir, 'new-app.key')));
        assert.equal(emulator.isRevoked(files.sha256Hex), false);
        assert.deepEqual(await (0, promises_1.readFile)(files.certFile), before);
    });
});
//# sourceMappingURL=lifecycle.test.js.map