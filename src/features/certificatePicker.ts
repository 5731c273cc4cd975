import * as vscode from 'vscode';
import { CertificateEntry } from '../lifecycle/certificateEntry';
import { CertificateIndex } from './certificateIndex';
import { displayName, expiryPhrase } from '../views/presentation';
import { SettingsService } from './settings';
import { needingAttention } from '../views/statusBarContent';
import { viewOf } from '../views/entryView';

/** Command argument meaning "let the user pick" (the status bar when several certificates need attention). */
export const PICK_CERTIFICATE = { pick: true } as const;

export interface PickPurpose {
  placeHolder: string;
  clientOnly: boolean;
  /**
   * From the palette, ask even when the active editor holds a certificate (it is offered first) whenever there is
   * more than one to choose from: for irreversible commands, where acting on the wrong file cannot be undone.
   */
  askWhenSeveral?: boolean;
}

/**
 * Which certificate file a command acts on. Commands are called with a Uri (explorer, editor title), a URI string
 * (hover and status bar links), {@link PICK_CERTIFICATE}, or nothing (command palette): then the active editor's
 * certificate, else a quick pick.
 */
export async function resolveCertificateTarget(
  arg: unknown,
  index: CertificateIndex,
  settings: SettingsService,
  purpose: PickPurpose,
): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg !== '') return arg.includes(':') && !/^[a-zA-Z]:[\\/]/.test(arg) ? vscode.Uri.parse(arg) : vscode.Uri.file(arg);
  const pickRequested = typeof arg === 'object' && arg !== null && (arg as { pick?: unknown }).pick === true;
  const uri = vscode.window.activeTextEditor?.document.uri;
  const active = uri?.scheme === 'file' && index.get(uri) ? uri : undefined;
  if (!pickRequested && active && !purpose.askWhenSeveral) return active;
  return pickCertificate(index, settings, purpose, active);
}

async function pickCertificate(
  index: CertificateIndex,
  settings: SettingsService,
  purpose: PickPurpose,
  preferred?: vscode.Uri,
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
  if (purpose.askWhenSeveral && views.length === 1) return vscode.Uri.file(views[0].entry.file);
  // The active editor's certificate on top (preselected: the first item is the active one), then those needing
  // attention (most urgent first), then the rest by name.
  const first = views.filter((v) => v.entry.file === preferred?.fsPath);
  const urgent = needingAttention(views).filter((v) => !first.includes(v));
  const rest = views.filter((v) => !urgent.includes(v) && !first.includes(v)).sort((a, b) => displayName(a.facts).localeCompare(displayName(b.facts)));
  const items = [...first, ...urgent, ...rest].map((v) => ({
    label: `$(shield) ${displayName(v.facts)}`,
    description: first.includes(v) ? `${expiryPhrase(v, vscode.l10n.t)} · ${vscode.l10n.t('active editor')}` : expiryPhrase(v, vscode.l10n.t),
    detail: v.file,
    entry: v.entry as CertificateEntry,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: purpose.placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked ? vscode.Uri.file(picked.entry.file) : undefined;
}
