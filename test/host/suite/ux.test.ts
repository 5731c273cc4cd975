/**
 * Issue 10's editor experience in a real VS Code host against the in-process emulator: the rendered details page
 * (validity bar, one panel per file, DER, live updates, buttons), the Certificates view in its own activity-bar
 * container with a badge and CA groups, Revoke asking which certificate and not revoking on Enter, and no Renew
 * for a certificate known to be revoked.
 */
import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CERTIFICATES_VIEW_ID, CommandId } from '../../../src/constants';
import type { KymaCertApi } from '../../../src/extension';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { Selectors, ui, uiAvailable } from './ui';
import { STATUS_ITEM, closeSuiteFolder, openSuiteFolder, waitForEntry, workspaceDir, writeClientCertificate } from './kymaWorkspace';

/** The details page inside VS Code's two nested webview iframes (Playwright's frame-entering selector). */
const inWebview = (selector: string): string =>
  `iframe.webview.ready >> internal:control=enter-frame >> iframe#active-frame >> internal:control=enter-frame >> ${selector}`;
const editorTab = (label: string): string => `.tabs-container .tab:has-text("${label}")`;
const CENTER_MESSAGE = '.notifications-center .notification-list-item-message';

/** Resolves once the details panel of `file` got HTML satisfying `predicate` (checked now and on every render). */
function waitForDetails(api: KymaCertApi, file: string, predicate: (html: string) => boolean, timeoutMs = 20000): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const html = api.detailsPanels.htmlOf(file);
      if (html === undefined || !predicate(html)) return;
      done();
      resolve(html);
    };
    const subscription = api.detailsPanels.onDidRender(check);
    const timer = setTimeout(() => {
      done();
      reject(new Error(`details of ${file} never matched; now: ${api.detailsPanels.htmlOf(file)?.slice(0, 300)}`));
    }, timeoutMs);
    const done = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** The outcome notifications, read in the notification center (a toast may or may not be drawn). */
async function notificationTexts(pattern: RegExp): Promise<string[]> {
  await vscode.commands.executeCommand('notifications.showList');
  try {
    await ui.waitFor(`${CENTER_MESSAGE} >> text=${pattern.toString()}`);
    return await ui.texts(CENTER_MESSAGE);
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

suite('Kyma certificates: editor experience', function () {
  let emulator: Emulator;
  let api: KymaCertApi;
  let dir: string;

  suiteSetup(async function () {
    this.timeout(60000);
    emulator = await startEmulator();
    ({ dir, api } = await openSuiteFolder('ux', emulator.serverCaFile));
  });

  suiteTeardown(async () => {
    await closeSuiteFolder(dir);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await emulator?.close();
  });

  teardown(async () => {
    if (uiAvailable()) await ui.press('Escape');
  });

  test('Show Certificate Details renders a page with the validity bar; one panel per file; DER works; it follows renewal; its Renew button renews', async function () {
    this.timeout(90000);
    const files = await writeClientCertificate(emulator, dir, 'details-app', { startedDaysAgo: 80, validDays: 92 });
    await waitForEntry(api, files.certFile, (e) => e?.key.status === 'match');
    const uri = vscode.Uri.file(files.certFile);
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>(CommandId.showCertificateDetails, uri))?.fsPath, files.certFile);
    const html = await waitForDetails(api, files.certFile, (h) => h.includes('class="bar"'));
    // 80 of 92 days used; the thresholds' marks and the chain with the CA file.
    assert.match(html, /\.used \{ width: 8[67]\.\d%; \}/);
    assert.match(html, /\.mark\.warning \{ left: \d+\.\d%; \}/);
    assert.match(html, /details-app-ca\.crt|details-app\.crt/);
    assert.match(html, /Management info URL/);
    // Rendered in the real webview (theme-aware page, script allowed by its CSP: the buttons are live).
    await ui.waitFor(inWebview('.bar .used'));
    await ui.waitFor(inWebview('h1 >> text=details-app'));
    assert.equal(await ui.count(inWebview('button[data-action="renew"]:not([disabled])')), 1);

    // Asking again reveals the same panel instead of opening a second one.
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await vscode.commands.executeCommand(CommandId.showCertificateDetails, uri);
    assert.equal(await ui.count(editorTab('details-app.crt (details)')), 1);
    assert.deepEqual(
      api.detailsPanels.openFiles().filter((f) => f === files.certFile),
      [files.certFile],
    );

    // A binary DER copy gets its own page.
    const derFile = join(dir, 'details-app-copy.der');
    await writeFile(derFile, new X509Certificate(await readFile(files.certFile)).raw);
    await vscode.commands.executeCommand(CommandId.showCertificateDetails, vscode.Uri.file(derFile));
    const der = await waitForDetails(api, derFile, (h) => h.includes('class="bar"'));
    assert.match(der, /class="badge">DER</);
    assert.match(der, /CN=details-app/);

    // The page's Renew button posts to the extension, which renews; the open page then shows the new certificate.
    await vscode.commands.executeCommand(CommandId.showCertificateDetails, uri);
    await ui.waitFor(inWebview('h1 >> text=details-app'));
    await ui.click(inWebview('button[data-action="renew"]'));
    await waitForEntry(api, files.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== files.sha256Hex, 45000);
    await waitForDetails(api, files.certFile, (h) => /\.used \{ width: [01]\.\d%; \}/.test(h) && /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/.test(h));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await rm(derFile, { force: true });
  });

  test('the Certificates view has its own activity-bar container with a badge; a CA shows once, over the certificates it issued', async function () {
    this.timeout(60000);
    const soon = await writeClientCertificate(emulator, dir, 'group-soon', { startedDaysAgo: 88, validDays: 92 });
    const fine = await writeClientCertificate(emulator, dir, 'group-fine', { startedDaysAgo: 1, validDays: 92 });
    // Two -ca.crt files holding the same CA (what two token requests leave behind).
    for (const name of ['group-soon', 'group-fine']) await writeFile(join(dir, `${name}-ca.crt`), emulator.clientCaPem);
    for (const f of [soon, fine]) await waitForEntry(api, f.certFile, (e) => e?.caFile !== undefined);
    await waitForEntry(api, join(dir, 'group-fine-ca.crt'), (e) => e !== undefined);

    const caName = new X509Certificate(emulator.clientCaPem).subject.match(/CN=(.*)/)?.[1];
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
    await ui.waitFor(container);
    await ui.waitFor(`${container} .badge-content >> text="${needing}"`);

    // Opening the view shows it in that container (the side bar's title), with the CA row over its certificates.
    await vscode.commands.executeCommand(`${CERTIFICATES_VIEW_ID}.focus`);
    await ui.waitFor('.sidebar .composite.title >> text=/Kyma Certificates/i');
    const row = (label: string): string => `.sidebar .pane-body .monaco-list-row:has-text("${label}")`;
    await ui.waitFor(row('group-soon'));
    assert.equal(await ui.count(`.sidebar .pane-body .monaco-list-row[aria-level="1"]:has-text("${caName}")`), 1);
    assert.equal(await ui.count(`${row('group-soon')}[aria-level="2"]`), 1);
  });

  test('Revoke from the palette asks which certificate (the active one first) and Enter on its dialog revokes nothing', async function () {
    this.timeout(60000);
    const first = await writeClientCertificate(emulator, dir, 'ask-one', { startedDaysAgo: 2, validDays: 92 });
    const second = await writeClientCertificate(emulator, dir, 'ask-two', { startedDaysAgo: 3, validDays: 92 });
    for (const f of [first, second]) await waitForEntry(api, f.certFile, (e) => e?.key.status === 'match');
    const before = await readFile(second.connectionFile);

    // With ask-two open in the editor, the palette command still asks, and offers ask-two first.
    await vscode.window.showTextDocument(vscode.Uri.file(second.certFile), { preview: false });
    const asked = vscode.commands.executeCommand(CommandId.revokeCertificate);
    await ui.waitFor(`${Selectors.quickInputRow} >> text=/ask-one/`);
    const rows = await ui.texts(Selectors.quickInputRow);
    assert.match(rows[0], /ask-two.*active editor/, JSON.stringify(rows));
    assert.match(await ui.html(`${Selectors.quickInputRow}.focused`), /ask-two/);
    await ui.press('Escape');
    assert.equal(await asked, 'cancelled');

    // The confirmation dialog. The test window refuses modal dialogs, so this part runs in a second window of the
    // same server, as a user would: palette → Revoke Certificate → pick ask-two → Enter on the dialog.
    const window = await ui.openWindow(workspaceDir());
    const win = ui.inWindow(window);
    try {
      await win.waitFor(`${STATUS_ITEM} >> text=/·/`, { timeout: 60000 }); // the extension is active there
      await win.press('F1');
      await win.waitFor(Selectors.quickInput);
      await win.type('Kyma Certificates: Revoke Certificate');
      await win.waitFor(`${Selectors.quickInputRow}.focused >> text=/Revoke Certificate/`);
      await win.press('Enter');
      await win.waitFor(`${Selectors.quickInputRow} >> text=/ask-two/`);
      await win.type('ask-two');
      await win.waitFor(`${Selectors.quickInputRow}.focused >> text=/ask-two/`);
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
    } finally {
      await ui.closeWindow(window);
    }
    assert.equal(emulator.isRevoked(second.sha256Hex), false, 'Enter revoked the certificate');
    assert.deepEqual(await readFile(second.connectionFile), before, 'the remembered connection changed');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a revoked certificate: no Renew in menus, hover or status bar; renewing it says "revoked" once and offers a new certificate', async function () {
    this.timeout(60000);
    const files = await writeClientCertificate(emulator, dir, 'gone-app', { startedDaysAgo: 2, validDays: 92 });
    const uri = vscode.Uri.file(files.certFile);
    await waitForEntry(api, files.certFile, (e) => e?.key.status === 'match');
    assert.equal(await vscode.commands.executeCommand(CommandId.revokeCertificate, uri, { confirm: true }), 'done');
    await waitForEntry(api, files.certFile, (e) => e?.revoked === true);

    // Explorer context menu: Show Details yes, Renew no.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('revealInExplorer', uri);
    await ui.click(`${Selectors.explorerRow} >> text="gone-app.crt"`, { button: 'right' });
    await ui.waitFor(`${Selectors.contextMenuLabel} >> text="Show Certificate Details"`);
    assert.ok(!(await ui.texts(Selectors.contextMenuLabel)).includes('Renew Certificate'));
    await ui.press('Escape');

    // Status bar with the file open: revoked, and a click shows details instead of renewing.
    await vscode.window.showTextDocument(uri, { preview: false });
    await ui.waitFor(`${STATUS_ITEM} >> text=/gone-app · revoked/`);
    await ui.click(STATUS_ITEM);
    await waitForDetails(api, files.certFile, (h) => /data-action="renew" disabled/.test(h) && /class="status error">revoked</.test(h));

    await vscode.commands.executeCommand('notifications.clearAll');
    assert.equal(await vscode.commands.executeCommand(CommandId.renewCertificate, uri), 'refused');
    const texts = await notificationTexts(/gone-app was revoked/);
    const message = texts.find((t) => t.includes('gone-app was revoked'))!;
    assert.equal(message.match(/revoked/g)?.length, 1, message);
    await vscode.commands.executeCommand('notifications.showList');
    try {
      await ui.waitFor('.notifications-center .monaco-button >> text="Request Certificate with Token…"');
    } finally {
      await vscode.commands.executeCommand('notifications.hideList');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test("Request Certificate with Token suggests the application's name as the file name", async function () {
    this.timeout(60000);
    const outDir = join(dir, 'named');
    const { url } = emulator.mintToken('orders-service');
    const requested = vscode.commands.executeCommand(CommandId.requestCertificateWithToken, { tokenUrl: url, outDir });
    // Asked once the token told the application's name; Enter takes the suggestion.
    await ui.waitFor(`${Selectors.quickInput} >> text=/File name for the new certificate of orders-service/`);
    await ui.press('Enter');
    assert.equal(await requested, 'done');
    await waitForEntry(api, join(outDir, 'orders-service.crt'), (e) => e?.key.status === 'match');
  });

  test('the view still lists certificates when a bundle holds its CA first', async function () {
    this.timeout(60000);
    const plain = await writeClientCertificate(emulator, dir, 'bundle-neighbour', { startedDaysAgo: 5, validDays: 92 });
    const chained = await emulator.issueClientCertificate({
      application: 'bundle-app',
      notBefore: new Date(Date.now() - 5 * 86_400_000),
      validityMs: 92 * 86_400_000,
    });
    const bundle = join(dir, 'bundle-app-chain.pem');
    await writeFile(bundle, `${emulator.clientCaPem.trim()}\n${chained.certPem}`);
    await waitForEntry(api, plain.certFile, (e) => e !== undefined);
    await waitForEntry(api, bundle, (e) => e !== undefined);
    await vscode.commands.executeCommand(`${CERTIFICATES_VIEW_ID}.focus`);
    await ui.waitFor('.sidebar .pane-body .monaco-list-row:has-text("bundle-neighbour")');
    await rm(bundle, { force: true });
  });
});
