import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { CertificateIndex } from '../features/certificateIndex';

/** "Kyma Certificates: Refresh": re-scans every workspace folder. Resolves to the number of certificate files. */
export function registerRefreshCommand(index: CertificateIndex): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.refresh, async (): Promise<number> => {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Scanning for certificates') }, () => index.refresh());
    return index.all().length;
  });
}
