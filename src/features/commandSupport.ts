import * as vscode from 'vscode';

/** How a lifecycle command ended (commands resolve to it, so tests and callers can tell). */
export type CommandOutcome = 'done' | 'failed' | 'cancelled' | 'refused';

/**
 * In Restricted Mode, refuses with the reason and a way to trust the folder; true when refused. Network calls and
 * file writes must not be something an untrusted folder can trigger.
 */
export function refusedInRestrictedMode(reason: string): boolean {
  if (vscode.workspace.isTrusted) return false;
  const t = vscode.l10n.t;
  const manage = t('Manage Workspace Trust');
  void vscode.window.showWarningMessage(reason, manage).then((choice) => {
    if (choice === manage) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return true;
}

/** The second command argument as an options object (tests and code actions pass one; menus pass other things). */
export function optionsArg<T extends object>(arg: unknown): Partial<T> {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) && !Array.isArray(arg) ? (arg as Partial<T>) : {};
}
