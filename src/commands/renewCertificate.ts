import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { CertificateIndex } from '../features/certificateIndex';
import { refusedInRestrictedMode } from '../features/commandSupport';
import { resolveCertificateTarget } from '../features/certificatePicker';
import { RenewalFlow, RenewalOutcome } from '../features/renewalFlow';
import { SettingsService } from '../features/settings';

/**
 * "Kyma Certificates: Renew Certificate". Refused in Restricted Mode: renewal sends the client certificate to a
 * server and rewrites files, which an untrusted folder must not be able to trigger. Resolves to the outcome.
 */
export function registerRenewCertificateCommand(flow: RenewalFlow, index: CertificateIndex, settings: SettingsService): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.renewCertificate, async (arg?: unknown): Promise<RenewalOutcome | undefined> => {
    const t = vscode.l10n.t;
    const refusal = t(
      'Renewal is disabled in Restricted Mode: it would send your client certificate to a server and rewrite files in this folder. Trust the workspace to renew certificates.',
    );
    if (refusedInRestrictedMode(refusal)) return 'refused';
    const target = await resolveCertificateTarget(arg, index, settings, {
      placeHolder: t('Which certificate should be renewed?'),
      clientOnly: true,
    });
    return target ? flow.renew(target) : undefined;
  });
}
