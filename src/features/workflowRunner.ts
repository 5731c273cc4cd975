/**
 * The one way the editor runs a lifecycle workflow (renew, issue, revoke, restore; by command or by auto-renew):
 * a cancellable progress notification, one log line when it starts and one when it ends, and one failure report
 * whose text and buttons come from the error's remedy (src/views/remedies.ts). Commands only say what to ask and
 * what to call.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { isKymaCertError, messageOf } from '../core/errors';
import { RemedyAction, editorRemedy } from '../views/remedies';
import { askForFile } from './renewalPrompts';

/** What a workflow gets from the runner. */
export interface WorkflowControls {
  /** Aborted when the user cancels the notification or the extension is deactivated. */
  signal: AbortSignal;
  /** A lifecycle progress step (English; localized here). */
  progress(step: string): void;
  /** A line for the log (never key material; lifecycle code already guarantees that). */
  log(line: string): void;
}

export interface WorkflowSpec {
  /** Localized title of the progress notification and prefix of the failure, e.g. "Renewing app". */
  title: string;
  /** The certificate the workflow is about: remedy buttons act on it (e.g. request a new one for the same files). */
  certFile?: string;
  /** Background work (auto-renew): progress in the status bar only, no failure notification, only the log. */
  quiet?: boolean;
  /** False when the caller reports the failure itself (e.g. after offering a retry). Default true. */
  reportFailure?: boolean;
}

export type WorkflowResult<T> = { ok: true; value: T } | { ok: false; error: unknown; cancelled: boolean };

export class WorkflowRunner implements vscode.Disposable {
  private readonly running = new Set<AbortController>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  async run<T>(spec: WorkflowSpec, work: (controls: WorkflowControls) => Promise<T>): Promise<WorkflowResult<T>> {
    const abort = new AbortController();
    this.running.add(abort);
    const controls = (report: (step: string) => void): WorkflowControls => ({
      signal: abort.signal,
      progress: (step) => report(vscode.l10n.t(step)),
      log: (line) => this.log.info(line),
    });
    try {
      const value = spec.quiet
        ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: spec.title }, () => work(controls(() => undefined)))
        : await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: spec.title, cancellable: true }, (progress, token) => {
            token.onCancellationRequested(() => abort.abort());
            return work(controls((message) => progress.report({ message })));
          });
      return { ok: true, value };
    } catch (error) {
      const cancelled = isKymaCertError(error, 'cancelled');
      this.log.error(`${spec.title} failed: ${describeError(error)}`);
      if (!cancelled && !spec.quiet && spec.reportFailure !== false) this.reportFailure(spec.title, error, { certFile: spec.certFile });
      return { ok: false, error, cancelled };
    } finally {
      this.running.delete(abort);
    }
  }

  /**
   * `run`, and when the server is not trusted and no CA file was given (nor insecure TLS chosen), asks for the
   * cluster's CA once and runs again with it (TLS fails before anything is sent or spent). Reports the final failure.
   * `caFile` in the result is the one used (asked for or given).
   */
  async runAskingForCa<T>(
    spec: WorkflowSpec & { certFile: string; insecure: boolean },
    caFile: string | undefined,
    work: (controls: WorkflowControls, caFile: string | undefined) => Promise<T>,
  ): Promise<WorkflowResult<T> & { caFile?: string }> {
    const t = vscode.l10n.t;
    const first = await this.run({ ...spec, reportFailure: false }, (controls) => work(controls, caFile));
    let outcome: WorkflowResult<T> = first;
    if (!first.ok && isKymaCertError(first.error, 'untrusted-server') && !caFile && !spec.insecure) {
      caFile = await askForFile(spec.certFile, t('Select the CA certificate of the cluster (the server is not trusted)'), t('Use this CA'));
      if (caFile) outcome = await this.run({ ...spec, reportFailure: false }, (controls) => work(controls, caFile));
    }
    if (!outcome.ok && !outcome.cancelled && spec.reportFailure !== false) this.reportFailure(spec.title, outcome.error, { certFile: spec.certFile });
    return { ...outcome, caFile };
  }

  /**
   * The one failure notification: "<what> failed: <message> <remedy>" (or `headline` instead of the first part),
   * with `actions` first, then the remedy's buttons and Show Logs.
   */
  reportFailure(what: string, error: unknown, options: { certFile?: string; headline?: string; actions?: RemedyAction[]; warning?: boolean } = {}): void {
    const t = vscode.l10n.t;
    const remedy = editorRemedy(error, t);
    const headline = options.headline ?? t('{0} failed: {1}', what, messageOf(error));
    // A headline that already says what helps (e.g. "… was revoked, … Request a new certificate …") is not repeated.
    const text = remedy.text === '' || headline.includes(remedy.text) ? headline : `${headline} ${remedy.text}`;
    const actions = [...(options.actions ?? []), ...remedy.actions];
    const show = options.warning ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    void show(text, ...actions.map((a) => a.title)).then((choice) => {
      const action = actions.find((a) => a.title === choice);
      if (action) void this.perform(action, options.certFile);
    });
  }

  private async perform(action: RemedyAction, certFile: string | undefined): Promise<void> {
    switch (action.kind) {
      case 'show-logs':
        this.log.show(true);
        return;
      case 'open-settings':
        await vscode.commands.executeCommand('workbench.action.openSettings', action.setting);
        return;
      case 'open-file':
        await vscode.window.showTextDocument(vscode.Uri.file(action.file));
        return;
      case 'command':
        await vscode.commands.executeCommand(action.command, ...(action.withCertificate && certFile ? [argumentFor(action.command, certFile)] : []));
        return;
    }
  }

  dispose(): void {
    for (const abort of this.running) abort.abort();
  }
}

/** What a remedy command needs to act on the certificate: the token flow writes the same file names. */
function argumentFor(command: string, certFile: string): unknown {
  if (command === CommandId.requestCertificateWithToken) {
    return { outDir: path.dirname(certFile), name: path.parse(certFile).name, replace: true };
  }
  return vscode.Uri.file(certFile);
}

/** `kind: message` for the log. */
function describeError(error: unknown): string {
  return `${isKymaCertError(error) ? `${error.kind}: ` : ''}${messageOf(error)}`;
}
