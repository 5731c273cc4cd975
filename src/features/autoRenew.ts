import * as vscode from 'vscode';
import { vscodeProxySettings } from './proxySettings';
import { CommandId, StatusBarId } from '../constants';
import { isKymaCertError, messageOf } from '../core/errors';
import { AutoRenewCandidate, planAutoRenew, renewalDueAt } from '../lifecycle/autoRenewPolicy';
import { CertificateEntry, usableKeyFile } from '../lifecycle/certificateEntry';
import { precedence } from '../lifecycle/precedence';
import { CertificateIndex } from './certificateIndex';
import { KeyPassphrases } from './keyPassphrases';
import { displayName, formatUtc } from '../views/presentation';
import { SettingsService } from './settings';
import { WorkflowRunner } from './workflowRunner';
import { certificateLogLabel } from '../core/certificateLabel';

interface FailureRecord {
  /** The certificate that failed; a different one in the file (renewed elsewhere) starts afresh. */
  sha256Hex: string;
  failureCount: number;
  lastFailure: Date;
  lastError: unknown;
  /** The service said revoked: never retry this certificate. */
  revoked: boolean;
}

interface Candidate extends AutoRenewCandidate {
  entry: CertificateEntry;
  keyFile: string;
  infoUrl: string;
  caFile?: string;
}

/** What the scheduler is doing, for the host tests and the log. */
export interface AutoRenewState {
  enabled: boolean;
  trusted: boolean;
  /** Certificate file being renewed now. */
  renewing?: string;
  /** Milliseconds until the next check, when one is scheduled. */
  nextCheckMs?: number;
  /** Successful and failed automatic renewals since activation. */
  renewed: number;
  failed: number;
}

/**
 * Opt-in automatic renewal (`kymaCert.autoRenew.enabled`, machine-scoped: a workspace can't switch it on). One
 * timer; when a certificate with a remembered connection and a matching key has only `thresholdFraction` of its
 * validity left, it is renewed in the background with the same workflow as the Renew command, one at a time
 * (the workflow's lock keeps other windows out). Failures back off exponentially; after three in a row a warning
 * stays in the status bar until a renewal succeeds. Never runs in Restricted Mode.
 */
export class AutoRenew implements vscode.Disposable {
  private readonly failures = new Map<string, FailureRecord>();
  private readonly notice = vscode.window.createStatusBarItem(StatusBarId.autoRenewFailing, vscode.StatusBarAlignment.Left, 98);
  private readonly subscriptions: vscode.Disposable[];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private state: AutoRenewState = { enabled: false, trusted: false, renewed: 0, failed: 0 };
  private warnedStreaks = new Set<string>();
  private disposed = false;

  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
    private readonly passphrases: KeyPassphrases,
    private readonly runner: WorkflowRunner,
    private readonly random: () => number = Math.random,
  ) {
    this.notice.name = vscode.l10n.t('Kyma Certificates: automatic renewal');
    this.notice.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.notice.command = { command: CommandId.showLogs, title: vscode.l10n.t('Show Logs') };
    this.subscriptions = [
      index.onDidChange(() => this.schedule()),
      settings.onDidChange(() => this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
    ];
    void index.ready().then(() => this.schedule());
  }

  /** A copy of the current state. */
  current(): AutoRenewState {
    return { ...this.state };
  }

  /** Resolves when no automatic renewal is running. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Re-plans: renews what is due now, or sets the timer for the next check. */
  private schedule(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const { autoRenewEnabled: enabled, autoRenewThresholdFraction: thresholdFraction } = this.settings.current;
    this.state = { ...this.state, enabled, trusted: vscode.workspace.isTrusted, nextCheckMs: undefined };
    if (!enabled || !vscode.workspace.isTrusted) {
      this.notice.hide();
      return;
    }
    if (this.running) return; // re-planned when the running renewal ends

    const plan = planAutoRenew(this.candidates(), new Date(), { thresholdFraction, random: this.random });
    this.showNotice(plan.notices);
    if (plan.due) {
      const due = plan.due;
      this.running = this.renew(due, thresholdFraction).finally(() => {
        this.running = undefined;
        this.state = { ...this.state, renewing: undefined };
        this.schedule();
      });
      return;
    }
    this.state = { ...this.state, nextCheckMs: plan.nextCheckMs };
    this.timer = setTimeout(() => this.schedule(), plan.nextCheckMs);
  }

  /** Client certificates that renewal could handle without asking anything. */
  private candidates(): Candidate[] {
    const settings = this.settings.current;
    const result: Candidate[] = [];
    for (const entry of this.index.all()) {
      const leaf = entry.certificates[0].facts;
      if (leaf.isCA) continue;
      const failure = this.failures.get(entry.file);
      const current = failure?.sha256Hex === leaf.sha256Hex ? failure : undefined;
      const keyFile = usableKeyFile(entry.key);
      // The resolver's precedence, without the workspace's info URL: only a remembered connection says which cluster.
      const { infoUrl, caFile } = precedence({}, entry.connection, { caFile: settings.caFile });
      result.push({
        entry,
        keyFile: keyFile ?? '',
        infoUrl: infoUrl ?? '',
        caFile,
        notBefore: leaf.notBefore,
        notAfter: leaf.notAfter,
        // Only a remembered connection counts: settings alone could point a certificate at the wrong cluster.
        hasConnection: keyFile !== undefined && infoUrl !== undefined,
        revoked: entry.revoked || current?.revoked === true,
        failureCount: current?.failureCount ?? 0,
        lastFailure: current?.lastFailure,
      });
    }
    return result;
  }

  private async renew(candidate: Candidate, thresholdFraction: number): Promise<void> {
    const t = vscode.l10n.t;
    const { entry } = candidate;
    const leaf = entry.certificates[0].facts;
    const name = displayName(leaf);
    const shown = this.index.displayPath(entry.file);
    this.state = { ...this.state, renewing: entry.file };
    this.log.info(`Auto-renew: renewing ${certificateLogLabel(leaf)} in ${shown}`);
    const spec = { title: t('Renewing {0} automatically', name), certFile: entry.file, quiet: true };
    const outcome = await this.runner.run(spec, async ({ signal, log }) => {
      const { renewCertificate } = await import('../lifecycle/renew');
      // In the background nobody is asked: an encrypted key renews only with a passphrase kept in the keychain.
      const { passphrase } = (await this.passphrases.unlock(candidate.keyFile, name, false)) ?? {};
      const { keyFile, infoUrl, caFile } = candidate;
      const insecure = this.settings.current.insecure;
      const rotateKey = this.settings.current.rotateKey;
      return renewCertificate({
        certFile: entry.file,
        keyFile,
        keyPassphrase: passphrase,
        infoUrl,
        caFile,
        insecure,
        rotateKey,
        proxy: vscodeProxySettings(),
        signal,
        log: (line) => log(`Auto-renew: ${line}`),
      });
    });
    if (!outcome.ok) {
      if (outcome.cancelled && this.disposed) return;
      this.state = { ...this.state, failed: this.state.failed + 1 };
      this.recordFailure(entry.file, leaf.sha256Hex, outcome.error);
      return;
    }
    const renewed = outcome.value.renewed;
    this.log.info(`Auto-renew: renewed ${certificateLogLabel(renewed)}`);
    this.state = { ...this.state, renewed: this.state.renewed + 1 };
    if (renewalDueAt(renewed, thresholdFraction).getTime() <= Date.now()) {
      // A certificate that is due again at once would loop; back off as if it had failed.
      this.recordFailure(entry.file, renewed.sha256Hex, new Error('the renewed certificate is already due for renewal again'));
    } else {
      this.failures.delete(entry.file);
    }
    await this.index.refresh(vscode.Uri.file(entry.file));
    void vscode.window.showInformationMessage(t('Renewed {0} automatically: valid until {1}.', name, formatUtc(renewed.notAfter)));
  }

  /** Extends the failure streak of the certificate `sha256Hex` in `file` (a different certificate starts a new one). */
  private recordFailure(file: string, sha256Hex: string, error: unknown): void {
    const previous = this.failures.get(file);
    const failureCount = (previous?.sha256Hex === sha256Hex ? previous.failureCount : 0) + 1;
    this.failures.set(file, {
      sha256Hex,
      failureCount,
      lastFailure: new Date(),
      lastError: error,
      revoked: isKymaCertError(error, 'revoked'),
    });
  }

  /** The persistent notice: a status bar warning while any failure streak is long, plus one message per streak. */
  private showNotice(failing: readonly Candidate[]): void {
    const t = vscode.l10n.t;
    if (failing.length === 0) {
      this.notice.hide();
      this.warnedStreaks.clear();
      return;
    }
    const names = failing.map((c) => displayName(c.entry.certificates[0].facts));
    this.notice.text = `$(sync-ignored) ${t('Auto-renew failing')}`;
    this.notice.tooltip = t('Automatic renewal keeps failing for: {0}. Click to show the logs.', names.join(', '));
    this.notice.show();
    for (const candidate of failing) {
      const record = this.failures.get(candidate.entry.file);
      const streak = `${candidate.entry.file}:${record?.sha256Hex}`;
      if (!record || this.warnedStreaks.has(streak)) continue;
      this.warnedStreaks.add(streak);
      const name = displayName(candidate.entry.certificates[0].facts);
      this.runner.reportFailure(t('Automatic renewal of {0}', name), record.lastError, {
        certFile: candidate.entry.file,
        headline: t('Automatic renewal of {0} failed {1} times in a row: {2}', name, record.failureCount, messageOf(record.lastError)),
        actions: [{ kind: 'command', title: t('Renew Now'), command: CommandId.renewCertificate, withCertificate: true }],
        warning: true,
      });
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
    this.notice.dispose();
  }
}
