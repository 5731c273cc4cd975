import * as vscode from 'vscode';
import { vscodeProxySettings } from './proxySettings';
import { CommandId } from '../constants';
import { certificateLogLabel } from '../core/certificateLabel';
import { ErrorKind, KymaCertError, NEEDS_NEW_CERTIFICATE, isKymaCertError, messageOf } from '../core/errors';
import { assessExpiry } from '../core/expiry';
import { writeConnection, type RememberedConnection } from '../lifecycle/connection';
import type { RenewResult } from '../lifecycle/renew';
import { CertificateEntry, loadCertificateReader, usableKeyFile } from '../lifecycle/certificateEntry';
import { CertificateIndex } from './certificateIndex';
import { displayName, expiryPhrase, formatUtc, needsNewCertificateMessage } from '../views/presentation';
import { KeyPassphrases } from './keyPassphrases';
import { askForFile, askForInfoUrl } from './renewalPrompts';
import { SettingsService } from './settings';
import { WorkflowResult, WorkflowRunner } from './workflowRunner';

/** How a renewal attempt ended (the renew command returns it, so tests and callers can tell). */
export type RenewalOutcome = 'renewed' | 'failed' | 'cancelled' | 'refused';

/** Failures that prove the connection answers were right (the server was reached and trusted): keep them. */
const ANSWERS_CONFIRMED_BY: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'cancelled',
  'server',
  'verification',
  'locked',
  'bad-request',
  'revoked',
  'invalid-token',
]);

interface RenewalInputs {
  keyFile: string;
  infoUrl: string;
  caFile?: string;
  /** Something the user answered just now (to be remembered). */
  asked: boolean;
  /** Of an encrypted key; memory only, never remembered in the connection file. */
  keyPassphrase?: string;
}

/**
 * Renewal from the editor: fills in what the certificate's remembered connection and the settings don't say
 * (key file, management-info URL or cluster domain, server CA) by asking once, runs the lifecycle workflow under
 * a cancellable progress notification, and reports the outcome. Business logic stays in `lifecycle/renew`.
 */
export class RenewalFlow {
  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
    private readonly passphrases: KeyPassphrases,
    private readonly runner: WorkflowRunner,
  ) {}

  async renew(certUri: vscode.Uri): Promise<RenewalOutcome> {
    const t = vscode.l10n.t;
    const certFile = certUri.fsPath;
    const shown = this.index.displayPath(certFile);
    const entry = this.index.get(certUri) ?? (await this.readUnindexed(certFile));
    if (!entry) {
      void vscode.window.showErrorMessage(t('{0} holds no certificate that can be renewed.', shown));
      return 'refused';
    }
    const leaf = entry.certificates[0].facts;
    const name = displayName(leaf);
    if (leaf.isCA) {
      void vscode.window.showErrorMessage(t('{0} is a CA certificate; only client certificates can be renewed.', name));
      return 'refused';
    }
    if (entry.revoked) {
      // Known to be revoked (its remembered connection says so): the service would refuse; don't ask it.
      this.log.info(`Not renewing ${leaf.subjectText} in ${shown}: it was revoked on ${entry.connection?.revoked?.at ?? '?'}`);
      const revoked = new KymaCertError('revoked', needsNewCertificateMessage(name, 'revoked', t), undefined, {
        remedy: { kind: 'new-certificate-with-token', data: { reason: 'revoked' } },
      });
      this.runner.reportFailure(t('Renewing {0}', name), revoked, { certFile, headline: revoked.message });
      return 'refused';
    }

    // The one resolver: the remembered connection (paths inside the folder only), then the workspace settings.
    const { defaultsFromSettings, resolveCertificateInputs } = await import('../lifecycle/resolve');
    const resolved = await resolveCertificateInputs(certFile, {}, defaultsFromSettings(this.settings.current));
    if (resolved.rememberedProblem) this.log.warn(`Ignoring the remembered connection of ${shown}: ${resolved.rememberedProblem.message}`);
    const connection = resolved.remembered;
    const inputs = await this.collectInputs(certFile, name, usableKeyFile(entry.key), resolved);
    if (!inputs) return 'cancelled';
    try {
      const unlocked = await this.passphrases.unlock(inputs.keyFile, name, true);
      if (!unlocked) return 'cancelled';
      inputs.keyPassphrase = unlocked.passphrase;
    } catch (e) {
      this.reportFailure(name, e, certFile);
      return 'failed';
    }

    this.log.info(`Renewing ${certificateLogLabel(leaf)} in ${shown}`);
    const outcome = await this.run(certFile, name, inputs);
    if (outcome.caFile !== inputs.caFile) {
      inputs.caFile = outcome.caFile;
      inputs.asked = true;
    }

    if (outcome.ok) {
      await this.index.refresh(certUri); // status bar and hovers show the new expiry at once
      this.reportSuccess(certUri, name, outcome.value);
      return 'renewed';
    }
    const kind = isKymaCertError(outcome.error) ? outcome.error.kind : undefined;
    if (kind === 'bad-passphrase') await this.passphrases.forget(inputs.keyFile);
    if (inputs.asked && kind && ANSWERS_CONFIRMED_BY.has(kind)) await this.remember(certFile, connection, inputs);
    if (kind === 'cancelled') {
      void vscode.window.showInformationMessage(t('Renewal of {0} cancelled; nothing was changed.', name));
      return 'cancelled';
    }
    this.reportFailure(name, outcome.error, certFile);
    return 'failed';
  }

  private run(certFile: string, name: string, inputs: RenewalInputs): Promise<WorkflowResult<RenewResult> & { caFile?: string }> {
    const spec = { title: vscode.l10n.t('Renewing {0}', name), certFile, insecure: this.settings.current.insecure, reportFailure: false };
    return this.runner.runAskingForCa(spec, inputs.caFile, async ({ signal, progress, log }, caFile) => {
      // The connector stack (axios) loads on the first renewal, not at activation.
      const { renewCertificate } = await import('../lifecycle/renew');
      const { keyFile, keyPassphrase, infoUrl } = inputs;
      const rotateKey = this.settings.current.rotateKey;
      const result = await renewCertificate({
        certFile,
        keyFile,
        keyPassphrase,
        infoUrl,
        caFile,
        insecure: spec.insecure,
        rotateKey,
        proxy: vscodeProxySettings(),
        signal,
        onProgress: progress,
        log,
      });
      this.log.info(`Renewed ${certificateLogLabel(result.renewed)}`);
      return result;
    });
  }

  /** The key (paired by the index through the resolver), URL and CA to use; asks for what is unknown. */
  private async collectInputs(
    certFile: string,
    name: string,
    pairedKey: string | undefined,
    resolved: { infoUrl?: string; caFile?: string },
  ): Promise<RenewalInputs | undefined> {
    const t = vscode.l10n.t;
    let asked = false;
    let keyFile = pairedKey;
    if (!keyFile) {
      keyFile = await askForFile(certFile, t('Select the private key of {0}', name), t('Use this key'));
      if (!keyFile) return undefined;
      asked = true;
    }
    let infoUrl = resolved.infoUrl;
    if (!infoUrl) {
      infoUrl = await askForInfoUrl(name);
      if (!infoUrl) return undefined;
      asked = true;
    }
    return { keyFile, infoUrl, caFile: resolved.caFile, asked };
  }

  /** Keeps the answers next to the certificate (URLs and file names only) so the next renewal asks nothing. */
  private async remember(certFile: string, previous: RememberedConnection | undefined, inputs: RenewalInputs): Promise<void> {
    try {
      await writeConnection(certFile, { ...previous, infoUrl: inputs.infoUrl, keyFile: inputs.keyFile, caFile: inputs.caFile });
    } catch (e) {
      this.log.warn(`Could not remember the connection of ${certFile}: ${messageOf(e)}`);
    }
  }

  private reportSuccess(certUri: vscode.Uri, name: string, result: RenewResult): void {
    const t = vscode.l10n.t;
    const expiry = assessExpiry(result.renewed, new Date(), this.settings.current.thresholds);
    const showDetails = t('Show Details');
    void vscode.window
      .showInformationMessage(
        t('Renewed {0}: valid until {1} ({2}).', name, formatUtc(result.renewed.notAfter), expiryPhrase({ expiry, revoked: false }, t)),
        showDetails,
      )
      .then((choice) => {
        if (choice === showDetails) void vscode.commands.executeCommand(CommandId.showCertificateDetails, certUri);
      });
  }

  private reportFailure(name: string, error: unknown, certFile: string): void {
    const t = vscode.l10n.t;
    // Expired or revoked: said once, with what helps (the remedy's button requests a new certificate for the same
    // file names); the server's own words are in the log.
    const headline =
      isKymaCertError(error) && NEEDS_NEW_CERTIFICATE.has(error.kind)
        ? needsNewCertificateMessage(name, error.kind === 'revoked' ? 'revoked' : 'expired', t)
        : undefined;
    this.runner.reportFailure(t('Renewing {0}', name), error, { certFile, headline });
  }

  private async readUnindexed(certFile: string): Promise<CertificateEntry | undefined> {
    const { readCertificateEntry } = await loadCertificateReader();
    const result = await readCertificateEntry(certFile, { maxFileSizeBytes: this.settings.current.maxFileSizeBytes });
    return 'entry' in result ? result.entry : undefined;
  }
}
