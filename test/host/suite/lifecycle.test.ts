/**
 * Issue 4 in a real VS Code host against the in-process emulator: Request Certificate with Token, the Certificates
 * view, Problems entries with quick fixes, Revoke, Restore Previous Certificate, opt-in auto-renew, and all of it
 * refused in Restricted Mode. Commands get their answers as arguments; the interactive path is the default.
 */
import * as assert from 'node:assert/strict';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CERTIFICATES_VIEW_ID, CommandId } from '../../../src/constants';
import type { KymaCertApi } from '../../../src/extension';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { listBackups } from '../../../src/lifecycle/backups';
import { ui, uiAvailable } from './ui';
import { DAY_MS, activateExtension, closeSuiteFolder, openSuiteFolder, waitForEntry, workspaceDir, writeClientCertificate } from './kymaWorkspace';

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('kymaCert').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * Changes a setting and resolves once VS Code announced the change: the extension's listener was registered at
 * activation, before this one, so it has run by then.
 */
async function setSettingAndWait(key: string, value: unknown): Promise<void> {
  const announced = new Promise<void>((resolvePromise) => {
    const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`kymaCert.${key}`)) return;
      subscription.dispose();
      resolvePromise();
    });
  });
  await setSetting(key, value);
  await announced;
}

/** Resolves with the diagnostics of `uri` once `predicate` holds, checking on every diagnostics change. */
function waitForDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 20000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolvePromise, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Kyma Certificates');
      if (!predicate(diagnostics)) return false;
      cleanup();
      resolvePromise(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.fsPath === uri.fsPath)) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `diagnostics of ${uri.fsPath} never matched; now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.code, d.message, d.range.start.line]))}`,
        ),
      );
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Titles of the quick fixes offered at `range` (the provider command needs the document open). */
async function quickFixTitles(uri: vscode.Uri, range: vscode.Range): Promise<string[]> {
  await vscode.workspace.openTextDocument(uri);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).map((a) => a.title);
}

suite('Kyma certificate lifecycle in the editor', function () {
  let emulator: Emulator;
  let api: KymaCertApi;
  let dir: string;

  suiteSetup(async function () {
    this.timeout(60000);
    emulator = await startEmulator();
    await setSetting('autoRenew.enabled', undefined);
    ({ dir, api } = await openSuiteFolder('lifecycle', emulator.serverCaFile));
  });

  suiteTeardown(async () => {
    await setSetting('autoRenew.enabled', undefined);
    await api?.autoRenew.whenIdle();
    await closeSuiteFolder(dir);
    // Leave the window as the next suites expect it: no panel, and the explorer short enough to show README.md.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    await emulator?.close();
  });

  teardown(async () => {
    if (uiAvailable()) await ui.press('Escape');
  });

  test('Request Certificate with Token writes key (0600), certificate, CA and connection; the view lists it', async function () {
    this.timeout(60000);
    const { url } = emulator.mintToken('token-app');
    const outcome = await vscode.commands.executeCommand(CommandId.requestCertificateWithToken, { tokenUrl: url, outDir: dir, name: 'token-app' });
    assert.equal(outcome, 'done');
    const certFile = join(dir, 'token-app.crt');
    assert.equal((await stat(join(dir, 'token-app.key'))).mode & 0o777, 0o600);
    assert.ok((await stat(join(dir, 'token-app-ca.crt'))).isFile());
    const connection = JSON.parse(await readFile(join(dir, 'token-app.kyma.json'), 'utf8')) as { infoUrl: string };
    assert.equal(connection.infoUrl, emulator.infoUrl);
    const entry = await waitForEntry(api, certFile, (e) => e?.key.status === 'match');
    assert.equal(entry?.certificates[0].facts.commonName, 'token-app');
    const row = api.certificatesView.rows().find((r) => r.file === certFile);
    assert.ok(row, 'the new certificate is not in the Certificates view');
    assert.equal(row.label, 'token-app');
    assert.match(row.description, /^9[12] days left · lifecycle\/token-app\.crt$/);
    // The token was used: asking again with it fails and writes nothing.
    const again = await vscode.commands.executeCommand(CommandId.requestCertificateWithToken, { tokenUrl: url, outDir: dir, name: 'token-app-2' });
    assert.equal(again, 'failed');
    await assert.rejects(stat(join(dir, 'token-app-2.key')));
  });

  test('the Certificates view lists certificates soonest expiry first, with actions by state', async function () {
    this.timeout(60000);
    const later = await writeClientCertificate(emulator, dir, 'view-later', { startedDaysAgo: 1, validDays: 92 });
    const soon = await writeClientCertificate(emulator, dir, 'view-soon', { startedDaysAgo: 85, validDays: 92 });
    const expired = await writeClientCertificate(emulator, dir, 'view-expired', { startedDaysAgo: 100, validDays: 92 });
    for (const f of [later, soon, expired]) await waitForEntry(api, f.certFile, (e) => e !== undefined);
    const rows = api.certificatesView.rows();
    // Grouped under their CA; within a group, soonest expiry first.
    for (const group of api.certificatesView.groups()) {
      const notAfter = group.rows.map((r) => api.index.get(r.file)!.certificates[0].facts.notAfter.getTime());
      assert.deepEqual(
        notAfter,
        [...notAfter].sort((a, b) => a - b),
        `rows under ${group.label} are not sorted by expiry`,
      );
    }
    const mine = rows.filter((r) => [later, soon, expired].some((f) => f.certFile === r.file));
    assert.deepEqual(
      mine.map((r) => r.label),
      ['view-expired', 'view-soon', 'view-later'],
    );
    assert.deepEqual(
      mine.map((r) => r.contextValue),
      ['kymaCert:client:needsToken', 'kymaCert:client:renewable:revocable', 'kymaCert:client:renewable:revocable'],
    );
    assert.deepEqual(
      mine.map((r) => r.icon.id),
      ['error', 'error', 'verified'],
    );

    await vscode.commands.executeCommand(`${CERTIFICATES_VIEW_ID}.focus`);
    const viewRow = (label: string): string => `.pane-body .monaco-list-row:has-text("${label}")`;
    await ui.waitFor(viewRow('view-soon'));
    // Inline actions follow the state: Renew on a renewable certificate, not on an expired one.
    await ui.hover(viewRow('view-soon'));
    assert.ok((await ui.count(`${viewRow('view-soon')} .action-label[aria-label^="Renew Certificate"]`)) > 0, 'no inline Renew on view-soon');
    await ui.hover(viewRow('view-expired'));
    assert.equal(await ui.count(`${viewRow('view-expired')} .action-label[aria-label^="Renew Certificate"]`), 0);
  });

  test('Problems: an expired certificate and a wrongly ordered bundle are reported at their PEM blocks, with quick fixes', async function () {
    this.timeout(60000);
    const issued = await emulator.issueClientCertificate({
      application: 'problem-expired',
      notBefore: new Date(Date.now() - 100 * DAY_MS),
      validityMs: 92 * DAY_MS,
    });
    const expiredFile = join(dir, 'problem-expired.crt');
    // Two lines before the block (as `openssl x509 -text`-style files have): the entry must point at line 2.
    await writeFile(expiredFile, `subject=CN=problem-expired\n\n${issued.certPem}`);
    const expiredUri = vscode.Uri.file(expiredFile);
    const [expiredDiagnostic] = await waitForDiagnostics(expiredUri, (d) => d.some((x) => x.code === 'expired'));
    assert.equal(expiredDiagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(expiredDiagnostic.range.start.line, 2);
    assert.match(expiredDiagnostic.message, /expired 8 days ago .*one-time token/);
    assert.ok((await quickFixTitles(expiredUri, expiredDiagnostic.range)).includes('Request Certificate with Token…'));

    const bundled = await emulator.issueClientCertificate({
      application: 'problem-bundle',
      notBefore: new Date(Date.now() - 80 * DAY_MS),
      validityMs: 92 * DAY_MS,
    });
    const bundleFile = join(dir, 'problem-bundle.crt');
    await writeFile(bundleFile, `${emulator.clientCaPem.trim()}\n${bundled.certPem}`);
    const bundleUri = vscode.Uri.file(bundleFile);
    const diagnostics = await waitForDiagnostics(bundleUri, (d) => d.some((x) => x.code === 'bundle-order') && d.some((x) => x.code === 'expiring'));
    const order = diagnostics.find((d) => d.code === 'bundle-order')!;
    const expiring = diagnostics.find((d) => d.code === 'expiring')!;
    assert.equal(order.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(order.range.start.line, 0);
    assert.equal(expiring.range.start.line, emulator.clientCaPem.trim().split('\n').length);
    assert.ok((await quickFixTitles(bundleUri, expiring.range)).includes('Renew Certificate'));

    await vscode.window.showTextDocument(expiredUri);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await ui.waitFor('.markers-panel .monaco-list-row >> text=/expired 8 days ago/');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('key hygiene: a key readable by others is a Problems entry whose quick fix makes it 0600', async function () {
    this.timeout(60000);
    const files = await writeClientCertificate(emulator, dir, 'hygiene-app', { startedDaysAgo: 1, validDays: 92 });
    await chmod(files.keyFile, 0o644);
    await waitForEntry(api, files.certFile, (e) => e?.key.status === 'match');
    const keyUri = vscode.Uri.file(files.keyFile);
    // The index re-reads on the certificate's change; the key's mode is checked on every index update.
    await api.index.refresh(vscode.Uri.file(files.certFile));
    const [problem] = await waitForDiagnostics(keyUri, (d) => d.some((x) => x.code === 'key-permissions'));
    assert.match(problem.message, /chmod 600 hygiene-app\.key/);
    await vscode.workspace.openTextDocument(keyUri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', keyUri, problem.range);
    const fix = actions?.find((a) => a.title.includes('chmod 600'));
    assert.ok(fix?.command, JSON.stringify(actions?.map((a) => a.title)));
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal((await stat(files.keyFile)).mode & 0o777, 0o600);
    await waitForDiagnostics(keyUri, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Revoke marks the certificate revoked everywhere; renewal is then refused and offers the token flow', async function () {
    this.timeout(60000);
    const files = await writeClientCertificate(emulator, dir, 'revoke-app', { startedDaysAgo: 1, validDays: 92 });
    const uri = vscode.Uri.file(files.certFile);
    await waitForEntry(api, files.certFile, (e) => e?.key.status === 'match');
    assert.equal(await vscode.commands.executeCommand(CommandId.revokeCertificate, uri, { confirm: true }), 'done');
    assert.ok(emulator.isRevoked(files.sha256Hex), 'the emulator did not get the revocation');
    await waitForEntry(api, files.certFile, (e) => e?.revoked === true);
    const row = api.certificatesView.rows().find((r) => r.file === files.certFile);
    assert.equal(row?.contextValue, 'kymaCert:client:needsToken');
    assert.match(row?.description ?? '', /^revoked/);
    await waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'revoked' && x.severity === vscode.DiagnosticSeverity.Error));

    // Earlier toasts (with buttons they never time out) would keep this one queued behind them.
    await vscode.commands.executeCommand('notifications.clearAll');
    // Known to be revoked: refused without asking the service.
    assert.equal(await vscode.commands.executeCommand(CommandId.renewCertificate, uri), 'refused');
    // Read it in the notification center: whether VS Code also draws a toast depends on what came before.
    await vscode.commands.executeCommand('notifications.showList');
    try {
      await ui.waitFor('.notifications-center .notification-list-item-message >> text=/revoke-app was revoked, so it cannot be renewed/');
      await ui.waitFor('.notifications-center .monaco-button >> text="Request Certificate with Token…"');
    } finally {
      await vscode.commands.executeCommand('notifications.hideList');
    }
  });

  test('Restore Previous Certificate puts the certificate from before a renewal back', async function () {
    this.timeout(60000);
    const files = await writeClientCertificate(emulator, dir, 'restore-app', { startedDaysAgo: 80, validDays: 92 });
    const original = await readFile(files.certFile);
    const uri = vscode.Uri.file(files.certFile);
    await waitForEntry(api, files.certFile, (e) => e?.key.status === 'match');
    assert.equal(await vscode.commands.executeCommand(CommandId.renewCertificate, uri), 'renewed');
    await waitForEntry(api, files.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== files.sha256Hex);
    const [newest] = await listBackups(files.certFile);
    assert.ok(newest, 'renewal kept no backup');
    assert.equal(await vscode.commands.executeCommand(CommandId.restoreCertificate, uri, { backup: newest.id }), 'done');
    assert.deepEqual(await readFile(files.certFile), original);
    await waitForEntry(api, files.certFile, (e) => e?.certificates[0].facts.sha256Hex === files.sha256Hex);
  });

  test('auto-renew does nothing while disabled and renews a certificate under its threshold once enabled', async function () {
    this.timeout(90000);
    // 2 of 92 days left: far below a third, and the most urgent certificate with a live connection.
    const files = await writeClientCertificate(emulator, dir, 'auto-app', { startedDaysAgo: 90, validDays: 92 });
    const before = await readFile(files.certFile);
    await waitForEntry(api, files.certFile, (e) => e?.key.status === 'match');
    await api.autoRenew.whenIdle();
    const disabled = api.autoRenew.current();
    assert.equal(disabled.enabled, false);
    assert.equal(disabled.renewing, undefined);
    assert.deepEqual(await readFile(files.certFile), before, 'renewed although auto-renew is off');

    const renewedBefore = disabled.renewed;
    await setSettingAndWait('autoRenew.enabled', true);
    assert.equal(api.autoRenew.current().enabled, true);
    try {
      const renewed = await waitForEntry(api, files.certFile, (e) => e !== undefined && e.certificates[0].facts.sha256Hex !== files.sha256Hex, 60000);
      assert.ok(renewed!.certificates[0].facts.notAfter.getTime() - Date.now() > 90 * DAY_MS);
      assert.ok(api.autoRenew.current().renewed > renewedBefore);
      assert.equal(renewed?.key.status, 'match');
    } finally {
      await setSetting('autoRenew.enabled', undefined);
      await api.autoRenew.whenIdle();
    }
  });
});

suite('Kyma certificate lifecycle in Restricted Mode', function () {
  let emulator: Emulator;
  let api: KymaCertApi;

  suiteSetup(async function () {
    this.timeout(60000);
    emulator = await startEmulator();
    api = (await activateExtension()).api;
  });

  suiteTeardown(async () => {
    await setSetting('autoRenew.enabled', undefined);
    await emulator?.close();
  });

  test('[restricted] token request, revoke, restore and auto-renew are refused; nothing is written', async function () {
    this.timeout(60000);
    assert.equal(vscode.workspace.isTrusted, false);
    const dir = join(workspaceDir(), 'restricted-lifecycle');
    const files = await writeClientCertificate(emulator, dir, 'locked-app', { startedDaysAgo: 90, validDays: 92 });
    const uri = vscode.Uri.file(files.certFile);
    await waitForEntry(api, files.certFile, (e) => e !== undefined);
    const before = await readFile(files.certFile);
    const { url } = emulator.mintToken('untrusted-token-app');
    assert.equal(await vscode.commands.executeCommand(CommandId.requestCertificateWithToken, { tokenUrl: url, outDir: dir, name: 'new-app' }), 'refused');
    assert.equal(await vscode.commands.executeCommand(CommandId.revokeCertificate, uri, { confirm: true }), 'refused');
    assert.equal(await vscode.commands.executeCommand(CommandId.restoreCertificate, uri), 'refused');
    await setSettingAndWait('autoRenew.enabled', true);
    await api.autoRenew.whenIdle();
    assert.equal(api.autoRenew.current().enabled, true);
    assert.equal(api.autoRenew.current().trusted, false);
    assert.equal(api.autoRenew.current().renewing, undefined);
    await assert.rejects(stat(join(dir, 'new-app.key')));
    assert.equal(emulator.isRevoked(files.sha256Hex), false);
    assert.deepEqual(await readFile(files.certFile), before);
  });
});
