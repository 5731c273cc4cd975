/**
 * What the details page shows about one indexed certificate file, gathered from the index entries as plain data
 * (no `vscode` import; unit-tested). The panel adds the backups it listed and renders with detailsPage.ts.
 */
import type { ExpiryThresholds } from '../core/expiry';
import type { CertificateEntry } from '../lifecycle/certificateEntry';
import { keyViewOf, viewOf } from './entryView';
import { contextValueOf } from './certificatesViewContent';
import type { ChainLink, DetailsPageInput } from './detailsPage';
import type { Translate } from './presentation';
import { renewOffered } from './statusBarContent';

export interface DetailsModelInput {
  /** The certificate file's entry; undefined when it holds no certificate (deleted, emptied). */
  entry: CertificateEntry | undefined;
  /** The entry of its CA file (`app-ca.crt`), when there is one. */
  caEntry?: CertificateEntry;
  /** The file as shown when there is no entry. */
  file: string;
  backups: DetailsPageInput['backups'];
  thresholds: ExpiryThresholds;
  now: Date;
  displayPath: (file: string) => string;
  t: Translate;
}

export function detailsPageInput(input: DetailsModelInput): DetailsPageInput {
  const { entry, caEntry, now, thresholds, displayPath, t } = input;
  const empty = { renew: false, revoke: false, restore: false };
  if (!entry) return { file: displayPath(input.file), format: 'pem', chain: [], backups: [], thresholds, now, actions: empty };
  const leaf = viewOf(entry, entry.certificates[0], now, thresholds, displayPath);
  const context = contextValueOf(leaf);
  const connection = entry.connection;
  return {
    file: displayPath(entry.file),
    format: entry.format,
    leaf,
    chain: chainOf(entry, caEntry, displayPath),
    key: leaf.facts.isCA ? undefined : keyViewOf(entry.key, displayPath),
    connection: connection && {
      backend: backendOf(connection),
      urls: urlsOf(connection, t),
      caFile: connection.caFile ? displayPath(connection.caFile) : undefined,
    },
    backups: input.backups,
    thresholds,
    now,
    actions: {
      renew: renewOffered(leaf) && context.includes(':renewable'),
      revoke: context.includes(':revocable'),
      restore: !leaf.facts.isCA && input.backups.length > 0,
    },
  };
}

/** Leaf → CA: the file's own certificates, then those of its CA file that are not in it already. */
export function chainOf(entry: CertificateEntry, caEntry: CertificateEntry | undefined, displayPath: (f: string) => string): ChainLink[] {
  const links: ChainLink[] = entry.certificates.map((c) => ({ facts: c.facts, file: displayPath(entry.file) }));
  const seen = new Set(entry.certificates.map((c) => c.facts.sha256Hex));
  for (const c of caEntry?.certificates ?? []) {
    if (seen.has(c.facts.sha256Hex)) continue;
    seen.add(c.facts.sha256Hex);
    links.push({ facts: c.facts, file: displayPath(caEntry!.file) });
  }
  return links;
}

/** Which connector the remembered connection talks to (a `backend` field if it has one, else Kyma's). */
function backendOf(connection: object): string {
  const backend = (connection as { backend?: unknown }).backend;
  return typeof backend === 'string' && backend !== '' ? backend : 'Kyma Connector Service';
}

/** The management-info URL and any other URL the remembered connection keeps (never a token URL). */
function urlsOf(connection: object, t: Translate): Array<{ label: string; url: string }> {
  const urls: Array<{ label: string; url: string }> = [];
  for (const [key, value] of Object.entries(connection)) {
    if (typeof value !== 'string' || !/Url$/.test(key) || /token/i.test(key)) continue;
    urls.push({ label: key === 'infoUrl' ? t('Management info URL') : key, url: value });
  }
  return urls;
}
