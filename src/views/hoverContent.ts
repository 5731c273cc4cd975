/**
 * The hover over a PEM certificate block, as a pure function from facts to Markdown (no `vscode` import,
 * unit-tested in plain Node). The hover provider wraps the result in a trusted MarkdownString.
 *
 * Laid out for a hover about 500 px wide: the summary (name, days left) and the command links first, the problem
 * below it, then one fact a line with labels that never wrap and values that fit (the fingerprint on two lines).
 */
import { CommandId } from '../constants';
import {
  CertificateView,
  Translate,
  commandLink,
  displayName,
  escapeMarkdown,
  expiryPhrase,
  fingerprintLines,
  formatPublicKey,
  formatSubjectAltNames,
  formatUtc,
  keyPhrase,
  nowrap,
  wrappableName,
} from './presentation';

export interface HoverOptions {
  t: Translate;
  /** The file's URI (string) the command links act on; without it there are no links (untitled text). */
  target?: string;
  /** Position of this block in a chain file, e.g. 2 of 3. */
  chain?: { index: number; count: number };
  /** What the Problems panel says about this block (shown under the summary). */
  problems?: readonly string[];
  /** False for a certificate known to be revoked or expired: renewing it cannot work, so no Renew link. */
  renewable?: boolean;
}

/** Commands a hover may link to; the provider must mark exactly these as trusted. */
export const HOVER_COMMANDS: readonly string[] = [CommandId.renewCertificate, CommandId.showCertificateDetails];

/** Markdown for the hover over one certificate block. */
export function hoverMarkdown(view: CertificateView, options: HoverOptions): string {
  const { t, target, chain } = options;
  const { facts } = view;
  const heading = facts.isCA ? t('CA certificate') : t('Certificate');
  const position = chain && chain.count > 1 ? ` (${t('{0} of {1}', chain.index + 1, chain.count)})` : '';
  const lines: string[] = [`**${escapeMarkdown(displayName(facts))}** · ${escapeMarkdown(expiryPhrase(view, t))}  `];
  const links = target ? actionLinks(target, t, !facts.isCA && options.renewable !== false) : '';
  lines.push(`${escapeMarkdown(heading + position)}${links ? ` · ${links}` : ''}`);
  for (const problem of options.problems ?? []) lines.push('', `⚠ ${escapeMarkdown(problem)}`);
  lines.push('', ...factLines(view, t));
  return lines.join('\n');
}

/** One "**Label:** value" per line (Markdown hard breaks); labels never wrap, values are escaped. */
export function factLines(view: CertificateView, t: Translate, options: { withKey?: boolean } = {}): string[] {
  const { facts } = view;
  const rows: string[] = [
    row(t('Subject'), escapeMarkdown(wrappableName(facts.subjectText))),
    row(t('Issuer'), escapeMarkdown(wrappableName(facts.issuerText)) + (facts.selfSigned ? ` (${escapeMarkdown(t('self-signed'))})` : '')),
    row(t('Valid'), `${formatUtc(facts.notBefore)} → ${formatUtc(facts.notAfter)}`),
    row(t('Serial'), code(facts.serialNumber)),
    // Two lines of 16 bytes: no sideways scrolling in a 500-px hover.
    row(t('SHA-256'), fingerprintLines(facts.fingerprint256).map(code).join('  \n')),
  ];
  if (facts.subjectAltNames.length > 0) rows.push(row(t('SANs'), escapeMarkdown(formatSubjectAltNames(facts.subjectAltNames))));
  rows.push(row(t('Public key'), escapeMarkdown(formatPublicKey(facts.publicKey))));
  if (options.withKey !== false && view.key && !facts.isCA) rows.push(row(t('Private key'), escapeMarkdown(keyPhrase(view.key, t))));
  // A trailing double space is a hard line break in Markdown; the last line needs none.
  return rows.map((r, i) => (i < rows.length - 1 ? `${r}  ` : r));
}

function row(label: string, value: string): string {
  return `**${escapeMarkdown(nowrap(label))}:** ${value}`;
}

/** "Renew · Show Details" (Renew only when it can work). */
export function actionLinks(target: string, t: Translate, renewable: boolean): string {
  const links: string[] = [];
  if (renewable) links.push(commandLink(t('Renew'), CommandId.renewCertificate, [target]));
  links.push(commandLink(t('Show Details'), CommandId.showCertificateDetails, [target]));
  return links.join(' · ');
}

/** Inline code that survives backticks and table pipes in the value. */
export function code(text: string): string {
  const safe = text.replace(/\|/g, '\\|');
  return safe.includes('`') ? `\`\` ${safe} \`\`` : `\`${safe}\``;
}
