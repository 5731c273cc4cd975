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
 * The editor features against a real VS Code host and the in-process Connector Service emulator: index,
 * status bar, hover, explorer context menu, renewal (success and injected failure) and Restricted Mode.
 * Certificates and keys are issued at suite setup into the open workspace folder.
 */
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const node_crypto_1 = require("node:crypto");
const vscode = __importStar(require("vscode"));
const constants_1 = require("../../../src/constants");
const server_1 = require("../../../src/emulator/server");
const ui_1 = require("./ui");
const kymaWorkspace_1 = require("./kymaWorkspace");
async function setCaFileSetting(file) {
    await vscode.workspace.getConfiguration('kymaCert').update('caFile', file, vscode.ConfigurationTarget.Global);
}
const CENTER_MESSAGE = '.notifications-center .notification-list-item-message';
suite('Kyma certificates in the editor', function () {
    let emulator;
    let api;
    let certsDir;
    let expiring;
    let activatedBySuite;
    let certificateAtStartup;
    suiteSetup(async function () {
        this.timeout(60000);
        emulator = await (0, server_1.startEmulator)();
        certsDir = (0, node_path_1.join)((0, kymaWorkspace_1.workspaceDir)(), 'certs');
        // The runner's `with-certificate` fixture opens the window with certs/app.crt present; `plain` has none.
        certificateAtStartup = (0, node_fs_1.existsSync)((0, node_path_1.join)(certsDir, 'app.crt'));
        // Started 80 of 92 days ago: 12 days left, inside the 30-day warning window, outside the 7-day error window.
        expiring = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, certsDir, 'expiring-app', { startedDaysAgo: 80, validDays: 92 });
        await (0, promises_1.writeFile)((0, node_path_1.join)(certsDir, 'notes.txt'), 'not a certificate\n');
        await setCaFileSetting(emulator.serverCaFile);
        assert.equal(vscode.workspace.getConfiguration('kymaCert').get('caFile'), emulator.serverCaFile, 'kymaCert.caFile not applied');
        const activation = await (0, kymaWorkspace_1.activateExtension)();
        api = activation.api;
        activatedBySuite = activation.activatedNow;
        console.log(`      activation: ${activation.ms.toFixed(1)} ms inside activate() (${activation.activatedNow ? 'activated by the suite' : 'already active'})`);
    });
    suiteTeardown(async () => {
        await setCaFileSetting(undefined);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await emulator?.close();
    });
    teardown(async () => {
        if ((0, ui_1.uiAvailable)())
            await ui_1.ui.press('Escape');
    });
    test('activation: by workspaceContains when the folder opened with a certificate, else on demand', function () {
        if (certificateAtStartup)
            assert.equal(activatedBySuite, false, 'a certificate in the workspace must activate the extension');
        else
            assert.equal(activatedBySuite, true, 'nothing in a folder without certificates may activate the extension');
        // A generous bound (loaded CI machines): it guards against activation starting to wait for the scan or the network.
        assert.ok(api.activationMs < 1000, `activate() took ${api.activationMs} ms`);
    });
    test('the index finds the certificate in the workspace and pairs it with its key and connection', async () => {
        const entry = await (0, kymaWorkspace_1.waitForEntry)(api, expiring.certFile, (e) => e !== undefined);
        assert.ok(entry);
        assert.equal(entry.certificates[0].facts.commonName, 'expiring-app');
        assert.equal(entry.key.status, 'match');
        assert.equal(entry.key.file, expiring.keyFile);
        assert.equal(entry.connection?.infoUrl, emulator.infoUrl);
        assert.equal(entry.revoked, false);
        assert.equal(api.index.get((0, node_path_1.join)(certsDir, 'notes.txt')), undefined);
    });
    test('status bar: an expiring certificate shows its days left on a warning background', async function () {
        await ui_1.ui.waitFor(`${kymaWorkspace_1.STATUS_ITEM} >> text=/expiring-app · 12d/`);
        assert.match(await ui_1.ui.html(kymaWorkspace_1.STATUS_ITEM), /warning-kind/);
    });
    test('status bar: an expired certificate takes over, on an error background', async function () {
        const expired = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, certsDir, 'expired-app', { startedDaysAgo: 100, validDays: 92 });
        try {
            await (0, kymaWorkspace_1.waitForEntry)(api, expired.certFile, (e) => e !== undefined);
            await ui_1.ui.waitFor(`${kymaWorkspace_1.STATUS_ITEM} >> text=/expired-app · expired/`);
            const html = await ui_1.ui.html(kymaWorkspace_1.STATUS_ITEM);
            assert.match(html, /error-kind/);
            assert.doesNotMatch(html, /warning-kind/);
        }
        finally {
            await (0, kymaWorkspace_1.removeFiles)(expired.certFile, expired.keyFile, expired.connectionFile);
        }
        await (0, kymaWorkspace_1.waitForEntry)(api, expired.certFile, (e) => e === undefined);
        await ui_1.ui.waitFor(`${kymaWorkspace_1.STATUS_ITEM} >> text=/expiring-app/`);
    });
    test('hover on a PEM block shows subject, validity, fingerprint, key and a Renew link', async function () {
        const editor = await vscode.window.showTextDocument(vscode.Uri.file(expiring.certFile));
        editor.selection = new vscode.Selection(3, 4, 3, 4); // inside the base64 body
        await vscode.commands.executeCommand('editor.action.showHover');
        await ui_1.ui.waitFor(`${ui_1.Selectors.hover} >> text=/expiring-app/`);
        const text = (await ui_1.ui.texts(ui_1.Selectors.hover)).join('\n');
        const facts = api.index.get(expiring.certFile).certificates[0].facts;
        // The fingerprint in two lines of 16 bytes (no sideways scrolling).
        const [firstHalf, secondHalf] = [facts.fingerprint256.slice(0, 47), facts.fingerprint256.slice(48)];
        for (const expected of ['Subject', 'CN=expiring\u2011app', 'Issuer', '12 days left', firstHalf, secondHalf, 'found, matches', 'Renew', 'Show Details']) {
            assert.ok(text.includes(expected), `hover lacks "${expected}": ${text}`);
        }
        // Summary first: the name and days left come before the facts, the links before the fingerprint.
        assert.ok(text.indexOf('12 days left') < text.indexOf('Subject'), text);
        assert.ok(text.indexOf('Renew') < text.indexOf(firstHalf), text);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
    test('explorer context menu offers Renew Certificate on a .crt file and not on a .txt file', async function () {
        const labelsFor = async (file) => {
            await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file));
            await ui_1.ui.click(`${ui_1.Selectors.explorerRow} >> text="${file.split('/').pop()}"`, { button: 'right' });
            await ui_1.ui.waitFor(ui_1.Selectors.contextMenuLabel);
            const labels = (await ui_1.ui.texts(ui_1.Selectors.contextMenuLabel)).filter(Boolean);
            await ui_1.ui.press('Escape');
            await ui_1.ui.waitFor(ui_1.Selectors.contextMenuLabel, { state: 'detached' });
            return labels;
        };
        const onCertificate = await labelsFor(expiring.certFile);
        assert.ok(onCertificate.includes('Renew Certificate'), JSON.stringify(onCertificate));
        assert.ok(onCertificate.includes('Show Certificate Details'), JSON.stringify(onCertificate));
        const onText = await labelsFor((0, node_path_1.join)(certsDir, 'notes.txt'));
        assert.ok(onText.includes('Copy Path'), `not the context menu of notes.txt: ${JSON.stringify(onText)}`);
        assert.ok(!onText.includes('Renew Certificate'), JSON.stringify(onText));
    });
    test('Renew Certificate from the explorer context menu renews against the emulator; the status bar follows', async function () {
        this.timeout(60000);
        const before = await (0, promises_1.readFile)(expiring.certFile);
        const keyBefore = await (0, promises_1.readFile)(expiring.keyFile);
        // With the certificate open, the status bar shows it whatever else the workspace holds.
        await vscode.window.showTextDocument(vscode.Uri.file(expiring.certFile), { preview: false });
        await ui_1.ui.waitFor(`${kymaWorkspace_1.STATUS_ITEM} >> text=/expiring-app · 12d/`);
        await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(expiring.certFile));
        await ui_1.ui.click(`${ui_1.Selectors.explorerRow} >> text="expiring-app.crt"`, { button: 'right' });
        // The menu fades in and may ignore a click that comes too early: hover until the entry takes focus, then click.
        await ui_1.ui.hover(`${ui_1.Selectors.contextMenuLabel} >> text="Renew Certificate"`);
        await ui_1.ui.waitFor('.context-view .monaco-menu .action-item.focused >> text="Renew Certificate"');
        await ui_1.ui.click(`${ui_1.Selectors.contextMenuLabel} >> text="Renew Certificate"`);
        // The outcome notification says whether the command ran and how it ended (a failure shows its reason here).
        // Read in the notification center: whether VS Code also draws a toast depends on what came before.
        await vscode.commands.executeCommand('notifications.showList');
        let outcome;
        try {
            await ui_1.ui.waitFor(`${CENTER_MESSAGE} >> text=/Renewed expiring-app|Renewing expiring-app failed/`, { timeout: 45000 });
            outcome = await ui_1.ui.texts(CENTER_MESSAGE);
        }
        finally {
            await vscode.commands.executeCommand('notifications.hideList');
        }
        assert.ok(outcome.some((t) => t.includes('Renewed expiring-app')), `renewal did not succeed: ${JSON.stringify(outcome)}`);
        const renewed = await (0, kymaWorkspace_1.waitForEntry)(api, expiring.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== expiring.sha256Hex);
        // A certificate the emulator just issued: 92 days minus the seconds since, shown (rounded) as 92d.
        await ui_1.ui.waitFor(`${kymaWorkspace_1.STATUS_ITEM} >> text=/expiring-app · 92d/`);
        assert.doesNotMatch(await ui_1.ui.html(kymaWorkspace_1.STATUS_ITEM), /warning-kind|error-kind/);
        const after = await (0, promises_1.readFile)(expiring.certFile);
        assert.notDeepEqual(after, before);
        const certificate = new node_crypto_1.X509Certificate(after);
        assert.ok(new Date(certificate.validTo).getTime() - Date.now() > 90 * kymaWorkspace_1.DAY_MS, certificate.validTo);
        assert.deepEqual(await (0, promises_1.readFile)(expiring.keyFile), keyBefore, 'renewal must keep the key');
        assert.equal(renewed?.key.status, 'match');
        expiring.sha256Hex = renewed.certificates[0].facts.sha256Hex;
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
    test('a failed renewal (injected server fault) shows an error and leaves every file byte-identical', async function () {
        this.timeout(60000);
        const before = await (0, kymaWorkspace_1.snapshotDir)(certsDir);
        emulator.injectFault({ endpoint: 'renewals', kind: 'status', status: 500, message: 'Injected failure.' });
        const outcome = await vscode.commands.executeCommand(constants_1.CommandId.renewCertificate, vscode.Uri.file(expiring.certFile));
        assert.equal(outcome, 'failed');
        await ui_1.ui.waitFor(`${ui_1.Selectors.notificationToast} >> text=/Renewing expiring-app failed/`);
        const after = await (0, kymaWorkspace_1.snapshotDir)(certsDir);
        assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
        for (const [file, bytes] of before)
            assert.ok(after.get(file)?.equals(bytes), `${file} changed`);
    });
});
suite('Kyma certificates in Restricted Mode', function () {
    let emulator;
    let api;
    let files;
    suiteSetup(async function () {
        this.timeout(60000);
        emulator = await (0, server_1.startEmulator)();
        files = await (0, kymaWorkspace_1.writeClientCertificate)(emulator, (0, node_path_1.join)((0, kymaWorkspace_1.workspaceDir)(), 'restricted'), 'untrusted-app', { startedDaysAgo: 80, validDays: 92 });
        await setCaFileSetting(emulator.serverCaFile);
        api = (await (0, kymaWorkspace_1.activateExtension)()).api;
    });
    suiteTeardown(async () => {
        await setCaFileSetting(undefined);
        await emulator?.close();
    });
    test('[restricted] certificates are shown, renewal is refused with the reason and nothing changes', async () => {
        assert.equal(vscode.workspace.isTrusted, false);
        await (0, kymaWorkspace_1.waitForEntry)(api, files.certFile, (e) => e !== undefined);
        await ui_1.ui.waitFor(`${kymaWorkspace_1.STATUS_ITEM} >> text=/untrusted-app · 12d/`);
        const before = await (0, kymaWorkspace_1.snapshotDir)((0, node_path_1.join)((0, kymaWorkspace_1.workspaceDir)(), 'restricted'));
        const outcome = await vscode.commands.executeCommand(constants_1.CommandId.renewCertificate, vscode.Uri.file(files.certFile));
        assert.equal(outcome, 'refused');
        await ui_1.ui.waitFor(`${ui_1.Selectors.notificationToast} >> text=/disabled in Restricted Mode/`);
        const after = await (0, kymaWorkspace_1.snapshotDir)((0, node_path_1.join)((0, kymaWorkspace_1.workspaceDir)(), 'restricted'));
        for (const [file, bytes] of before)
            assert.ok(after.get(file)?.equals(bytes), `${file} changed`);
        assert.equal(after.size, before.size);
    });
});
//# sourceMappingURL=certificates.test.js.map