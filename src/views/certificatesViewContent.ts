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
  return a.view.facts.notAfter.getTime() - b.view.facts.notAfter.getTime() || displayName(a.view.facts).localeCompare(displayName(b.view.facts));
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

/** A CA and the client certificates of the workspace it issued: one node of the view, however many files hold it. */
export interface CaGroup<T> {
  /** The CA's subject (what its certificates name as issuer). */
  key: string;
  /** The CA's name: its common name, else the whole subject. */
  label: string;
  /** Files about this CA (its `-ca.crt` files), as given; empty when it is not in the workspace as a file. */
  caFiles: string[];
  /** The client certificates it issued, soonest expiry first. */
  members: T[];
}

export interface GroupableItem {
  file: string;
  view: CertificateView;
  /** Every certificate of the file (a bundle may carry the CA after the leaf). */
  certificates: ReadonlyArray<{ subjectText: string; issuerText: string; commonName?: string; isCA: boolean }>;
}

/**
 * Groups the view's files by issuing CA: each client certificate goes under the CA named as its issuer; a CA shows
 * once, with every file that holds it, instead of once per `-ca.crt` file. Groups are ordered by their most urgent
 * member (CAs without members last, by name).
 */
export function groupByCa<T extends GroupableItem>(items: readonly T[]): Array<CaGroup<T>> {
  const groups = new Map<string, CaGroup<T>>();
  const groupOf = (key: string, label: string): CaGroup<T> => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label, caFiles: [], members: [] }));
    return group;
  };
  for (const item of items) {
    for (const certificate of item.certificates) {
      if (!certificate.isCA) continue;
      const group = groupOf(certificate.subjectText, certificate.commonName || certificate.subjectText);
      group.label = certificate.commonName || certificate.subjectText; // the CA's own name wins over a guess
      // A CA file is one that is about a CA (its first certificate); a client's bundle only names the CA.
      if (item.view.facts.isCA && !group.caFiles.includes(item.file)) group.caFiles.push(item.file);
    }
  }
  for (const item of items) {
    if (item.view.facts.isCA) continue;
    groupOf(item.view.facts.issuerText, commonNameOf(item.view.facts.issuerText)).members.push(item);
  }
  const all = [...groups.values()];
  for (const group of all) group.members.sort(compareByExpiry);
  return all.sort((a, b) => {
    if (a.members.length === 0 || b.members.length === 0) return b.members.length - a.members.length || a.label.localeCompare(b.label);
    return compareByExpiry(a.members[0], b.members[0]);
  });
}

/** `CN=Kyma CA,O=x` → `Kyma CA` (the whole name when it has no CN). */
function commonNameOf(dn: string): string {
  const cn = dn.split(/(?<!\\),/).find((part) => /^\s*CN=/i.test(part));
  return cn ? cn.replace(/^\s*CN=/i, '') : dn;
}

/** The CA group's description: "CA · app-ca.crt, other-ca.crt" or that it is not in the workspace. */
export function caGroupDescription(group: Pick<CaGroup<unknown>, 'caFiles'>, shownPath: (file: string) => string, t: Translate): string {
  return group.caFiles.length > 0 ? `${t('CA')} · ${group.caFiles.map(shownPath).join(', ')}` : t('CA not in the workspace');
}

/** Client certificates that need action (the view's badge): anything not "ok", revoked included. */
export function needingAction(views: readonly CertificateView[]): number {
  return views.filter((v) => !v.facts.isCA && severityOf(v) !== 'ok').length;
}
