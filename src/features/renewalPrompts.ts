import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * The questions renewal asks when the remembered connection and the settings don't answer them. Each is asked once;
 * the renewal flow remembers the answers next to the certificate.
 */

/** Asks for the management-info URL or the cluster domain; returns the URL, undefined when dismissed. */
export async function askForInfoUrl(name: string): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const answer = await vscode.window.showInputBox({
    title: t('Where is the Connector Service of {0}?', name),
    prompt: t('The management info URL, or the cluster domain (then https://gateway.<domain>/v1/applications/management/info is used).'),
    placeHolder: 'https://gateway.example.com/v1/applications/management/info',
    ignoreFocusOut: true,
    validateInput: (value) => validateInfoUrlOrDomain(value, t),
  });
  if (!answer) return undefined;
  const value = answer.trim();
  const { infoUrlForDomain } = await import('../lifecycle/management');
  return /^https?:\/\//i.test(value) ? value : infoUrlForDomain(value);
}

/** Asks for a file, starting in the certificate's folder; undefined when dismissed. */
export async function askForFile(certFile: string, title: string, openLabel: string): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    openLabel,
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    defaultUri: vscode.Uri.file(path.dirname(certFile)),
  });
  return picked?.[0]?.fsPath;
}

/** Input box validation: an https URL or a domain name. Returns the problem, or undefined when fine. */
export function validateInfoUrlOrDomain(value: string, t: typeof vscode.l10n.t): string | undefined {
  const text = value.trim();
  if (text === '') return t('Enter a URL or a domain.');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      return new URL(text).protocol === 'https:' ? undefined : t('The Connector Service is only reachable over https.');
    } catch {
      return t('This is not a valid URL.');
    }
  }
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}(:\d{1,5})?$/i.test(text)
    ? undefined
    : t('Enter https://… or a domain such as example.com.');
}
