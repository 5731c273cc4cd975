import * as path from 'node:path';
import { vscodeProxySettings } from '../features/proxySettings';
import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { usableKeyFile } from '../lifecycle/certificateEntry';
import { CertificateIndex } from '../features/certificateIndex';
import { resolveCertificateTarget } from '../features/certificatePicker';
import { CommandOutcome, optionsArg, refusedInRestrictedMode } from '../features/commandSupport';
import { WorkflowRunner } from '../features/workflowRunner';
import { certificateLogLabel } from '../core/certificateLabel';
import { displayName } from '../views/presentation';
import { askForInfoUrl } from '../features/renewalPrompts';
import { KeyPassphrases } from '../features/keyPassphrases';
import { confirmRevocation } from '../features/revokeConfirmation';
import { SettingsService } from '../features/settings';

/** Scripted use (tests): `{ confirm: true }` skips the modal confirmation. */
export interface RevokeArgs {
  confirm: boolean;
}

/**
 * "Kyma Certificates: Revoke Certificate": after a modal confirmation naming the subject and SHA-256 fingerprint,
 * revokes the certificate with the Connector Service (`revokeCertificate`). The remembered connection records it,
 * so the status bar, hover, Problems and the Certificates view show it as revoked. Refused in Restricted Mode.
 */
export function registerRevokeCertificateCommand(
  index: CertificateIndex,
  settings: SettingsService,
  log: vscode.LogOutputChannel,
  passphrases: KeyPassphrases,
  runner: WorkflowRunner,
): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.revokeCertificate, async (arg?: unknown, options?: unknown): Promise<CommandOutcome> => {
    const t = vscode.l10n.t;
    if (
      refusedInRestrictedMode(
        t('Revocation is disabled in Restricted Mode: it would send your client certificate to a server. Trust the workspace to revoke certificates.'),
      )
    ) {
      return 'refused';
    }
    const target = await resolveCertificateTarget(arg, index, settings, {
      placeHolder: t('Which certificate should be revoked?'),
      clientOnly: true,
      askWhenSeveral: true,
    });
    if (!target) return 'cancelled';
    const entry = index.get(target);
    const leaf = entry?.certificates[0].facts;
    if (!entry || !leaf || leaf.isCA) {
      void vscode.window.showErrorMessage(t('{0} holds no client certificate that can be revoked.', index.displayPath(target.fsPath)));
      return 'refused';
    }
    const name = displayName(leaf);
    if (entry.revoked) {
      void vscode.window.showInformationMessage(t('{0} is already revoked.', name));
      return 'refused';
    }
    const keyFile = usableKeyFile(entry.key);
    if (!keyFile) {
      void vscode.window.showErrorMessage(
        t('Revoking {0} needs its private key (the request is signed in the TLS handshake), and no matching key was found.', name),
      );
      return 'refused';
    }
    const current = settings.current;
    // The one resolver's precedence: the remembered connection, then the workspace settings.
    const { defaultsFromSettings, precedence } = await import('../lifecycle/precedence');
    const resolved = precedence({}, entry.connection, defaultsFromSettings(current));
    const infoUrl = resolved.infoUrl ?? (await askForInfoUrl(name));
    if (!infoUrl) return 'cancelled';
    let keyPassphrase: string | undefined;
    try {
      const unlocked = await passphrases.unlock(keyFile, name, true);
      if (!unlocked) return 'cancelled';
      keyPassphrase = unlocked.passphrase;
    } catch (error) {
      runner.reportFailure(t('Revoking {0}', name), error, { certFile: entry.file });
      return 'failed';
    }

    if (!optionsArg<RevokeArgs>(options).confirm) {
      const answer = await confirmRevocation(name, leaf);
      if (answer === 'show-details') void vscode.commands.executeCommand(CommandId.showCertificateDetails, target);
      if (answer !== 'revoke') return 'cancelled';
    }

    const outcome = await runner.run({ title: t('Revoking {0}', name), certFile: entry.file }, async ({ signal, progress, log }) => {
      const { revokeCertificate } = await import('../lifecycle/revoke');
      const { caFile } = resolved;
      return revokeCertificate({
        certFile: entry.file,
        keyFile,
        keyPassphrase,
        infoUrl,
        caFile,
        insecure: current.insecure,
        proxy: vscodeProxySettings(),
        signal,
        onProgress: progress,
        log,
      });
    });
    if (!outcome.ok) return outcome.cancelled ? 'cancelled' : 'failed';
    log.info(`Revoked ${certificateLogLabel(leaf)} in ${index.displayPath(entry.file)}`);
    await index.refresh(target);
    const requestNew = t('Request Certificate with Token…');
    void vscode.window
      .showInformationMessage(t('Revoked {0}. Renewal is no longer possible; request a new certificate with a one-time token.', name), requestNew)
      .then((choice) => {
        if (choice === requestNew) {
          void vscode.commands.executeCommand(CommandId.requestCertificateWithToken, {
            outDir: path.dirname(entry.file),
            name: path.parse(entry.file).name,
            replace: true,
          });
        }
      });
    return 'done';
  });
}
