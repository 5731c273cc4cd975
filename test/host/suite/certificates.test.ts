/**
 * The editor features against a real VS Code host and the in-process Connector Service emulator: index,
 * status bar, hover, explorer context menu, renewal (success and injected failure) and Restricted Mode.
 * Certificates and keys are issued at suite setup into the open workspace folder.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import * as vscode from 'vscode';
import { CommandId } from '../../../src/constants';
import type { KymaCertApi } from '../../../src/extension';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { Selectors, ui, uiAvailable } from './ui';
import {
  ClientCertificateFiles,
  DAY_MS,
  STATUS_ITEM,
  activateExtension,
  removeFiles,
  snapshotDir,
  waitForEntry,
  workspaceDir,
  writeClientCertificate,
} from './kymaWorkspace';

async function setCaFileSetting(file: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('kymaCert').update('caFile', file, vscode.ConfigurationTarget.Global);
}

const CENTER_MESSAGE = '.notifications-center .notification-list-item-message';

suite('Kyma certificates in the editor', function () {
  let emulator: Emulator;
  let api: KymaCertApi;
  let certsDir: string;
  let expiring: ClientCertificateFiles;
  let activatedBySuite: boolean;
  let certificateAtStartup: boolean;

  suiteSetup(async function () {
    this.timeout(60000);
    emulator = await startEmulator();
    certsDir = join(workspaceDir(), 'certs');
    // The runner's `with-certificate` fixture opens the window with certs/app.crt present; `plain` has none.
    certificateAtStartup = existsSync(join(certsDir, 'app.crt'));
    // Started 80 of 92 days ago: 12 days left, inside the 30-day warning window, outside the 7-day error window.
    expiring = await writeClientCertificate(emulator, certsDir, 'expiring-app', { startedDaysAgo: 80, validDays: 92 });
    await writeFile(join(certsDir, 'notes.txt'), 'not a certificate\n');
    await setCaFileSetting(emulator.serverCaFile);
    assert.equal(vscode.workspace.getConfiguration('kymaCert').get('caFile'), emulator.serverCaFile, 'kymaCert.caFile not applied');
    const activation = await activateExtension();
    api = activation.api;
    activatedBySuite = activation.activatedNow;
    console.log(
      `      activation: ${activation.ms.toFixed(1)} ms inside activate() (${activation.activatedNow ? 'activated by the suite' : 'already active'})`,
    );
  });

  suiteTeardown(async () => {
    await setCaFileSetting(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emulator?.close();
  });

  teardown(async () => {
    if (uiAvailable()) await ui.press('Escape');
  });

  test('activation: by workspaceContains when the folder opened with a certificate, else on demand', function () {
    if (certificateAtStartup) assert.equal(activatedBySuite, false, 'a certificate in the workspace must activate the extension');
    else assert.equal(activatedBySuite, true, 'nothing in a folder without certificates may activate the extension');
    // A generous bound (loaded CI machines): it guards against activation starting to wait for the scan or the network.
    assert.ok(api.activationMs < 1000, `activate() took ${api.activationMs} ms`);
  });

  test('the index finds the certificate in the workspace and pairs it with its key and connection', async () => {
    const entry = await waitForEntry(api, expiring.certFile, (e) => e !== undefined);
    assert.ok(entry);
    assert.equal(entry.certificates[0].facts.commonName, 'expiring-app');
    assert.equal(entry.key.status, 'match');
    assert.equal(entry.key.file, expiring.keyFile);
    assert.equal(entry.connection?.infoUrl, emulator.infoUrl);
    assert.equal(entry.revoked, false);
    assert.equal(api.index.get(join(certsDir, 'notes.txt')), undefined);
  });

  test('status bar: an expiring certificate shows its days left on a warning background', async function () {
    await ui.waitFor(`${STATUS_ITEM} >> text=/expiring-app · 12d/`);
    assert.match(await ui.html(STATUS_ITEM), /warning-kind/);
  });

  test('status bar: an expired certificate takes over, on an error background', async function () {
    const expired = await writeClientCertificate(emulator, certsDir, 'expired-app', { startedDaysAgo: 100, validDays: 92 });
    try {
      await waitForEntry(api, expired.certFile, (e) => e !== undefined);
      await ui.waitFor(`${STATUS_ITEM} >> text=/expired-app · expired/`);
      const html = await ui.html(STATUS_ITEM);
      assert.match(html, /error-kind/);
      assert.doesNotMatch(html, /warning-kind/);
    } finally {
      await removeFiles(expired.certFile, expired.keyFile, expired.connectionFile);
    }
    await waitForEntry(api, expired.certFile, (e) => e === undefined);
    await ui.waitFor(`${STATUS_ITEM} >> text=/expiring-app/`);
  });

  test('hover on a PEM block shows subject, validity, fingerprint, key and a Renew link', async function () {
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(expiring.certFile));
    editor.selection = new vscode.Selection(3, 4, 3, 4); // inside the base64 body
    await vscode.commands.executeCommand('editor.action.showHover');
    await ui.waitFor(`${Selectors.hover} >> text=/expiring-app/`);
    const text = (await ui.texts(Selectors.hover)).join('\n');
    const facts = api.index.get(expiring.certFile)!.certificates[0].facts;
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
    const labelsFor = async (file: string): Promise<string[]> => {
      await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file));
      await ui.click(`${Selectors.explorerRow} >> text="${file.split('/').pop()}"`, { button: 'right' });
      await ui.waitFor(Selectors.contextMenuLabel);
      const labels = (await ui.texts(Selectors.contextMenuLabel)).filter(Boolean);
      await ui.press('Escape');
      await ui.waitFor(Selectors.contextMenuLabel, { state: 'detached' });
      return labels;
    };
    const onCertificate = await labelsFor(expiring.certFile);
    assert.ok(onCertificate.includes('Renew Certificate'), JSON.stringify(onCertificate));
    assert.ok(onCertificate.includes('Show Certificate Details'), JSON.stringify(onCertificate));
    const onText = await labelsFor(join(certsDir, 'notes.txt'));
    assert.ok(onText.includes('Copy Path'), `not the context menu of notes.txt: ${JSON.stringify(onText)}`);
    assert.ok(!onText.includes('Renew Certificate'), JSON.stringify(onText));
  });

  test('Renew Certificate from the explorer context menu renews against the emulator; the status bar follows', async function () {
    this.timeout(60000);
    const before = await readFile(expiring.certFile);
    const keyBefore = await readFile(expiring.keyFile);
    // With the certificate open, the status bar shows it whatever else the workspace holds.
    await vscode.window.showTextDocument(vscode.Uri.file(expiring.certFile), { preview: false });
    await ui.waitFor(`${STATUS_ITEM} >> text=/expiring-app · 12d/`);
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(expiring.certFile));
    await ui.click(`${Selectors.explorerRow} >> text="expiring-app.crt"`, { button: 'right' });
    // The menu fades in and may ignore a click that comes too early: hover until the entry takes focus, then click.
    await ui.hover(`${Selectors.contextMenuLabel} >> text="Renew Certificate"`);
    await ui.waitFor('.context-view .monaco-menu .action-item.focused >> text="Renew Certificate"');
    await ui.click(`${Selectors.contextMenuLabel} >> text="Renew Certificate"`);

    // The outcome notification says whether the command ran and how it ended (a failure shows its reason here).
    // Read in the notification center: whether VS Code also draws a toast depends on what came before.
    await vscode.commands.executeCommand('notifications.showList');
    let outcome: string[];
    try {
      await ui.waitFor(`${CENTER_MESSAGE} >> text=/Renewed expiring-app|Renewing expiring-app failed/`, { timeout: 45000 });
      outcome = await ui.texts(CENTER_MESSAGE);
    } finally {
      await vscode.commands.executeCommand('notifications.hideList');
    }
    assert.ok(
      outcome.some((t) => t.includes('Renewed expiring-app')),
      `renewal did not succeed: ${JSON.stringify(outcome)}`,
    );
    const renewed = await waitForEntry(api, expiring.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== expiring.sha256Hex);
    // A certificate the emulator just issued: 92 days minus the seconds since, shown (rounded) as 92d.
    await ui.waitFor(`${STATUS_ITEM} >> text=/expiring-app · 92d/`);
    assert.doesNotMatch(await ui.html(STATUS_ITEM), /warning-kind|error-kind/);

    const after = await readFile(expiring.certFile);
    assert.notDeepEqual(after, before);
    const certificate = new X509Certificate(after);
    assert.ok(new Date(certificate.validTo).getTime() - Date.now() > 90 * DAY_MS, certificate.validTo);
    assert.deepEqual(await readFile(expiring.keyFile), keyBefore, 'renewal must keep the key');
    assert.equal(renewed?.key.status, 'match');
    expiring.sha256Hex = renewed!.certificates[0].facts.sha256Hex;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a failed renewal (injected server fault) shows an error and leaves every file byte-identical', async function () {
    this.timeout(60000);
    const before = await snapshotDir(certsDir);
    emulator.injectFault({ endpoint: 'renewals', kind: 'status', status: 500, message: 'Injected failure.' });
    const outcome = await vscode.commands.executeCommand(CommandId.renewCertificate, vscode.Uri.file(expiring.certFile));
    assert.equal(outcome, 'failed');
    await ui.waitFor(`${Selectors.notificationToast} >> text=/Renewing expiring-app failed/`);
    const after = await snapshotDir(certsDir);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
    for (const [file, bytes] of before) assert.ok(after.get(file)?.equals(bytes), `${file} changed`);
  });
});

suite('Kyma certificates in Restricted Mode', function () {
  let emulator: Emulator;
  let api: KymaCertApi;
  let files: ClientCertificateFiles;

  suiteSetup(async function () {
    this.timeout(60000);
    emulator = await startEmulator();
    files = await writeClientCertificate(emulator, join(workspaceDir(), 'restricted'), 'untrusted-app', { startedDaysAgo: 80, validDays: 92 });
    await setCaFileSetting(emulator.serverCaFile);
    api = (await activateExtension()).api;
  });

  suiteTeardown(async () => {
    await setCaFileSetting(undefined);
    await emulator?.close();
  });

  test('[restricted] certificates are shown, renewal is refused with the reason and nothing changes', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await waitForEntry(api, files.certFile, (e) => e !== undefined);
    await ui.waitFor(`${STATUS_ITEM} >> text=/untrusted-app · 12d/`);
    const before = await snapshotDir(join(workspaceDir(), 'restricted'));
    const outcome = await vscode.commands.executeCommand(CommandId.renewCertificate, vscode.Uri.file(files.certFile));
    assert.equal(outcome, 'refused');
    await ui.waitFor(`${Selectors.notificationToast} >> text=/disabled in Restricted Mode/`);
    const after = await snapshotDir(join(workspaceDir(), 'restricted'));
    for (const [file, bytes] of before) assert.ok(after.get(file)?.equals(bytes), `${file} changed`);
    assert.equal(after.size, before.size);
  });
});
