/**
 * The bench "suite" the host runner loads instead of the mocha suite (npm run bench, section editor; see
 * bench/editorBench.ts). Runs inside the real extension host and measures through the extension's exported
 * API (src/extension.ts, KymaCertApi):
 *   1. activation: `extension.activate()` as the caller sees it (module load + activate()) and the extension's
 *      own `activationMs` (activate() body only). The workspace holds no certificate yet, so nothing activated
 *      the extension before this point.
 *   2. the first scan of the workspace (filler files only), from activate() returning to `index.ready()`.
 *   3. the certificates arrive (each file renamed in from the staging folder; timed until the index, through its
 *      file watchers, holds all of them), then full scans through
 *      `index.refresh()` (the same rescan the extension runs at start-up), interleaved with two baselines over
 *      the same glob: findFiles + read every file, and findFiles + read + node's X509Certificate per file.
 *   Before every measurement the bench waits until the index and the Problems entries (diagnostics.whenUpdated())
 *   are idle, so work the extension started for an earlier step does not run into the next one.
 *   4. one certificate file changes on disk: time until the index reports the new certificate, from the write (file
 *      watcher + the index's 250 ms debounce + re-reading the file) and from the change event VS Code delivers, and
 *      `index.refresh(file)` alone (no debounce).
 * Environment (set by bench/editorBench.ts): KYMA_BENCH_OUT (JSON result file), KYMA_BENCH_STAGING (folder
 * holding `services/` and `alternates/`), KYMA_BENCH_EXPECT (certificate count), KYMA_BENCH_ROUNDS,
 * KYMA_BENCH_CHANGED (workspace-relative path of the file to change).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { appendFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { KymaCertApi } from '../../../src/extension';

const EXTENSION_ID = 'kyma-cert.kyma-cert';
/** The extension's default `kymaCert.include` / `kymaCert.exclude` (package.json), for the baselines. */
const INCLUDE = '**/*.{crt,pem,cer,der}';
const EXCLUDE = '{**/.kyma-backups/**,**/node_modules/**}';
const READ_CONCURRENCY = 8; // the index reads 8 files at a time too
const UPDATE_TIMEOUT_MS = 15_000;
const ARRIVAL_TIMEOUT_MS = 30_000;
/** No new full-scan round starts after this (a slow index must not stretch the bench without bound). */
const FULL_SCAN_BUDGET_MS = 30_000;
/** No new update sample starts after this (per kind of update). */
const UPDATE_BUDGET_MS = 15_000;

/** What the bench writes to KYMA_BENCH_OUT. */
export interface EditorBenchSamples {
  vscodeVersion: string;
  activation: { wasActiveBefore: boolean; activateCallMs: number; insideActivateMs: number };
  firstScan: { files: number; certificates: number; ms: number };
  /** From the first rename until the index holds every certificate (watchers + debounce); null: not within the limit. */
  arrival: { files: number; indexedViaWatchersMs: number | null; indexedAtLimit: number; limitMs: number };
  fullScan: {
    certificates: number;
    indexMs: number[];
    findFilesReadMs: number[];
    findFilesListMs: number[];
    findFilesReadX509Ms: number[];
    /** From refresh() until the Problems entries reflect it (diagnostics.whenUpdated(): key hygiene runs after the index). */
    indexAndProblemsMs: number[];
    stoppedByBudget: boolean;
  };
  /** `missedAfterMs`: a change the index had not shown after that long (the phase stops there). */
  /**
   * `watcherToIndexMs`: from writing the file until the index shows it; `eventToIndexMs`: from VS Code delivering the
   * change event to a watcher of the bench's own (the extension's watcher gets the same event) until the index shows
   * it, i.e. the index's 250 ms debounce plus its own work, without the file watcher's latency.
   */
  update: { watcherToIndexMs: number[]; eventToIndexMs: number[]; missedAfterMs?: number; refreshFileMs: number[]; certificatesInFolder: number };
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run through npm run bench)`);
  return value;
}

/** Entry point called by the extension host (the runner's --extensionTestsPath). */
export async function run(): Promise<void> {
  const benchStarted = performance.now();
  const outFile = env('KYMA_BENCH_OUT');
  // Progress goes to a file next to the result (console output is lost when the host is unresponsive).
  const phase = (text: string): void => appendFileSync(`${outFile}.log`, `bench host +${((performance.now() - benchStarted) / 1000).toFixed(1)}s: ${text}\n`);
  const staging = env('KYMA_BENCH_STAGING');
  const expected = Number(env('KYMA_BENCH_EXPECT'));
  const rounds = Number(env('KYMA_BENCH_ROUNDS'));
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  const root = folder.uri.fsPath;
  const changedFile = path.join(root, env('KYMA_BENCH_CHANGED'));

  const extension = vscode.extensions.getExtension<KymaCertApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const wasActiveBefore = extension.isActive;
  phase(`extension active before the bench: ${wasActiveBefore}`);
  let t = performance.now();
  const api = await extension.activate();
  const activateCallMs = performance.now() - t;
  t = performance.now();
  await api.index.ready();
  const firstScanMs = performance.now() - t;
  const firstScanCertificates = api.index.all().length;
  const workspaceFilesBefore = (await vscode.workspace.findFiles('**/*')).length;
  phase(`activated in ${activateCallMs.toFixed(0)} ms; first scan ${firstScanMs.toFixed(0)} ms over ${workspaceFilesBefore} files`);

  // The certificates arrive (moved file by file into folders that exist from the start, so the file watchers see
  // them), the index picks them up through its watchers; that arrival is timed too, then the recorded full scans.
  const arrival = await moveCertificatesIn(api, path.join(staging, 'services'), path.join(root, 'services'), expected);
  phase(`certificates moved in; indexed via watchers: ${arrival.indexedViaWatchersMs?.toFixed(0) ?? 'no'} ms (${arrival.indexedAtLimit})`);
  await api.index.refresh(); // warm-up, not recorded (and the count no longer depends on the watchers)
  await settle(api);
  expectCount(api, expected, 'after the certificates arrived');

  const fullScan: EditorBenchSamples['fullScan'] = {
    certificates: expected,
    indexMs: [],
    findFilesReadMs: [],
    findFilesListMs: [],
    findFilesReadX509Ms: [],
    indexAndProblemsMs: [],
    stoppedByBudget: false,
  };
  const contenders: Array<() => Promise<void>> = [
    async () => {
      const started = performance.now();
      await api.index.refresh();
      fullScan.indexMs.push(performance.now() - started);
      expectCount(api, expected, 'after a full scan');
      await api.diagnostics.whenUpdated();
      fullScan.indexAndProblemsMs.push(performance.now() - started);
    },
    async () => {
      const { listMs, totalMs } = await findAndRead(folder, () => undefined, expected);
      fullScan.findFilesListMs.push(listMs);
      fullScan.findFilesReadMs.push(totalMs);
    },
    async () => {
      let sink = 0;
      const { totalMs } = await findAndRead(
        folder,
        (data) => {
          const x509 = new X509Certificate(data);
          sink += x509.subject.length + x509.validTo.length + x509.fingerprint256.length;
        },
        expected,
      );
      if (sink === 0) throw new Error('X509Certificate baseline parsed nothing');
      fullScan.findFilesReadX509Ms.push(totalMs);
    },
  ];
  const scansStarted = performance.now();
  for (let round = 0; round < rounds; round++) {
    if (round > 0 && performance.now() - scansStarted > FULL_SCAN_BUDGET_MS) {
      fullScan.stoppedByBudget = true;
      break;
    }
    for (let i = 0; i < contenders.length; i++) {
      await settle(api); // nothing the extension started earlier may run into the next measurement
      await contenders[(round + i) % contenders.length]();
    }
    phase(`full-scan round ${round + 1}: index ${fullScan.indexMs.at(-1)?.toFixed(0)} ms, findFiles+read ${fullScan.findFilesReadMs.at(-1)?.toFixed(0)} ms`);
  }

  phase('full scans done');
  const update = await measureUpdates(api, changedFile, path.join(staging, 'alternates'), rounds + 2);
  phase('updates done');
  const result: EditorBenchSamples = {
    vscodeVersion: vscode.version,
    activation: { wasActiveBefore, activateCallMs, insideActivateMs: api.activationMs },
    firstScan: { files: workspaceFilesBefore, certificates: firstScanCertificates, ms: firstScanMs },
    arrival,
    fullScan,
    update,
  };
  await fs.writeFile(outFile, JSON.stringify(result, null, 2));
  console.log(`bench: wrote ${outFile}`);
}

/** Renames every file of `from` into the same place under `to` (folders exist), and times the index catching up. */
async function moveCertificatesIn(api: KymaCertApi, from: string, to: string, expected: number): Promise<EditorBenchSamples['arrival']> {
  const files = (await fs.readdir(from, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(from, path.join(e.parentPath, e.name)));
  let timer: NodeJS.Timeout | undefined;
  let subscription: vscode.Disposable | undefined;
  const complete = new Promise<boolean>((resolve) => {
    subscription = api.index.onDidChange(() => {
      if (api.index.all().length === expected) resolve(true);
    });
    timer = setTimeout(() => resolve(false), ARRIVAL_TIMEOUT_MS);
  });
  const started = performance.now();
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map((rel) => fs.rename(path.join(from, rel), path.join(to, rel))));
  }
  const done = await complete;
  const elapsed = performance.now() - started;
  clearTimeout(timer);
  subscription?.dispose();
  await api.index.whenIdle();
  return { files: files.length, indexedViaWatchersMs: done ? elapsed : null, indexedAtLimit: api.index.all().length, limitMs: ARRIVAL_TIMEOUT_MS };
}

/** Waits until the index and the Problems entries have caught up with every change so far. */
async function settle(api: KymaCertApi): Promise<void> {
  await api.index.whenIdle();
  await api.diagnostics.whenUpdated();
}

function expectCount(api: KymaCertApi, expected: number, when: string): void {
  const count = api.index.all().length;
  if (count !== expected) throw new Error(`index holds ${count} certificate files ${when}, expected ${expected}`);
}

/** The floor any certificate view pays: find the same files, read each one (8 at a time), optionally parse. */
async function findAndRead(folder: vscode.WorkspaceFolder, parse: (data: Buffer) => void, expected: number): Promise<{ listMs: number; totalMs: number }> {
  const started = performance.now();
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INCLUDE), EXCLUDE);
  const listMs = performance.now() - started;
  if (uris.length !== expected) throw new Error(`findFiles found ${uris.length} files, expected ${expected}`);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < uris.length) parse(await fs.readFile(uris[next++].fsPath));
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  return { listMs, totalMs: performance.now() - started };
}

/** sha256 of the first certificate's DER, lower-case hex (what the index reports as facts.sha256Hex). */
function sha256Hex(pem: Buffer): string {
  return createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
}

async function measureUpdates(api: KymaCertApi, file: string, alternatesDir: string, samples: number): Promise<EditorBenchSamples['update']> {
  const versions = await Promise.all(['a.crt', 'b.crt'].map((name) => fs.readFile(path.join(alternatesDir, name))));
  const current = (): string | undefined => api.index.get(file)?.certificates[0]?.facts.sha256Hex;
  const watcherToIndexMs: number[] = [];
  const eventToIndexMs: number[] = [];
  let missedAfterMs: number | undefined;
  let eventAt: number | undefined;
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(path.dirname(file), path.basename(file)));
  const onEvent = (): void => void (eventAt ??= performance.now());
  const watching = [watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent)];
  const updatesStarted = performance.now();
  for (let i = 0; i < samples && missedAfterMs === undefined; i++) {
    if (i > 0 && performance.now() - updatesStarted > UPDATE_BUDGET_MS) break;
    const content = versions[(i + 1) % 2];
    const expectedHash = sha256Hex(content);
    if (current() === expectedHash) throw new Error('the index already shows the new certificate before the change');
    let timer: NodeJS.Timeout | undefined;
    let subscription: vscode.Disposable | undefined;
    const seen = new Promise<boolean>((resolve) => {
      subscription = api.index.onDidChange(() => {
        if (current() === expectedHash) resolve(true);
      });
      timer = setTimeout(() => resolve(false), UPDATE_TIMEOUT_MS);
    });
    eventAt = undefined;
    const started = performance.now();
    await fs.writeFile(file, content);
    const shown = await seen;
    const shownAt = performance.now();
    clearTimeout(timer);
    subscription?.dispose();
    if (shown) watcherToIndexMs.push(shownAt - started);
    else missedAfterMs = UPDATE_TIMEOUT_MS;
    if (shown && eventAt !== undefined) eventToIndexMs.push(shownAt - eventAt);
    await settle(api);
  }
  for (const d of watching) d.dispose();
  const refreshFileMs: number[] = [];
  const refreshesStarted = performance.now();
  for (let i = 0; i < samples; i++) {
    if (i > 0 && performance.now() - refreshesStarted > UPDATE_BUDGET_MS) break;
    await settle(api);
    const started = performance.now();
    await api.index.refresh(vscode.Uri.file(file));
    refreshFileMs.push(performance.now() - started);
  }
  const dir = path.dirname(file);
  const certificatesInFolder = api.index.all().filter((e) => path.dirname(e.file) === dir).length;
  return { watcherToIndexMs, eventToIndexMs, missedAfterMs, refreshFileMs, certificatesInFolder };
}
