/**
 * Issue 8 in a real VS Code host against the in-process Compass emulator: "Request Certificate with Token…" with the
 * Compass `rawEncoded` token data, then a click on the status bar renews the certificate over Compass GraphQL, with
 * no question asked (the backend and URL come from the remembered connection).
 */
import * as assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../../../src/constants';
import type { KymaCertApi } from '../../../src/extension';
import { startCompassEmulator, type CompassEmulator } from '../../../src/emulator/compass/server';
import { ui, uiAvailable } from './ui';
import { DAY_MS, STATUS_ITEM, closeSuiteFolder, openSuiteFolder, waitForEntry } from './kymaWorkspace';

const CENTER_MESSAGE = '.notifications-center .notification-list-item-message';

suite('Compass: token data from the console, renewal from the status bar', function () {
  let emulator: CompassEmulator;
  let api: KymaCertApi;
  let dir: string;

  suiteSetup(async function () {
    this.timeout(60000);
    // Certificates of 20 days: inside the 30-day warning window, so the status bar offers renewal at once.
    emulator = await startCompassEmulator({ validityMs: 20 * DAY_MS });
    ({ dir, api } = await openSuiteFolder('compass', emulator.serverCaFile));
  });

  suiteTeardown(async () => {
    await closeSuiteFolder(dir);
    await emulator?.close();
  });

  test('rawEncoded → a Compass certificate; a click on the status bar renews it over GraphQL', async function () {
    this.timeout(90000);
    const ott = emulator.mintToken('console-app');
    const outcome = await vscode.commands.executeCommand(CommandId.requestCertificateWithToken, { token: ott.rawEncoded, outDir: dir, name: 'console-app' });
    assert.equal(outcome, 'done');
    const certFile = join(dir, 'console-app.crt');
    const connection = JSON.parse(await readFile(join(dir, 'console-app.kyma.json'), 'utf8')) as { backend: string; infoUrl: string };
    assert.equal(connection.backend, 'compass');
    assert.equal(connection.infoUrl, emulator.certificateSecuredConnectorUrl);
    const issued = await waitForEntry(api, certFile, (e) => e?.key.status === 'match');
    const issuedHash = issued!.certificates[0].facts.sha256Hex;
    assert.match(issued!.certificates[0].facts.subjectConnector, /^O=Org,OU=OrgUnit,L=locality,ST=province,C=DE,CN=[0-9a-f-]{36}$/);
    assert.ok(uiAvailable(), 'the UI bridge is required for the status bar click');

    const commonName = issued!.certificates[0].facts.commonName!;
    await vscode.window.showTextDocument(vscode.Uri.file(certFile), { preview: false });
    await ui.waitFor(`${STATUS_ITEM} >> text=/${commonName} · 20d/`);
    // Earlier suites leave their own "Renewed …" / "… failed" messages in the center: only this renewal's count.
    await vscode.commands.executeCommand('notifications.clearAll');
    await ui.click(STATUS_ITEM);
    await vscode.commands.executeCommand('notifications.showList');
    let messages: string[];
    try {
      await ui.waitFor(`${CENTER_MESSAGE} >> text=/Renewed ${commonName}|Renewing ${commonName} failed/`, { timeout: 45000 });
      messages = await ui.texts(CENTER_MESSAGE);
    } finally {
      await vscode.commands.executeCommand('notifications.hideList');
    }
    assert.ok(
      messages.some((m) => m.startsWith(`Renewed ${commonName}`)),
      `renewal did not succeed: ${JSON.stringify(messages)}`,
    );
    // Compass signs with serial 2 and second-granular validity, so a renewal within the same second returns the very
    // same bytes: the backup of the previous certificate, not a new fingerprint, is what shows the file was rewritten.
    const backups = await readdir(join(dir, '.kyma-backups', 'console-app'));
    assert.ok(
      backups.some((f) => f.endsWith('--console-app.crt')),
      `no backup of the previous certificate: ${JSON.stringify(backups)}`,
    );
    await api.index.whenIdle();
    const renewed = api.index.get(certFile);
    assert.equal(renewed?.key.status, 'match');
    assert.ok(!emulator.isRevoked(issuedHash), 'renewal does not revoke the previous certificate');
    assert.ok(renewed!.certificates[0].facts.notAfter.getTime() - Date.now() > 19 * DAY_MS);
  });
});
