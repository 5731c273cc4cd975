/**
 * The README screenshots, taken in the real host (code-server + headless Chromium, viewport 1280×800) against the
 * in-process emulator. Run by `npm run screenshots`, never by `npm test`: it writes media/screenshots/*.png (or
 * into $SCREENSHOTS_OUT_DIR when set). Each shot waits on the UI state it shows, captures the page and crops it
 * to the region the README needs.
 */
import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { CERTIFICATES_VIEW_ID } from '../../../src/constants';
import type { KymaCertApi } from '../../../src/extension';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import {
  DAY_MS,
  STATUS_ITEM,
  activateExtension,
  waitForEntry,
  workspaceDir,
  writeClientCertificate,
  type ClientCertificateFiles,
} from '../suite/kymaWorkspace';
import { Selectors, ui, uiAvailable } from '../suite/ui';
import { cropPng, pngSize, type Rect } from './png';

/** out/test/host/screenshots → the repository's media/screenshots. */
const OUT_DIR = process.env.SCREENSHOTS_OUT_DIR || resolve(__dirname, '../../../../media/screenshots');
/** README images stay small enough to load quickly on GitHub. */
const MAX_BYTES = 250 * 1024;

const explorerRow = (name: string): string => `${Selectors.explorerRow} >> text="${name}"`;
const viewRow = (label: string): string => `.pane-body .monaco-list-row[aria-level="2"]:has-text("${label}")`;
const statusText = (pattern: string): string => `${STATUS_ITEM} >> text=/${pattern}/`;

/** Inside VS Code's two nested webview iframes (Playwright's frame-entering selector). */
const DETAILS_FRAME = 'iframe.webview.ready >> internal:control=enter-frame >> iframe#active-frame >> internal:control=enter-frame';

/** Resolves once the details panel of `file` has rendered. */
function waitForDetailsPage(api: KymaCertApi, file: string): Promise<void> {
  return new Promise((resolvePromise) => {
    if (api.detailsPanels.htmlOf(file)) return resolvePromise();
    const subscription = api.detailsPanels.onDidRender((rendered) => {
      if (rendered !== file) return;
      subscription.dispose();
      resolvePromise();
    });
  });
}

const taken: { name: string; bytes: number; width: number; height: number; ms: number }[] = [];

/**
 * Captures the page, crops it to `clip` and writes `<OUT_DIR>/<name>` once two captures in a row are identical:
 * hovers fade in and toasts slide in, and the PNG must show where they end, not a frame on the way.
 */
async function capture(name: string, clip: Rect, startedAt: number): Promise<void> {
  const scratch = join(tmpdir(), `page-${name}`);
  let previous: Buffer | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    const png = cropPng(await readFile(await ui.screenshot(scratch)), clip);
    if (previous?.equals(png)) {
      await rm(scratch, { force: true });
      await mkdir(OUT_DIR, { recursive: true });
      await writeFile(join(OUT_DIR, name), png);
      taken.push({ name, bytes: png.length, ...pngSize(png), ms: Date.now() - startedAt });
      assert.ok(png.length < MAX_BYTES, `${name} is ${png.length} bytes`);
      return;
    }
    previous = png;
  }
  assert.fail(`${name}: the page never stopped changing`);
}

async function setSetting(key: string, value: unknown, section = 'kymaCert'): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

/** Moves the mouse off whatever it hovered and waits until no hover is left. */
async function dismissHover(): Promise<void> {
  await ui.hover('.part.editor');
  await ui.press('Escape');
  await ui.waitFor(Selectors.hover, { state: 'hidden' });
}

suite('README screenshots', function () {
  let emulator: Emulator;
  let api: KymaCertApi;
  let certsDir: string;
  let myApp: ClientCertificateFiles;
  let started: number;
  const suiteStarted = Date.now();

  suiteSetup(async function () {
    assert.ok(uiAvailable(), 'run by test/host/runner.mjs (npm run screenshots)');
    emulator = await startEmulator();
    certsDir = join(workspaceDir(), 'certs');
    // 5 days left, inside the 7-day error window.
    myApp = await writeClientCertificate(emulator, certsDir, 'my-app', { startedDaysAgo: 87, validDays: 92 });
    await setSetting('caFile', emulator.serverCaFile);
    // A blinking cursor would keep every frame different (see capture).
    await setSetting('cursorBlinking', 'solid', 'editor');
    api = (await activateExtension()).api;
    await waitForEntry(api, myApp.certFile, (e) => e?.key.status === 'match');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(myApp.certFile));
  });

  suiteTeardown(async () => {
    await setSetting('caFile', undefined);
    await setSetting('cursorBlinking', undefined, 'editor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emulator?.close();
    const total = ((Date.now() - suiteStarted) / 1000).toFixed(1);
    for (const t of taken) console.log(`      ${t.name}: ${t.width}×${t.height}, ${(t.bytes / 1024).toFixed(0)} KB, ${t.ms} ms`);
    console.log(`      ${taken.length} screenshots in ${total} s (suite) → ${OUT_DIR}`);
  });

  setup(() => {
    started = Date.now();
  });

  test('statusbar-warning.png: the status bar item of a certificate expiring in 5 days, with its tooltip', async () => {
    await ui.waitFor(statusText('my-app · 5d'));
    assert.match(await ui.html(STATUS_ITEM), /error-kind|warning-kind/);
    await ui.hover(STATUS_ITEM);
    await ui.waitFor(`${Selectors.hover} >> text=/SHA.256/`);
    await ui.waitFor(`${Selectors.hover} >> text=Show Details`);
    await capture('statusbar-warning.png', { x: 0, y: 470, width: 620, height: 330 }, started);
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
    await ui.waitFor(`${Selectors.hover} >> text=/CN=my.app/`);
    await ui.waitFor(`${Selectors.hover} >> text=Show Details`);
    await capture('hover.png', { x: 48, y: 35, width: 900, height: 400 }, started);
    await ui.press('Escape');
    await ui.waitFor(Selectors.hover, { state: 'hidden' });
    await setSetting('fontSize', undefined, 'editor');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  test('context-menu.png: the explorer context menu of a .crt file', async () => {
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(myApp.certFile));
    await ui.click(explorerRow('my-app.crt'), { button: 'right' });
    await ui.waitFor(`${Selectors.contextMenuLabel} >> text="Renew Certificate"`);
    await ui.waitFor(`${Selectors.contextMenuLabel} >> text="Show Certificate Details"`);
    await capture('context-menu.png', { x: 0, y: 35, width: 520, height: 610 }, started);
  });

  test('renewed.png: Renew from that menu: the success notification and the new days in the status bar', async () => {
    await ui.click(`${Selectors.contextMenuLabel} >> text="Renew Certificate"`);
    await ui.waitFor(`${Selectors.notificationToast} >> text=/Renewed my-app/`, { timeout: 45000 });
    await waitForEntry(api, myApp.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== myApp.sha256Hex);
    await ui.waitFor(statusText('my-app · 92d'));
    await ui.waitFor(`${Selectors.notificationToast}.notification-fade-in-done >> text=/Renewed my-app/`);
    await capture('renewed.png', { x: 0, y: 560, width: 1280, height: 240 }, started);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('problems.png: the Problems panel with entries at PEM blocks (expired, bundle order)', async () => {
    const others = [
      await writeClientCertificate(emulator, certsDir, 'legacy-gateway', { startedDaysAgo: 100, validDays: 92 }),
      await writeClientCertificate(emulator, certsDir, 'billing-export', { startedDaysAgo: 89, validDays: 92 }),
      await writeClientCertificate(emulator, certsDir, 'inventory-sync', { startedDaysAgo: 72, validDays: 92 }),
      await writeClientCertificate(emulator, certsDir, 'orders-service', { startedDaysAgo: 10, validDays: 92 }),
    ];
    // A chain file with the CA first: the client certificate must come first.
    const chained = await emulator.issueClientCertificate({
      application: 'payments-api',
      notBefore: new Date(Date.now() - 70 * DAY_MS),
      validityMs: 92 * DAY_MS,
    });
    const chainFile = join(certsDir, 'payments-api-chain.pem');
    await writeFile(chainFile, `${emulator.clientCaPem.trim()}\n${chained.certPem}`);
    // The CA file a token request leaves next to a certificate: the details page shows the chain with both files.
    await writeFile(join(certsDir, 'inventory-sync-ca.crt'), emulator.clientCaPem);
    for (const f of others) await waitForEntry(api, f.certFile, (e) => e?.key.status === 'match');
    await waitForEntry(api, join(certsDir, 'inventory-sync.crt'), (e) => e?.caFile !== undefined);
    await waitForEntry(api, chainFile, (e) => e !== undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(vscode.Uri.file(join(certsDir, 'legacy-gateway.crt')), { preview: false });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await ui.waitFor('.markers-panel .monaco-list-row >> text=/expired 8 days ago/');
    await ui.waitFor('.markers-panel .monaco-list-row >> text=/CA certificate comes before/');
    // Focus back in the editor: no entry drawn as the keyboard-selected one.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await ui.waitFor('.part.editor .monaco-editor.focused');
    await capture('problems.png', { x: 348, y: 35, width: 932, height: 765 }, started);
  });

  test('view.png: the Kyma Certificates view in its activity-bar container, with its badge and CA group', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(`${CERTIFICATES_VIEW_ID}.focus`);
    // "Decrease Editor Width" (60 px a step) is what widens the sidebar.
    for (let step = 0; step < 3; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    for (const label of ['legacy-gateway', 'billing-export', 'inventory-sync', 'my-app', 'orders-service']) await ui.waitFor(viewRow(label));
    await ui.waitFor('.activitybar .action-item:has(.action-label[aria-label^="Kyma Certificates"]) .badge-content');
    // The selected row shows its inline actions (Renew, Show Details, Revoke). Clicking a row opens its details
    // beside the view; the mouse then leaves, so the row's tooltip does not cover the list.
    await ui.click(`${viewRow('inventory-sync')} .label-name`);
    // The details page took the focus; give it back to the list, whose selected row then shows its actions.
    await waitForDetailsPage(api, join(certsDir, 'inventory-sync.crt'));
    await vscode.commands.executeCommand(`${CERTIFICATES_VIEW_ID}.focus`);
    // Off the list, but not onto the details page's iframe (it takes the pointer).
    await ui.hover('.part.sidebar .composite.title');
    await ui.waitFor(Selectors.hover, { state: 'hidden' });
    await ui.waitFor(`.monaco-list-row.selected[aria-level="2"]:has-text("inventory-sync") .action-label[aria-label^="Renew Certificate"]`);
    await capture('view.png', { x: 0, y: 35, width: 580, height: 330 }, started);
  });

  test('details.png: the details page of a certificate in its warning window (validity bar, chain, buttons)', async () => {
    // Opened by the click on the view row above.
    const file = join(certsDir, 'inventory-sync.crt');
    await waitForDetailsPage(api, file);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await ui.waitFor(`${DETAILS_FRAME} >> .bar .used`);
    await ui.waitFor(`${DETAILS_FRAME} >> h1 >> text=inventory-sync`);
    await capture('details.png', { x: 48, y: 35, width: 880, height: 690 }, started);
  });
});
