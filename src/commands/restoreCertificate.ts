import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { messageOf } from '../core/errors';
import { CertificateIndex } from '../features/certificateIndex';
import { resolveCertificateTarget } from '../features/certificatePicker';
import { CommandOutcome, optionsArg, refusedInRestrictedMode } from '../features/commandSupport';
import { WorkflowRunner } from '../features/workflowRunner';
import { certificateLogLabel } from '../core/certificateLabel';
import { displayName, formatUtc } from '../views/presentation';
import { SettingsService } from '../features/settings';
import { readRegularFile } from '../io/boundedRead';
import type { BackupEntry } from '../lifecycle/backups';

/** Scripted use (tests): which backup (`id` from listBackups); without it the user picks. */
export interface RestoreArgs {
  backup: string;
}

/**
 * "Kyma Certificates: Restore Previous Certificate": a quick pick of the backups renewal kept (newest first, with
 * each one's validity), then `restoreCertificate`, which puts the chosen one back and keeps the current one as a
 * backup (restoring twice undoes). Refused in Restricted Mode (it writes files).
 */
export function registerRestoreCertificateCommand(
  index: CertificateIndex,
  settings: SettingsService,
  log: vscode.LogOutputChannel,
  runner: WorkflowRunner,
): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.restoreCertificate, async (arg?: unknown, options?: unknown): Promise<CommandOutcome> => {
    const t = vscode.l10n.t;
    if (
      refusedInRestrictedMode(t('Restoring is disabled in Restricted Mode: it rewrites files in this folder. Trust the workspace to restore certificates.'))
    ) {
      return 'refused';
    }
    const target = await resolveCertificateTarget(arg, index, settings, { placeHolder: t('Which certificate should be restored?'), clientOnly: true });
    if (!target) return 'cancelled';
    const shown = index.displayPath(target.fsPath);
    const { listBackups, restoreCertificate } = await import('../lifecycle/restore');
    let backups: BackupEntry[];
    try {
      backups = await listBackups(target.fsPath);
    } catch (error) {
      runner.reportFailure(t('Listing the backups of {0}', shown), error, { certFile: target.fsPath });
      return 'failed';
    }
    if (backups.length === 0) {
      void vscode.window.showInformationMessage(t('There is no earlier version of {0}. Renewal keeps the previous certificates in .kyma-backups.', shown));
      return 'refused';
    }
    const wanted = optionsArg<RestoreArgs>(options).backup;
    const backup = wanted ? backups.find((b) => b.id === wanted) : await pickBackup(backups, shown);
    if (!backup) return wanted ? 'refused' : 'cancelled';

    // The key the index paired (the resolver's answer, including the keyFiles setting): a backup must fit it.
    const paired = index.get(target)?.key;
    const keyFile = paired?.status === 'match' ? paired.file : undefined;
    const outcome = await runner.run({ title: t('Restoring {0}', shown), certFile: target.fsPath }, ({ log }) =>
      restoreCertificate({ certFile: target.fsPath, backup: backup.id, keyFile, log }),
    );
    if (!outcome.ok) return outcome.cancelled ? 'cancelled' : 'failed';
    const restored = outcome.value.restored;
    log.info(`Restored ${certificateLogLabel(restored)} into ${shown} from backup ${backup.id}`);
    await index.refresh(target);
    void vscode.window.showInformationMessage(
      t('Restored {0} from {1}: valid until {2}.', displayName(restored), formatUtc(backup.createdAt), formatUtc(restored.notAfter)),
    );
    return 'done';
  });
}

/** Quick pick of the backups, each described by the certificate it holds. */
async function pickBackup(backups: readonly BackupEntry[], shown: string): Promise<BackupEntry | undefined> {
  const t = vscode.l10n.t;
  const { certificateFacts } = await import('../core/certificate');
  const items = await Promise.all(
    backups.map(async (backup) => {
      let description: string;
      let detail: string | undefined;
      try {
        const facts = certificateFacts(await readRegularFile(backup.certBackup));
        description = t('{0}, valid until {1}', displayName(facts), formatUtc(facts.notAfter));
        detail = `SHA-256 ${facts.fingerprint256}`;
      } catch (e) {
        description = t('unreadable: {0}', messageOf(e));
      }
      return { label: `$(history) ${formatUtc(backup.createdAt)}`, description, detail, backup };
    }),
  );
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Restore Previous Certificate'),
    placeHolder: t('Which earlier version of {0} should be put back? (The current one is kept as a backup.)', shown),
    matchOnDescription: true,
  });
  return picked?.backup;
}
