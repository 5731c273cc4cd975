import * as vscode from 'vscode';
import { CERTIFICATES_VIEW_ID, CommandId } from '../constants';
import type { CertificateEntry } from '../lifecycle/certificateEntry';
import { CertificateIndex } from './certificateIndex';
import { CaGroup, CertificateRow, caGroupDescription, certificateRow, groupByCa, needingAction } from '../views/certificatesViewContent';
import { CertificateView } from '../views/presentation';
import { SettingsService } from './settings';
import { renewOffered, statusBarTooltip } from '../views/statusBarContent';
import { viewOf } from '../views/entryView';

/** Context key (array of paths) the manifest's menus use: `resourcePath not in kymaCert.unrenewableFiles`. */
export const UNRENEWABLE_CONTEXT_KEY = 'kymaCert.unrenewableFiles';

/** Days left change while the editor stays open. */
const RERENDER_MS = 60 * 60 * 1000;

/**
 * A CA that is not in the workspace (only named as issuer). A CA with files is the URI of its first file, so the
 * Details command gets a file from it like from any other row.
 */
interface CaNode {
  ca: string;
}
type ViewNode = CaNode | vscode.Uri;

interface Item {
  file: string;
  view: CertificateView;
  certificates: Array<CertificateEntry['certificates'][number]['facts']>;
}

/** What the view shows of one CA group (the host tests read this instead of the DOM). */
export interface CaGroupRow {
  label: string;
  description: string;
  rows: CertificateRow[];
}

/**
 * The "Kyma Certificates" view in its own activity-bar container: every client certificate under the CA that issued
 * it (a CA shows once, whatever number of files hold it), soonest expiry first, coloured by severity, and a badge
 * counting the certificates that need action. Certificate elements are the files' URIs, so the Renew / Details /
 * Revoke / Restore commands get the same argument from a view item as from the Explorer's context menu.
 */
export class CertificatesView implements vscode.Disposable, vscode.TreeDataProvider<ViewNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly timer: NodeJS.Timeout;
  private readonly tree: vscode.TreeView<ViewNode>;
  private caNodes = new Map<string, CaNode>();

  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
  ) {
    this.tree = vscode.window.createTreeView(CERTIFICATES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    const refresh = (): void => this.refresh();
    this.subscriptions = [this.tree, index.onDidChange(refresh), settings.onDidChange(refresh)];
    this.timer = setInterval(refresh, RERENDER_MS);
    this.updateBadge();
  }

  private refresh(): void {
    this.updateBadge();
    this.changed.fire();
  }

  private items(): Item[] {
    const now = new Date();
    const { thresholds } = this.settings.current;
    return this.index.all().map((entry) => ({
      file: entry.file,
      view: viewOf(entry, entry.certificates[0], now, thresholds, (f) => this.index.displayPath(f)),
      certificates: entry.certificates.map((c) => c.facts),
    }));
  }

  private groupsNow(): Array<CaGroup<Item>> {
    const groups = groupByCa(this.items());
    // Stable node objects per CA: the tree keeps expansion state by element identity.
    const nodes = new Map<string, CaNode>();
    for (const group of groups) nodes.set(group.key, this.caNodes.get(group.key) ?? { ca: group.key });
    this.caNodes = nodes;
    return groups;
  }

  /**
   * The activity-bar badge: how many client certificates need action (none: no badge). Also the context key the
   * Explorer and editor-tab menus read to leave Renew out for files it cannot work on (revoked, expired, CA).
   */
  private updateBadge(): void {
    const items = this.items();
    const unrenewable = items.filter((i) => !renewOffered(i.view)).map((i) => i.file);
    void vscode.commands.executeCommand('setContext', UNRENEWABLE_CONTEXT_KEY, unrenewable);
    const count = needingAction(items.map((i) => i.view));
    const t = vscode.l10n.t;
    this.tree.badge =
      count > 0 ? { value: count, tooltip: count === 1 ? t('1 certificate needs action') : t('{0} certificates need action', count) } : undefined;
  }

  /** The badge as shown now (for the host tests). */
  badge(): vscode.ViewBadge | undefined {
    return this.tree.badge;
  }

  /** The CA groups and their certificate rows, in display order. */
  groups(): CaGroupRow[] {
    const t = vscode.l10n.t;
    const shown = (f: string): string => this.index.displayPath(f);
    return this.groupsNow().map((group) => ({
      label: group.label,
      description: caGroupDescription(group, shown, t),
      rows: group.members.map((m) => certificateRow(m.file, m.view, shown(m.file), t)),
    }));
  }

  /** The certificate rows as the view shows them now, in order (the host tests read this instead of the DOM). */
  rows(): CertificateRow[] {
    return this.groups().flatMap((g) => g.rows);
  }

  getChildren(element?: ViewNode): ViewNode[] {
    const groups = this.groupsNow();
    if (!element) return groups.map((g) => (g.caFiles[0] ? vscode.Uri.file(g.caFiles[0]) : this.caNodes.get(g.key)!));
    const group = this.groupOf(element, groups);
    return (group?.members ?? []).map((m) => vscode.Uri.file(m.file));
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const group = this.groupOf(node, this.groupsNow());
    return group ? this.caItem(group) : this.certificateItem(node as vscode.Uri);
  }

  /** The CA group a node stands for (undefined for a client certificate's node). */
  private groupOf(node: ViewNode, groups: Array<CaGroup<Item>>): CaGroup<Item> | undefined {
    return node instanceof vscode.Uri ? groups.find((g) => g.caFiles[0] === node.fsPath) : groups.find((g) => g.key === node.ca);
  }

  private caItem(group: CaGroup<Item>): vscode.TreeItem {
    const t = vscode.l10n.t;
    const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `ca:${group.key}`;
    item.description = caGroupDescription(group, (f) => this.index.displayPath(f), t);
    item.tooltip = `${group.key}\n${item.description}`;
    item.iconPath = new vscode.ThemeIcon('workspace-trusted');
    const caFile = group.caFiles[0];
    // Menus match on it: a CA with a file offers Details; one only named as issuer offers nothing.
    item.contextValue = caFile ? 'kymaCert:ca' : 'kymaCert:caGroup';
    if (caFile) {
      item.command = { command: CommandId.showCertificateDetails, title: t('Show Certificate Details'), arguments: [vscode.Uri.file(caFile)] };
    }
    return item;
  }

  private certificateItem(uri: vscode.Uri): vscode.TreeItem {
    const entry = this.index.get(uri);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    if (!entry) return item; // removed between getChildren and now; the next change event redraws
    const t = vscode.l10n.t;
    const view = viewOf(entry, entry.certificates[0], new Date(), this.settings.current.thresholds, (f) => this.index.displayPath(f));
    const row = certificateRow(entry.file, view, this.index.displayPath(entry.file), t);
    item.id = `file:${entry.file}`;
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
