import * as vscode from 'vscode';
import { CertificateEntry } from '../lifecycle/certificateEntry';
import { CertificateIndex } from './certificateIndex';
import { displayName, expiryPhrase } from '../views/presentation';
import { SettingsService } from './settings';
import { needingAttention } from '../views/statusBarContent';
import { viewOf } from '../views/entryView';

/** Command argument meaning "let the user pick" (the status bar when several certificates need attention). */
export const PICK_CERTIFICATE = { pick: true } as const;

/**
 * Which certificate file a command acts on. Commands are called with a Uri (explorer, editor title), a URI string
 * (hover and status bar links), {@link PICK_CERTIFICATE}, or nothing (command palette): then the active editor's
 * certificate, else a quick pick.
 */
export async function resolveCertificateTarget(
  arg: unknown,
  index: CertificateIndex,
  settings: SettingsService,
  purpose: { placeHolder: string; clientOnly: boolean },
): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return arg.includes(':') && !/^[a-zA-Z]:[\\/]/.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  const pickRequested = typeof arg === 'object' && arg !== null && (arg as { pick?: unknown }).pick === true;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (!pickRequested && active?.scheme === 'file' && index.get(active)) return active;
  return pickCertificate(index, settings, purpose);
}

async function pickCertificate(
  index: CertificateIndex,
  settings: SettingsService,
  purpose: { placeHolder: string; clientOnly: boolean },
): Promise<vscode.Uri | undefined> {
  await index.ready();
  const now = new Date();
  const views = index
    .all()
    .map((entry) => ({ entry, ...viewOf(entry, entry.certificates[0], now, settings.current.thresholds, (f) => index.displayPath(f)) }))
    .filter((v) => !purpose.clientOnly || !v.facts.isCA);
  if (views.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No certificates found in this workspace.'));
    return undefined;
  }
  // Those needing attention first (most urgent on top), then the rest by name.
  const urgent = needingAttention(views);
  const rest = views.filter((v) => !urgent.includes(v)).sort((a, b) => displayName(a.facts).localeCompare(displayName(b.facts)));
  const items = [...urgent, ...rest].map((v) => ({
    label: `$(shield) ${displayName(v.facts)}`,
    description: expiryPhrase(v, vscode.l10n.t),
    detail: v.file,
    entry: v.entry as CertificateEntry,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: purpose.placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked ? vscode.Uri.file(picked.entry.file) : undefined;
}
