/**
 * Helpers for the feature suites: the extension's test API, certificate files issued by the in-process emulator
 * inside the open workspace folder, byte snapshots of a folder, and waiting on index changes (never on sleeps).
 */
import * as assert from 'node:assert/strict';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/constants';
import type { KymaCertApi } from '../../../src/extension';
import type { CertificateEntry } from '../../../src/lifecycle/certificateEntry';
import type { Emulator } from '../../../src/emulator/server';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The status bar item of the extension: VS Code prefixes the item id with the extension id. */
export const STATUS_ITEM = `[id="workbench.parts.statusbar"] [id="${EXTENSION_ID}.kymaCert.status"]`;

/** Activates the extension (if its activation events have not) and returns its API. */
export async function activateExtension(): Promise<{ api: KymaCertApi; activatedNow: boolean; ms: number }> {
  const extension = vscode.extensions.getExtension<KymaCertApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);
  const activatedNow = !extension.isActive;
  const api = await extension.activate();
  return { api, activatedNow, ms: api.activationMs };
}

/** The first (only) workspace folder of the test window. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test window has no workspace folder');
  return folder.uri.fsPath;
}

/**
 * A suite's own folder in the workspace (created empty), the suite's server CA as `kymaCert.caFile`, and the active
 * extension's API once its first scan is done. `closeSuiteFolder` undoes it.
 */
export async function openSuiteFolder(name: string, serverCaFile: string): Promise<{ dir: string; api: KymaCertApi }> {
  const dir = join(workspaceDir(), name);
  await mkdir(dir, { recursive: true });
  await vscode.workspace.getConfiguration('kymaCert').update('caFile', serverCaFile, vscode.ConfigurationTarget.Global);
  const { api } = await activateExtension();
  await api.index.ready();
  return { dir, api };
}

/** Undoes openSuiteFolder: the CA setting, every open editor, the folder. */
export async function closeSuiteFolder(dir: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('kymaCert').update('caFile', undefined, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  if (dir) await rm(dir, { recursive: true, force: true });
}

export interface ClientCertificateFiles {
  name: string;
  certFile: string;
  keyFile: string;
  connectionFile: string;
  sha256Hex: string;
}

/**
 * Writes `<dir>/<name>.crt` (issued by the emulator's client CA, so the emulator will renew it), its key (0600,
 * generated now) and the remembered connection (info URL + key file) that lets renewal run without questions.
 */
export async function writeClientCertificate(
  emulator: Emulator,
  dir: string,
  name: string,
  validity: { startedDaysAgo: number; validDays: number },
): Promise<ClientCertificateFiles> {
  await mkdir(dir, { recursive: true });
  const issued = await emulator.issueClientCertificate({
    application: name,
    notBefore: new Date(Date.now() - validity.startedDaysAgo * DAY_MS),
    validityMs: validity.validDays * DAY_MS,
  });
  assert.ok(issued.keyPem, 'the emulator generated no key');
  const files: ClientCertificateFiles = {
    name,
    certFile: join(dir, `${name}.crt`),
    keyFile: join(dir, `${name}.key`),
    connectionFile: join(dir, `${name}.kyma.json`),
    sha256Hex: issued.sha256Hex,
  };
  await writeFile(files.keyFile, issued.keyPem, { mode: 0o600 });
  await writeFile(files.connectionFile, `${JSON.stringify({ infoUrl: emulator.infoUrl, keyFile: `${name}.key` }, null, 2)}\n`);
  await writeFile(files.certFile, issued.certPem); // last: the index sees a complete set
  return files;
}

/** Every file below `dir` with its bytes (a failed renewal must leave this identical). */
export async function snapshotDir(dir: string): Promise<Map<string, Buffer>> {
  const snapshot = new Map<string, Buffer>();
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else snapshot.set(relative(dir, full), await readFile(full));
    }
  };
  await walk(dir);
  return snapshot;
}

/**
 * Resolves once the index holds an entry satisfying `predicate` for `file` (or, with `gone`, none), checking after
 * every index change. Rejects after `timeoutMs` with what the index had, so a failure explains itself.
 */
export function waitForEntry(
  api: KymaCertApi,
  file: string,
  predicate: (entry: CertificateEntry | undefined) => boolean,
  timeoutMs = 20000,
): Promise<CertificateEntry | undefined> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const entry = api.index.get(file);
      if (!predicate(entry)) return false;
      cleanup();
      resolve(entry);
      return true;
    };
    const subscription = api.index.onDidChange(() => void check());
    const timer = setTimeout(() => {
      cleanup();
      const entry = api.index.get(file);
      reject(
        new Error(`index entry for ${file} did not reach the expected state; now: ${entry ? entry.certificates[0].facts.notAfter.toISOString() : 'absent'}`),
      );
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    void api.index.ready().then(() => check());
  });
}

export async function removeFiles(...files: string[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f, { force: true })));
}
