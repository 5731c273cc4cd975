/**
 * What the status bar shows, as pure functions (no `vscode` import): which certificate is most urgent,
 * its text, and its tooltip Markdown.
 */
import { CommandId } from '../constants';
import {
  CertificateView,
  ExpiryView,
  Translate,
  commandLink,
  displayName,
  escapeMarkdown,
  expiryPhrase,
  expiryShort,
  formatUtc,
  severityOf,
} from './presentation';
import { code } from './hoverContent';

const SEVERITY_RANK: Record<ExpiryView['severity'], number> = { error: 2, warning: 1, ok: 0 };

/** Sort order "most urgent first": worst severity, then earliest expiry. */
export function compareUrgency(a: CertificateView, b: CertificateView): number {
  return (
    SEVERITY_RANK[severityOf(b)] - SEVERITY_RANK[severityOf(a)] || a.facts.notAfter.getTime() - b.facts.notAfter.getTime()
  );
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
}

/** Tooltip Markdown: subject, issuer, validity, file and command links. */
export function statusBarTooltip(view: CertificateView, options: TooltipOptions): string {
  const { t, target, othersNeedingAttention } = options;
  const { facts } = view;
  const lines = [
    `**${escapeMarkdown(displayName(facts))}**: ${escapeMarkdown(expiryPhrase(view, t))}`,
    '',
    `${escapeMarkdown(t('Subject'))}: ${code(facts.subjectText)}  `,
    `${escapeMarkdown(t('Issuer'))}: ${code(facts.issuerText)}  `,
    `${escapeMarkdown(t('Valid from'))}: ${formatUtc(facts.notBefore)}  `,
    `${escapeMarkdown(t('Valid to'))}: ${formatUtc(facts.notAfter)} (${escapeMarkdown(expiryPhrase(view, t))})  `,
  ];
  if (view.file) lines.push(`${escapeMarkdown(t('File'))}: ${code(view.file)}`);
  lines.push(
    '',
    [
      commandLink(t('Renew'), CommandId.renewCertificate, [target]),
      commandLink(t('Show Details'), CommandId.showCertificateDetails, [target]),
    ].join(' · '),
  );
  if (othersNeedingAttention > 0) {
    lines.push(
      '',
      escapeMarkdown(
        othersNeedingAttention === 1
          ? t('1 more certificate needs attention.')
          : t('{0} more certificates need attention.', othersNeedingAttention),
      ),
    );
  }
  return lines.join('\n');
}
