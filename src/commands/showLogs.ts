import * as vscode from 'vscode';
import { CommandId } from '../constants';

/** "Kyma Certificates: Show Logs": reveals the output channel. */
export function registerShowLogsCommand(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.showLogs, () => log.show(true));
}
