/**
 * Composition root of the VS Code extension: creates the features, wires them together and hands every
 * disposable to the context. No business logic here (that lives in core/ and lifecycle/), and nothing slow:
 * the workspace scan starts after activate() returns.
 */
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { registerRefreshCommand } from './commands/refresh';
import { registerRenewCertificateCommand } from './commands/renewCertificate';
import { registerRequestCertificateWithTokenCommand } from './commands/requestCertificateWithToken';
import { registerRestoreCertificateCommand } from './commands/restoreCertificate';
import { registerRevokeCertificateCommand } from './commands/revokeCertificate';
import { registerShowCertificateDetailsCommand } from './commands/showCertificateDetails';
import { registerShowLogsCommand } from './commands/showLogs';
import { DISPLAY_NAME } from './constants';
import { safeLog } from './features/safeLog';
import { AutoRenew } from './features/autoRenew';
import { CertificateIndex } from './features/certificateIndex';
import { CertificatesView } from './features/certificatesView';
import { CertificateDetailsPanels } from './features/detailsPanel';
import { CertificateDiagnostics } from './features/diagnostics';
import { CertificateHoverProvider } from './features/hoverProvider';
import { InsecureTlsWarning } from './features/insecureTlsWarning';
import { KeyPassphrases } from './features/keyPassphrases';
import { RenewalFlow } from './features/renewalFlow';
import { SettingsService } from './features/settings';
import { CertificateStatusBar } from './features/statusBar';
import { WorkflowRunner } from './features/workflowRunner';

/**
 * What `activate()` returns (`vscode.extensions.getExtension('kyma-cert.kyma-cert').exports`). Meant for the host
 * tests and for scripts; it only reads, so it is safe to hand out.
 */
export interface KymaCertApi {
  index: Pick<CertificateIndex, 'ready' | 'whenIdle' | 'all' | 'get' | 'refresh' | 'onDidChange'>;
  /** How long `activate()` took, in milliseconds (the scan is not included: it runs afterwards). */
  activationMs: number;
  /** The Certificates view's rows, in display order. */
  certificatesView: Pick<CertificatesView, 'rows' | 'groups' | 'badge'>;
  /** Problems entries: resolves when they reflect the latest index change. */
  diagnostics: Pick<CertificateDiagnostics, 'whenUpdated'>;
  autoRenew: Pick<AutoRenew, 'current' | 'whenIdle'>;
  /** The open Certificate Details panels: their HTML and when it changed. */
  detailsPanels: Pick<CertificateDetailsPanels, 'htmlOf' | 'openFiles' | 'onDidRender'>;
}

export function activate(context: vscode.ExtensionContext): KymaCertApi {
  const started = performance.now();
  const log = safeLog(vscode.window.createOutputChannel(DISPLAY_NAME, { log: true }));
  const settings = new SettingsService();
  const index = new CertificateIndex(settings, log);
  const passphrases = new KeyPassphrases(context.secrets, settings, log);
  const runner = new WorkflowRunner(log);
  const renewal = new RenewalFlow(index, settings, log, passphrases, runner);
  const certificatesView = new CertificatesView(index, settings);
  const diagnostics = new CertificateDiagnostics(index, settings, log);
  const autoRenew = new AutoRenew(index, settings, log, passphrases, runner);
  const detailsPanels = new CertificateDetailsPanels(index, settings, log);

  context.subscriptions.push(
    log,
    settings,
    index,
    runner, // aborts running workflows (renewals included) on deactivation
    new CertificateStatusBar(index, settings),
    new InsecureTlsWarning(settings, log),
    new CertificateHoverProvider(index, settings),
    detailsPanels,
    registerRenewCertificateCommand(renewal, index, settings),
    registerShowCertificateDetailsCommand(index, settings, detailsPanels),
    registerRefreshCommand(index),
    registerShowLogsCommand(log),
    certificatesView,
    diagnostics,
    autoRenew,
    registerRequestCertificateWithTokenCommand(index, settings, log, runner),
    registerRevokeCertificateCommand(index, settings, log, passphrases, runner),
    registerRestoreCertificateCommand(index, settings, log, runner),
  );

  index.start(); // returns at once; the scan and the status bar fill in afterwards
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms (VS Code ${vscode.version}, workspace trusted: ${vscode.workspace.isTrusted}).`);
  return {
    index: {
      ready: () => index.ready(),
      whenIdle: () => index.whenIdle(),
      all: () => index.all(),
      get: (file) => index.get(file),
      refresh: (file) => index.refresh(file),
      onDidChange: index.onDidChange,
    },
    activationMs,
    certificatesView: {
      rows: () => certificatesView.rows(),
      groups: () => certificatesView.groups(),
      badge: () => certificatesView.badge(),
    },
    diagnostics: { whenUpdated: () => diagnostics.whenUpdated() },
    autoRenew: { current: () => autoRenew.current(), whenIdle: () => autoRenew.whenIdle() },
    detailsPanels: {
      htmlOf: (file) => detailsPanels.htmlOf(file),
      openFiles: () => detailsPanels.openFiles(),
      onDidRender: detailsPanels.onDidRender,
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
