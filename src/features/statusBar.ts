import * as vscode from 'vscode';
import { CommandId, StatusBarId } from '../constants';
import { CertificateEntry } from '../lifecycle/certificateEntry';
import { CertificateIndex } from './certificateIndex';
import { PICK_CERTIFICATE } from './certificatePicker';
import { CertificateView, severityOf } from '../views/presentation';
import { SettingsService } from './settings';
import { problemsOfEntry } from '../views/diagnosticsContent';
import { mostUrgent, needingAttention, renewOffered, statusBarText, statusBarTooltip } from '../views/statusBarContent';
import { viewOf } from '../views/entryView';

/** Days left change while the editor stays open; re-render on this period. */
const RERENDER_MS = 60 * 60 * 1000;

interface Candidate extends CertificateView {
  entry: CertificateEntry;
}

/**
 * The status bar item: the certificate of the active editor, or else the most urgent client certificate of the
 * workspace, as `$(shield) <CN> · <N>d`, coloured by severity. A click renews it (or offers a pick when several
 * certificates need attention).
 */
export class CertificateStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(StatusBarId.certificate, vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: vscode.Disposable[];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
  ) {
    this.item.name = vscode.l10n.t('Kyma Certificates');
    this.subscriptions = [
      index.onDidChange(() => this.render()),
      settings.onDidChange(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
    ];
    this.timer = setInterval(() => this.render(), RERENDER_MS);
    this.render();
  }

  private render(): void {
    const now = new Date();
    const { thresholds } = this.settings.current;
    const candidates: Candidate[] = this.index
      .all()
      .map((entry) => ({ entry, ...viewOf(entry, entry.certificates[0], now, thresholds, (f) => this.index.displayPath(f)) }));
    const shown = this.activeCandidate(candidates) ?? mostUrgent(candidates);
    if (!shown) {
      this.item.hide();
      return;
    }
    const attention = needingAttention(candidates);
    const target = vscode.Uri.file(shown.entry.file).toString();
    const t = vscode.l10n.t;

    this.item.text = statusBarText(shown, t);
    const problems = problemsOfEntry(shown.entry, now, thresholds, t, (f) => this.index.displayPath(f))
      .filter((p) => p.startLine === shown.entry.certificates[0].startLine)
      .map((p) => p.message);
    const tooltip = new vscode.MarkdownString(
      statusBarTooltip(shown, { t, target, othersNeedingAttention: attention.filter((c) => c !== shown).length, problems }),
    );
    tooltip.isTrusted = { enabledCommands: [CommandId.renewCertificate, CommandId.showCertificateDetails] };
    this.item.tooltip = tooltip;
    const severity = severityOf(shown);
    this.item.backgroundColor =
      severity === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : severity === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    // Several renewable certificates need attention: let the user pick. Otherwise renew the one shown, unless it
    // is revoked or expired (the service refuses those): then the click shows its details and what to do.
    const renewable = attention.filter(renewOffered);
    this.item.command = renewOffered(shown)
      ? { command: CommandId.renewCertificate, title: t('Renew Certificate'), arguments: [renewable.length > 1 ? PICK_CERTIFICATE : target] }
      : { command: CommandId.showCertificateDetails, title: t('Show Certificate Details'), arguments: [target] };
    this.item.accessibilityInformation = { label: `${t('Kyma Certificates')}: ${this.item.text.replace('$(shield) ', '')}` };
    this.item.show();
  }

  /** The client certificate open in the active editor, if it is indexed. */
  private activeCandidate(candidates: Candidate[]): Candidate | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (uri?.scheme !== 'file') return undefined;
    return candidates.find((c) => c.entry.file === uri.fsPath && !c.facts.isCA);
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
