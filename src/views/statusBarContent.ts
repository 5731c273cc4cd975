/**
 * What the status bar shows, as pure functions (no `vscode` import): which certificate is most urgent,
 * its text, and its tooltip Markdown.
 */
import { CertificateView, ExpiryView, Translate, displayName, escapeMarkdown, expiryPhrase, expiryShort, nowrap, severityOf } from './presentation';
import { actionLinks, factLines } from './hoverContent';

const SEVERITY_RANK: Record<ExpiryView['severity'], number> = { error: 2, warning: 1, ok: 0 };

/** Sort order "most urgent first": worst severity, then earliest expiry. */
export function compareUrgency(a: CertificateView, b: CertificateView): number {
  return SEVERITY_RANK[severityOf(b)] - SEVERITY_RANK[severityOf(a)] || a.facts.notAfter.getTime() - b.facts.notAfter.getTime();
}

/** The most urgent client (non-CA) certificate, or undefined when there is none. */
export function mostUrgent<T extends CertificateView>(views: readonly T[]): T | undefined {
  return views.filter((v) => !v.facts.isCA).sort(compareUrgency)[0];
}

/** Client certificates whose severity is not ok (what a click on the status bar offers to renew). */
export function needingAttention<T extends CertificateView>(views: readonly T[]): T[] {
  return views.filter((v) => !v.facts.isCA && severityOf(v) !== 'ok').sort(compareUrgency);
}

/** `$(shield) my-app · 23d` (or "expired", "not yet valid", "revoked"). */
export function statusBarText(view: CertificateView, t: Translate): string {
  return `$(shield) ${displayName(view.facts)} · ${expiryShort(view, t)}`;
}

export interface TooltipOptions {
  t: Translate;
  /** The certificate file's URI (string) for the Renew / Show Details links. */
  target: string;
  /** Other client certificates that need attention too. */
  othersNeedingAttention: number;
  /** What the Problems panel says about the certificate (shown under the summary). */
  problems?: readonly string[];
}

/**
 * Tooltip Markdown, laid out like the hover for about 500 px: the summary and the links first, the problems, then
 * the facts one a line; the subject breaks only between attributes.
 */
export function statusBarTooltip(view: CertificateView, options: TooltipOptions): string {
  const { t, target, othersNeedingAttention } = options;
  const { facts } = view;
  const lines = [`**${escapeMarkdown(displayName(facts))}** · ${escapeMarkdown(expiryPhrase(view, t))}  `, actionLinks(target, t, renewOffered(view))];
  for (const problem of options.problems ?? []) lines.push('', `⚠ ${escapeMarkdown(problem)}`);
  lines.push('', ...factLines(view, t, { withKey: false }));
  if (view.file) lines[lines.length - 1] += '  ';
  if (view.file) lines.push(`**${escapeMarkdown(nowrap(t('File')))}:** ${escapeMarkdown(view.file)}`);
  if (othersNeedingAttention > 0) {
    lines.push(
      '',
      escapeMarkdown(
        othersNeedingAttention === 1 ? t('1 more certificate needs attention.') : t('{0} more certificates need attention.', othersNeedingAttention),
      ),
    );
  }
  return lines.join('\n');
}

/**
 * Whether Renew makes sense: not for a CA, nor for a certificate known to be revoked or already expired (the
 * service refuses both; they need a new certificate from a token).
 */
export function renewOffered(view: Pick<CertificateView, 'facts' | 'expiry' | 'revoked'>): boolean {
  return !view.facts.isCA && !view.revoked && view.expiry.state !== 'expired';
}
