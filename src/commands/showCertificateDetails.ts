import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { CertificateDetailsDocuments } from '../features/detailsDocument';
import { CertificateIndex } from '../features/certificateIndex';
import { resolveCertificateTarget } from '../features/certificatePicker';
import { SettingsService } from '../features/settings';

/** "Kyma Certificates: Show Certificate Details": a read-only Markdown document; works untrusted and for DER. */
export function registerShowCertificateDetailsCommand(index: CertificateIndex, settings: SettingsService): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.showCertificateDetails, async (arg?: unknown): Promise<vscode.Uri | undefined> => {
    const target = await resolveCertificateTarget(arg, index, settings, {
      placeHolder: vscode.l10n.t('Which certificate should be shown?'),
      clientOnly: false,
    });
    if (!target) return undefined;
    const editor = await CertificateDetailsDocuments.show(target);
    return editor.document.uri;
  });
}
