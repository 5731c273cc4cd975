import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMPANION_GLOB } from '../constants';
import { CertificateEntry, loadCertificateReader } from '../lifecycle/certificateEntry';
import type { FolderListing } from '../io/folderListing';
import { globMatcher } from '../core/glob';
import { SettingsService } from './settings';
import { relativeTo } from '../views/entryView';

/** How long file events are collected before the index re-reads the files (editors save in bursts). */
const DEBOUNCE_MS = 250;
/** Files read at the same time during a full scan. */
const SCAN_CONCURRENCY = 8;

/**
 * The certificates of every workspace folder, parsed once per file change. Hover, status bar and commands look
 * facts up here instead of parsing again. Honours `files.exclude`, `kymaCert.include` / `kymaCert.exclude` and the
 * size cap; kept current by file system watchers (debounced) and re-scanned when folders or settings change.
 */
export class CertificateIndex implements vscode.Disposable {
  private readonly entries = new Map<string, CertificateEntry>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private readonly pending = new Set<string>();
  private debounceTimer: NodeJS.Timeout | undefined;
  /** The tail of the work queue (scans and flushes run one after another). */
  private busy: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private scanGeneration = 0;
  private readonly fileGeneration = new Map<string, number>();
  private firstScan: Promise<void> | undefined;
  private disposed = false;

  /** Fires after entries were added, changed or removed. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Starts the first scan and the watchers; returns at once (activation must not wait for the scan). */
  start(): void {
    this.subscriptions.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan('workspace folders changed', true)),
      this.settings.onDidChange((change) => {
        if (change.affects('include') || change.affects('exclude') || change.affects('maxFileSizeKb') || change.affects('keyFiles')) {
          this.rescan('settings changed', change.affects('include'));
        } else {
          this.changed.fire(); // thresholds: same facts, different colours
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude')) this.rescan('files.exclude changed');
      }),
    );
    this.firstScan = this.rescan('startup', true);
  }

  /** Resolves when the first full scan is done. */
  ready(): Promise<void> {
    return this.firstScan ?? Promise.resolve();
  }

  /** Resolves when no scan, debounced change or refresh is pending. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The entry of a certificate file (by URI or absolute path). */
  get(file: vscode.Uri | string): CertificateEntry | undefined {
    return this.entries.get(typeof file === 'string' ? file : file.fsPath);
  }

  /** Every indexed certificate file. */
  all(): CertificateEntry[] {
    return [...this.entries.values()];
  }

  /** Re-reads one file now (no debounce), or everything when no file is given. */
  refresh(file?: vscode.Uri): Promise<void> {
    if (!file) return this.rescan('refresh');
    return this.enqueue(() => this.reindexFiles(new Set([file.fsPath])));
  }

  /** The path shown to users: relative to its workspace folder (prefixed with the folder name in multi-root). */
  displayPath(file: string): string {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
    if (!folder) return file;
    const rel = relativeTo(folder.uri.fsPath, file);
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${rel}` : rel;
  }

  private rescan(reason: string, recreateWatchers = false): Promise<void> {
    if (recreateWatchers) this.createWatchers();
    const generation = ++this.scanGeneration;
    return this.enqueue(async () => {
      if (generation !== this.scanGeneration || this.disposed) return; // a newer scan supersedes this one
      const started = Date.now();
      const files = await this.listFiles();
      const fresh = new Map<string, CertificateEntry>();
      let skipped = 0;
      const listing = await this.newFolderListing();
      await mapLimit(files, SCAN_CONCURRENCY, async (file) => {
        const entry = await this.readEntry(file, listing);
        if (entry) fresh.set(file, entry);
        else skipped++;
      });
      if (generation !== this.scanGeneration || this.disposed) return;
      this.entries.clear();
      for (const [file, entry] of fresh) this.entries.set(file, entry);
      this.log.info(`Indexed ${fresh.size} certificate file(s) in ${Date.now() - started} ms (${reason}; ${skipped} other file(s) skipped).`);
      this.changed.fire();
    });
  }

  /** Runs index work one piece at a time, so a refresh never races a scan. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    this.inFlight++;
    const next = this.busy
      .then(work)
      .catch((e: unknown) => this.log.error('Certificate index update failed', e))
      .finally(() => {
        this.inFlight--;
        this.notifyIfIdle();
      });
    this.busy = next;
    return next;
  }

  private isIdle(): boolean {
    return this.inFlight === 0 && this.debounceTimer === undefined;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private createWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    const globs = [...this.settings.current.include, COMPANION_GLOB];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      for (const glob of globs) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        const onEvent = (uri: vscode.Uri): void => this.schedule(uri.fsPath);
        this.watchers.push(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
      }
      // A deleted or renamed folder may be reported as the folder only: drop the certificates that were inside.
      const deletions = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), true, true, false);
      this.watchers.push(
        deletions,
        deletions.onDidDelete((uri) => {
          const prefix = uri.fsPath + path.sep;
          for (const file of this.entries.keys()) if (file.startsWith(prefix)) this.schedule(file);
        }),
      );
    }
  }

  private schedule(file: string): void {
    this.pending.add(file);
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      const files = new Set(this.pending);
      this.pending.clear();
      void this.enqueue(() => this.reindexFiles(files));
    }, DEBOUNCE_MS);
  }

  /**
   * Re-reads the changed files and every indexed certificate in the same folders: a new, changed or deleted
   * key, CA or connection file changes how its neighbours pair. A certificate file that is no neighbour's
   * companion (lifecycle/companions.ts) is re-read alone: its neighbours' entries do not depend on it.
   */
  private async reindexFiles(changedFiles: Set<string>): Promise<void> {
    const { isCompanionOf } = await loadCertificateReader();
    const entriesByFolder = new Map<string, CertificateEntry[]>();
    for (const entry of this.entries.values()) {
      const folder = path.dirname(entry.file);
      const inFolder = entriesByFolder.get(folder);
      if (inFolder) inFolder.push(entry);
      else entriesByFolder.set(folder, [entry]);
    }
    const affectsNeighbours = (file: string): boolean => {
      if (!this.entries.has(file) && !this.isCandidate(file)) return true; // a key, a connection file, a folder
      const neighbours = entriesByFolder.get(path.dirname(file)) ?? [];
      return neighbours.some((entry) => isCompanionOf(entry, file, this.keyFileSetting(entry.file)));
    };
    const folders = new Set([...changedFiles].filter(affectsNeighbours).map((f) => path.dirname(f)));
    const targets = new Set<string>();
    for (const file of changedFiles) if (this.isCandidate(file)) targets.add(file);
    for (const file of this.entries.keys()) if (folders.has(path.dirname(file))) targets.add(file);
    for (const file of changedFiles) if (this.entries.has(file)) targets.add(file); // deleted or now excluded

    let modified = false;
    const listing = await this.newFolderListing();
    await mapLimit([...targets], SCAN_CONCURRENCY, async (file) => {
      const generation = (this.fileGeneration.get(file) ?? 0) + 1;
      this.fileGeneration.set(file, generation);
      const entry = this.isCandidate(file) ? await this.readEntry(file, listing) : undefined;
      if (this.fileGeneration.get(file) !== generation || this.disposed) return;
      if (entry) this.entries.set(file, entry);
      else if (!this.entries.delete(file)) return;
      modified = true;
    });
    if (modified) this.changed.fire();
  }

  /** One per pass (scan or flush of changes): each folder is listed once, after the changes it reflects. */
  private async newFolderListing(): Promise<FolderListing> {
    return new (await loadCertificateReader()).FolderListing();
  }

  private async readEntry(file: string, listing: FolderListing): Promise<CertificateEntry | undefined> {
    const settings = this.settings.current;
    const { readCertificateEntry } = await loadCertificateReader();
    const result = await readCertificateEntry(file, {
      maxFileSizeBytes: settings.maxFileSizeBytes,
      keyFileOverride: this.keyFileSetting(file),
      listing,
    });
    if ('entry' in result) return result.entry;
    if (result.skipped === 'too-large' || result.skipped === 'unreadable') {
      this.log.debug(`Skipped ${this.displayPath(file)}: ${result.skipped}${result.detail ? ` (${result.detail})` : ''}`);
    }
    return undefined;
  }

  private keyFileSetting(file: string): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
    if (!folder) return undefined;
    const rel = relativeTo(folder.uri.fsPath, file);
    const key = this.settings.current.keyFiles[rel];
    return key ? path.resolve(folder.uri.fsPath, key) : undefined;
  }

  /** Every file the settings include, as absolute paths, without excluded ones. */
  private async listFiles(): Promise<string[]> {
    const found = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const excludes = this.excludeGlobs(folder);
      // findFiles applies files.exclude only when no exclude is given, so ours and files.exclude go in together.
      const simple = excludes.filter((g) => !/[{}]/.test(g));
      const exclude = simple.length > 0 ? `{${simple.join(',')}}` : undefined;
      for (const include of this.settings.current.include) {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude);
        for (const uri of uris) if (this.isCandidate(uri.fsPath)) found.add(uri.fsPath);
      }
    }
    return [...found].sort();
  }

  /** True when the file is inside a workspace folder, included and not excluded. */
  private isCandidate(file: string): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
    if (!folder || folder.uri.scheme !== 'file') return false;
    const rel = relativeTo(folder.uri.fsPath, file);
    if (path.isAbsolute(rel)) return false;
    return globMatcher(this.settings.current.include)(rel) && !globMatcher(this.excludeGlobs(folder))(rel);
  }

  private excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
    const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude') ?? {};
    const fromFilesExclude = Object.entries(filesExclude)
      .filter(([, on]) => on === true)
      .map(([glob]) => glob);
    // A folder pattern like `**/.git` also hides everything below it.
    const withContents = fromFilesExclude.flatMap((g) => (g.endsWith('/**') ? [g] : [g, `${g}/**`]));
    return [...this.settings.current.exclude, ...withContents];
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    this.notifyIfIdle();
    for (const d of [...this.watchers, ...this.subscriptions]) d.dispose();
    this.changed.dispose();
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight. */
async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
