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
 * Smoke test of the host harness itself: the real VS Code host loads this extension (from the development
 * folder or from the packaged .vsix), activates it in a Node extension host, opens the fixture workspace with
 * the requested trust, and the DOM bridge can see and drive the workbench.
 */
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const node_perf_hooks_1 = require("node:perf_hooks");
const vscode = __importStar(require("vscode"));
const ui_1 = require("./ui");
const projectRoot = (0, node_path_1.resolve)(__dirname, '../../../..');
const manifest = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(projectRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;
function ourExtension() {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} not loaded (engines.vscode newer than 1.99.3 makes VS Code skip it silently)`);
    return ext;
}
function mainScriptExists(ext) {
    const main = ext.packageJSON.main;
    if (!main)
        return false;
    const file = (0, node_path_1.resolve)(ext.extensionPath, main);
    return (0, node_fs_1.existsSync)(file) || (0, node_fs_1.existsSync)(`${file}.js`);
}
suite('host harness smoke', () => {
    test(`${extensionId} is loaded from the ${process.env.HARNESS_MODE ?? 'dev'} location`, () => {
        const ext = ourExtension();
        if (process.env.HARNESS_MODE === 'vsix') {
            assert.notEqual((0, node_path_1.resolve)(ext.extensionPath), projectRoot, 'vsix mode must not load the development folder');
            assert.match(ext.extensionPath, new RegExp(`${extensionId.replace('.', '\\.')}-\\d+\\.\\d+\\.\\d+$`));
        }
        else {
            assert.equal((0, node_path_1.resolve)(ext.extensionPath), projectRoot);
        }
    });
    test(`${extensionId} activates in a Node extension host`, async function () {
        const ext = ourExtension();
        // A test that cannot run is a failure: the bundle must have been built before the host run.
        assert.ok(mainScriptExists(ext), `${ext.packageJSON.main} is not built (npm run build)`);
        const wasActive = ext.isActive;
        const started = node_perf_hooks_1.performance.now();
        // activate() rejects when activation threw (isActive alone is true even after a failed activation).
        const api = await ext.activate();
        const elapsed = node_perf_hooks_1.performance.now() - started;
        assert.equal(ext.isActive, true);
        const ownMs = api?.activationMs;
        const own = typeof ownMs === 'number' ? `, activate() body ${ownMs.toFixed(0)} ms as measured by the extension` : '';
        assert.equal(ext.extensionKind, vscode.ExtensionKind.Workspace);
        assert.ok(process.versions.node.startsWith('20.'), `extension host runs Node ${process.versions.node}`);
        console.log(wasActive
            ? `      smoke activation: already active when this test ran (activation events or an earlier suite)${own}`
            : `      smoke activation: ${elapsed.toFixed(0)} ms for ext.activate() (load + activate)${own}; VS Code ${vscode.version}, Node ${process.versions.node}`);
    });
    test('the fixture workspace is open and trusted', () => {
        const folders = vscode.workspace.workspaceFolders ?? [];
        assert.equal(folders.length, 1);
        assert.equal(folders[0].uri.scheme, 'file');
        assert.ok((0, node_fs_1.existsSync)((0, node_path_1.join)(folders[0].uri.fsPath, 'README.md')), 'fixture README.md missing');
        assert.equal(vscode.workspace.isTrusted, true);
    });
    test('[restricted] the workspace opens untrusted and the manifest trust capability is honoured', async () => {
        assert.equal(vscode.workspace.isTrusted, false);
        await ui_1.ui.waitFor(`${ui_1.Selectors.restrictedModeIndicator} >> text=Restricted Mode`);
        const loaded = vscode.extensions.getExtension(extensionId) !== undefined;
        if (process.env.HARNESS_MODE === 'vsix') {
            // Installed extensions run untrusted only if capabilities.untrustedWorkspaces.supported says so.
            const supported = manifest.capabilities?.untrustedWorkspaces?.supported;
            assert.equal(loaded, supported === true || supported === 'limited', `supported=${String(supported)} loaded=${loaded}`);
        }
        else {
            // VS Code exempts the extension under development from trust, so it always loads here.
            assert.equal(loaded, true);
        }
    });
});
suite('host harness smoke: DOM bridge', () => {
    teardown(async () => {
        await ui_1.ui.press('Escape');
    });
    test('a notification raised by the extension host appears as a toast', async () => {
        const nonce = `harness-probe-${Date.now()}`;
        void vscode.window.showInformationMessage(nonce);
        await ui_1.ui.waitFor(`${ui_1.Selectors.notificationToast} >> text=${nonce}`);
        const toasts = await ui_1.ui.texts(ui_1.Selectors.notificationToast);
        assert.ok(toasts.some((t) => t.includes(nonce)), JSON.stringify(toasts));
    });
    test('a status bar item created by the extension host is rendered and clickable', async () => {
        const nonce = `harness-status-${Date.now()}`;
        const commandId = `harness.smoke.${Date.now()}`;
        let clicked;
        const wasClicked = new Promise((r) => { clicked = r; });
        const command = vscode.commands.registerCommand(commandId, () => clicked());
        const item = vscode.window.createStatusBarItem('harness.smoke', vscode.StatusBarAlignment.Left, 1000);
        try {
            item.text = `$(shield) ${nonce}`;
            item.command = commandId;
            item.show();
            await ui_1.ui.waitFor(`${ui_1.Selectors.statusBarItem} >> text=${nonce}`);
            await ui_1.ui.click(`${ui_1.Selectors.statusBarItem} >> text=${nonce}`);
            await wasClicked;
        }
        finally {
            item.dispose();
            command.dispose();
        }
    });
    test('right-clicking an explorer row opens its context menu', async () => {
        await vscode.commands.executeCommand('workbench.view.explorer');
        await ui_1.ui.click(`${ui_1.Selectors.explorerRow} >> text=README.md`, { button: 'right' });
        await ui_1.ui.waitFor(ui_1.Selectors.contextMenuLabel);
        const labels = (await ui_1.ui.texts(ui_1.Selectors.contextMenuLabel)).filter(Boolean);
        assert.ok(labels.includes('Copy Path'), JSON.stringify(labels));
    });
    test('hovering editor text shows a hover provided by the extension host', async () => {
        const nonce = `harness-hover-${Date.now()}`;
        // An untitled plain-text document: no language extension to wake up, so the hover comes quickly.
        const provider = vscode.languages.registerHoverProvider({ scheme: 'untitled', language: 'plaintext' }, {
            provideHover: () => new vscode.Hover(new vscode.MarkdownString(`**${nonce}**`)),
        });
        try {
            const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'hover probe line\n' });
            await vscode.window.showTextDocument(document);
            await ui_1.ui.hover(ui_1.Selectors.editorText('probe'));
            await ui_1.ui.waitFor(`${ui_1.Selectors.hover} >> text=${nonce}`);
        }
        finally {
            provider.dispose();
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        }
    });
});
//# sourceMappingURL=smoke.test.js.map