import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { CertificateIndex } from '../features/certificateIndex';
import { resolveCertificateTarget } from '../features/certificatePicker';
import { CertificateDetailsPanels } from '../features/detailsPanel';
import { SettingsService } from '../features/settings';

/**
 * "Kyma Certificates: Show Certificate Details": the rendered details page of a certificate file (one panel per
 * file); works untrusted and for DER. Resolves to the file shown.
 */
export function registerShowCertificateDetailsCommand(index: CertificateIndex, settings: SettingsService, panels: CertificateDetailsPanels): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.showCertificateDetails, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const target = await resolveCertificateTarget(arg, index, settings, {
      placeHolder: vscode.l10n.t('Which certificate should be shown?'),
      clientOnly: false,
    });
    if (!target) return undefined;
    await panels.show(target);
    return target;
  });
}
