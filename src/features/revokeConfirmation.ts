import * as vscode from 'vscode';
import { safeDisplayText } from '../core/displayText';
import { formatUtc } from '../views/presentation';

/** What the user chose in the revocation dialog. */
export type RevokeAnswer = 'revoke' | 'show-details' | 'cancel';

/**
 * The modal confirmation before an irreversible revocation. VS Code's modal dialog focuses its first non-cancel
 * button, so Enter presses it, and the `isCloseAffordance` item always becomes the last button (Escape and the
 * close box return it): "Cancel" cannot be first. So the first button is the harmless "Show Details" — Enter opens
 * the details page and revokes nothing — and "Revoke" must be clicked.
 */
export async function confirmRevocation(name: string, leaf: { subjectText: string; fingerprint256: string; notAfter: Date }): Promise<RevokeAnswer> {
  const t = vscode.l10n.t;
  const showDetails: vscode.MessageItem = { title: t('Show Details') };
  const revoke: vscode.MessageItem = { title: t('Revoke') };
  const cancel: vscode.MessageItem = { title: t('Cancel'), isCloseAffordance: true };
  const answer = await vscode.window.showWarningMessage(
    t('Revoke {0}?', safeDisplayText(name)),
    {
      modal: true,
      detail: t(
        'Subject: {0}\nSHA-256: {1}\n\nThe Connector Service will refuse to renew this certificate; it keeps working until it expires ({2}). This cannot be undone: afterwards only a new one-time token gets a certificate.',
        safeDisplayText(leaf.subjectText),
        leaf.fingerprint256,
        formatUtc(leaf.notAfter),
      ),
    },
    showDetails,
    revoke,
    cancel,
  );
  return answer === revoke ? 'revoke' : answer === showDetails ? 'show-details' : 'cancel';
}
