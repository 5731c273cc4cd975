import * as vscode from 'vscode';
import { CERTIFICATES_VIEW_ID, CommandId } from '../constants';
import { CertificateIndex } from './certificateIndex';
import { CertificateRow, certificateRow, compareByExpiry } from '../views/certificatesViewContent';
import { SettingsService } from './settings';
import { statusBarTooltip } from '../views/statusBarContent';
import { viewOf } from '../views/entryView';

/** Days left change while the editor stays open. */
const RERENDER_MS = 60 * 60 * 1000;

/**
 * The "Kyma Certificates" view in the Explorer: every indexed certificate file, soonest expiry first, coloured by
 * severity. Elements are the files' URIs, so the Renew / Details / Revoke / Restore commands get the same argument
 * from a view item as from the Explorer's context menu.
 */
export class CertificatesView implements vscode.Disposable, vscode.TreeDataProvider<vscode.Uri> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
  ) {
    const tree = vscode.window.createTreeView(CERTIFICATES_VIEW_ID, { treeDataProvider: this, showCollapseAll: false });
    this.subscriptions = [tree, index.onDidChange(() => this.changed.fire()), settings.onDidChange(() => this.changed.fire())];
    this.timer = setInterval(() => this.changed.fire(), RERENDER_MS);
  }

  /** The rows as the view shows them now, in order (the host tests read this instead of the DOM). */
  rows(): CertificateRow[] {
    const now = new Date();
    const { thresholds } = this.settings.current;
    return this.index
      .all()
      .map((entry) => ({ entry, view: viewOf(entry, entry.certificates[0], now, thresholds, (f) => this.index.displayPath(f)) }))
      .sort(compareByExpiry)
      .map(({ entry, view }) => certificateRow(entry.file, view, this.index.displayPath(entry.file), vscode.l10n.t));
  }

  getChildren(element?: vscode.Uri): vscode.Uri[] {
    if (element) return [];
    return this.rows().map((row) => vscode.Uri.file(row.file));
  }

  getTreeItem(uri: vscode.Uri): vscode.TreeItem {
    const entry = this.index.get(uri);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    if (!entry) return item; // removed between getChildren and now; the next change event redraws
    const t = vscode.l10n.t;
    const view = viewOf(entry, entry.certificates[0], new Date(), this.settings.current.thresholds, (f) => this.index.displayPath(f));
    const row = certificateRow(entry.file, view, this.index.displayPath(entry.file), t);
    item.label = row.label;
    item.description = row.description;
    item.iconPath = new vscode.ThemeIcon(row.icon.id, new vscode.ThemeColor(row.icon.color));
    item.contextValue = row.contextValue;
    const tooltip = new vscode.MarkdownString(statusBarTooltip(view, { t, target: uri.toString(), othersNeedingAttention: 0 }));
    tooltip.isTrusted = { enabledCommands: [CommandId.renewCertificate, CommandId.showCertificateDetails] };
    item.tooltip = tooltip;
    item.command = { command: CommandId.showCertificateDetails, title: t('Show Certificate Details'), arguments: [uri] };
    item.accessibilityInformation = { label: `${row.label}, ${row.description}` };
    return item;
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}
