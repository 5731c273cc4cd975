import * as vscode from 'vscode';
import { StatusBarId } from '../constants';
import { SettingsService, settingId } from './settings';

/**
 * While `kymaCert.insecure` is on (server certificates not verified), a warning stays visible in the status bar,
 * and a warning message appears once each time it is switched on.
 */
export class InsecureTlsWarning implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(StatusBarId.insecureTls, vscode.StatusBarAlignment.Left, 99);
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.item.name = vscode.l10n.t('Kyma Certificates: TLS verification');
    this.item.text = `$(warning) ${vscode.l10n.t('Kyma TLS unverified')}`;
    this.item.tooltip = vscode.l10n.t(
      "kymaCert.insecure is on: the cluster's server certificate is not verified, so renewal could talk to an impostor. Click to change the setting.",
    );
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.command = { command: 'workbench.action.openSettings', title: '', arguments: [settingId('insecure')] };
    this.subscription = settings.onDidChange((change) => {
      if (change.affects('insecure')) this.update();
    });
    this.update();
  }

  private update(): void {
    if (!this.settings.current.insecure) {
      this.item.hide();
      return;
    }
    this.item.show();
    // Called at start-up and whenever the setting changes, so this message appears once per switch-on.
    this.log.warn(`${settingId('insecure')} is on: server certificates are not verified.`);
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Kyma Certificates: {0} is on. Server certificates are not verified during renewal.', settingId('insecure')),
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
