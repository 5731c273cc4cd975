/**
 * What the Certificates view shows, as pure functions (no `vscode` import): order, label, description, icon
 * and the context value that decides which inline actions an item offers.
 */
import type { CertificateView, Translate } from './presentation';
import { displayName, expiryPhrase, severityOf } from './presentation';

/** One row of the view: a certificate file, shown by its first certificate. */
export interface CertificateRow {
  file: string;
  label: string;
  description: string;
  /** A codicon id and a theme colour id. */
  icon: { id: string; color: string };
  /** `kymaCert:client:renewable:revocable`, `kymaCert:client:needsToken`, `kymaCert:ca`: menus match on the parts. */
  contextValue: string;
}

/** Sort order of the view: soonest expiry first, then by name (stable across refreshes). */
export function compareByExpiry(a: { view: CertificateView }, b: { view: CertificateView }): number {
  return (
    a.view.facts.notAfter.getTime() - b.view.facts.notAfter.getTime() ||
    displayName(a.view.facts).localeCompare(displayName(b.view.facts))
  );
}

/** The row for one certificate file. `shownPath` is the workspace-relative path. */
export function certificateRow(file: string, view: CertificateView, shownPath: string, t: Translate): CertificateRow {
  return {
    file,
    label: displayName(view.facts),
    description: `${expiryPhrase(view, t)} · ${shownPath}`,
    icon: iconOf(view),
    contextValue: contextValueOf(view),
  };
}

function iconOf(view: CertificateView): CertificateRow['icon'] {
  if (view.revoked) return { id: 'circle-slash', color: 'problemsErrorIcon.foreground' };
  switch (severityOf(view)) {
    case 'error':
      return { id: 'error', color: 'problemsErrorIcon.foreground' };
    case 'warning':
      return { id: 'warning', color: 'problemsWarningIcon.foreground' };
    case 'ok':
      return { id: 'verified', color: 'testing.iconPassed' };
  }
}

/**
 * Which actions make sense: renewal and revocation need a client certificate that is valid now (the gateway
 * rejects anything else in the handshake); an expired or revoked one needs a token instead.
 */
export function contextValueOf(view: CertificateView): string {
  if (view.facts.isCA) return 'kymaCert:ca';
  const state = view.expiry.state;
  if (view.revoked || state === 'expired') return 'kymaCert:client:needsToken';
  if (state === 'not-yet-valid') return 'kymaCert:client';
  return 'kymaCert:client:renewable:revocable';
}
