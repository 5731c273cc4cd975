import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { messageOf } from '../core/errors';
import { CertificateEntry, loadCertificateReader } from '../lifecycle/certificateEntry';
import { CertificateIndex } from './certificateIndex';
import { detailsPageInput } from '../views/detailsModel';
import { DETAILS_ACTIONS, DetailsAction, detailsHtml } from '../views/detailsPage';
import { SettingsService } from './settings';

/** The webview panels' type id (also what VS Code uses to restore them). */
export const DETAILS_VIEW_TYPE = 'kymaCert.certificateDetails';

const COMMAND_OF: Record<DetailsAction, string> = {
  renew: CommandId.renewCertificate,
  revoke: CommandId.revokeCertificate,
  restore: CommandId.restoreCertificate,
};

interface OpenPanel {
  panel: vscode.WebviewPanel;
  /** The last HTML set (the host tests read it). */
  html: string;
  /** Renders are async: only the newest one may set the HTML. */
  generation: number;
  watcher: vscode.FileSystemWatcher;
}

/**
 * "Certificate Details" webview panels: one per certificate file, revealed again rather than duplicated, redrawn
 * when the index changes (renewal, restore, revocation, the file edited) or the file itself changes. Glue only:
 * the HTML comes from detailsPage.ts; the buttons post `{ action }`, which becomes the command on this file.
 */
export class CertificateDetailsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, OpenPanel>();
  private readonly rendered = new vscode.EventEmitter<string>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires with the file after its panel got new HTML. */
  readonly onDidRender = this.rendered.event;

  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [index.onDidChange(() => this.renderAll()), settings.onDidChange(() => this.renderAll())];
  }

  /** Opens the details of `file`, or brings its open panel to the front. */
  async show(file: vscode.Uri): Promise<void> {
    const key = file.fsPath;
    const open = this.panels.get(key);
    if (open) {
      open.panel.reveal();
      await this.render(key);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      DETAILS_VIEW_TYPE,
      vscode.l10n.t('{0} (details)', path.basename(key)),
      vscode.ViewColumn.Active,
      // No local resources and no command links: the page is self-contained and talks only through postMessage.
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [] },
    );
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(key)), path.basename(key)));
    const entry: OpenPanel = { panel, html: '', generation: 0, watcher };
    this.panels.set(key, entry);
    const redraw = (): void => void this.render(key);
    panel.onDidDispose(() => {
      watcher.dispose();
      this.panels.delete(key);
    });
    watcher.onDidChange(redraw);
    watcher.onDidCreate(redraw);
    watcher.onDidDelete(redraw);
    panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(key, message));
    await this.render(key);
  }

  /** The HTML of the open panel of `file`, if any (for the host tests). */
  htmlOf(file: string): string | undefined {
    return this.panels.get(file)?.html;
  }

  /** Files with an open details panel. */
  openFiles(): string[] {
    return [...this.panels.keys()];
  }

  private onMessage(file: string, message: unknown): void {
    const action = typeof message === 'object' && message !== null ? (message as { action?: unknown }).action : undefined;
    // The page is ours, but treat what crosses the boundary as untrusted: only the three known actions.
    if (typeof action !== 'string' || !(DETAILS_ACTIONS as readonly string[]).includes(action)) return;
    void vscode.commands.executeCommand(COMMAND_OF[action as DetailsAction], vscode.Uri.file(file));
  }

  private renderAll(): void {
    for (const file of this.panels.keys()) void this.render(file);
  }

  private async render(file: string): Promise<void> {
    const open = this.panels.get(file);
    if (!open) return;
    const generation = ++open.generation;
    try {
      const entry = this.index.get(file) ?? (await this.readUnindexed(file));
      const caEntry = entry?.caFile ? (this.index.get(entry.caFile) ?? (await this.readUnindexed(entry.caFile))) : undefined;
      const { listBackups } = await import('../lifecycle/backups');
      const backups = entry ? await listBackups(file).catch(() => []) : [];
      const t = vscode.l10n.t;
      const input = detailsPageInput({
        entry,
        caEntry,
        file,
        backups,
        thresholds: this.settings.current.thresholds,
        now: new Date(),
        displayPath: (f) => this.index.displayPath(f),
        t,
      });
      const html = detailsHtml(input, { t, nonce: randomBytes(16).toString('base64'), cspSource: open.panel.webview.cspSource });
      if (generation !== open.generation || !this.panels.has(file)) return;
      open.html = html;
      open.panel.webview.html = html;
      this.rendered.fire(file);
    } catch (e) {
      this.log.warn(`Could not show the details of ${this.index.displayPath(file)}: ${messageOf(e)}`);
    }
  }

  /** Files the index skips (excluded, above its size cap, not yet scanned) are read on request. */
  private async readUnindexed(file: string): Promise<CertificateEntry | undefined> {
    const { readCertificateEntry, MAX_INPUT_BYTES } = await loadCertificateReader();
    const result = await readCertificateEntry(file, { maxFileSizeBytes: MAX_INPUT_BYTES });
    return 'entry' in result ? result.entry : undefined;
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.rendered.dispose();
  }
}
