/**
 * The hover over a PEM certificate block, as a pure function from facts to Markdown (no `vscode` import,
 * unit-tested in plain Node). The hover provider wraps the result in a trusted MarkdownString.
 */
import { CommandId } from '../constants';
import {
  CertificateView,
  Translate,
  commandLink,
  displayName,
  escapeMarkdown,
  expiryPhrase,
  formatPublicKey,
  formatSubjectAltNames,
  formatUtc,
  keyPhrase,
} from './presentation';

export interface HoverOptions {
  t: Translate;
  /** The file's URI (string) the command links act on; without it there are no links (untitled text). */
  target?: string;
  /** Position of this block in a chain file, e.g. 2 of 3. */
  chain?: { index: number; count: number };
}

/** Commands a hover may link to; the provider must mark exactly these as trusted. */
export const HOVER_COMMANDS: readonly string[] = [CommandId.renewCertificate, CommandId.showCertificateDetails];

/** Markdown for the hover over one certificate block. */
export function hoverMarkdown(view: CertificateView, options: HoverOptions): string {
  const { t, target, chain } = options;
  const { facts } = view;
  const heading = facts.isCA ? t('CA certificate') : t('Certificate');
  const position = chain && chain.count > 1 ? ` (${t('{0} of {1}', chain.index + 1, chain.count)})` : '';
  const lines: string[] = [`**${heading}${position}: ${escapeMarkdown(displayName(facts))}**`, ''];

  const rows: Array<[string, string]> = [
    [t('Subject'), code(facts.subjectText)],
    [t('Issuer'), code(facts.issuerText) + (facts.selfSigned ? ` (${t('self-signed')})` : '')],
    [t('Valid from'), formatUtc(facts.notBefore)],
    [t('Valid to'), `${formatUtc(facts.notAfter)} (${escapeMarkdown(expiryPhrase(view, t))})`],
    [t('Serial'), code(facts.serialNumber)],
    [t('SHA-256'), code(facts.fingerprint256)],
  ];
  if (facts.subjectAltNames.length > 0) rows.push([t('SANs'), escapeMarkdown(formatSubjectAltNames(facts.subjectAltNames))]);
  rows.push([t('Public key'), escapeMarkdown(formatPublicKey(facts.publicKey))]);
  if (view.key && !facts.isCA) rows.push([t('Private key'), escapeMarkdown(keyPhrase(view.key, t))]);

  lines.push(`| | |`, `|---|---|`, ...rows.map(([label, value]) => `| ${escapeMarkdown(label)} | ${value} |`));

  if (target) {
    const links: string[] = [];
    if (!facts.isCA) links.push(commandLink(t('Renew'), CommandId.renewCertificate, [target]));
    links.push(commandLink(t('Show Details'), CommandId.showCertificateDetails, [target]));
    lines.push('', links.join(' · '));
  }
  return lines.join('\n');
}

/** Inline code that survives backticks and table pipes in the value. */
export function code(text: string): string {
  const safe = text.replace(/\|/g, '\\|');
  return safe.includes('`') ? `\`\` ${safe} \`\`` : `\`${safe}\``;
}
