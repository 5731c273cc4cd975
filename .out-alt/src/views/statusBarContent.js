"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compareUrgency = compareUrgency;
exports.mostUrgent = mostUrgent;
exports.needingAttention = needingAttention;
exports.statusBarText = statusBarText;
exports.statusBarTooltip = statusBarTooltip;
exports.renewOffered = renewOffered;
/**
 * What the status bar shows, as pure functions (no `vscode` import): which certificate is most urgent,
 * its text, and its tooltip Markdown.
 */
const presentation_1 = require("./presentation");
const hoverContent_1 = require("./hoverContent");
const SEVERITY_RANK = { error: 2, warning: 1, ok: 0 };
/** Sort order "most urgent first": worst severity, then earliest expiry. */
function compareUrgency(a, b) {
    return (SEVERITY_RANK[(0, presentation_1.severityOf)(b)] - SEVERITY_RANK[(0, presentation_1.severityOf)(a)] || a.facts.notAfter.getTime() - b.facts.notAfter.getTime());
}
/** The most urgent client (non-CA) certificate, or undefined when there is none. */
function mostUrgent(views) {
    return views.filter((v) => !v.facts.isCA).sort(compareUrgency)[0];
}
/** Client certificates whose severity is not ok (what a click on the status bar offers to renew). */
function needingAttention(views) {
    return views.filter((v) => !v.facts.isCA && (0, presentation_1.severityOf)(v) !== 'ok').sort(compareUrgency);
}
/** `$(shield) my-app · 23d` (or "expired", "not yet valid", "revoked"). */
function statusBarText(view, t) {
    return `$(shield) ${(0, presentation_1.displayName)(view.facts)} · ${(0, presentation_1.expiryShort)(view, t)}`;
}
/**
 * Tooltip Markdown, laid out like the hover for about 500 px: the summary and the links first, the problems, then
 * the facts one a line; the subject breaks only between attributes.
 */
function statusBarTooltip(view, options) {
    const { t, target, othersNeedingAttention } = options;
    const { facts } = view;
    const lines = [
        `**${(0, presentation_1.escapeMarkdown)((0, presentation_1.displayName)(facts))}** · ${(0, presentation_1.escapeMarkdown)((0, presentation_1.expiryPhrase)(view, t))}  `,
        (0, hoverContent_1.actionLinks)(target, t, renewOffered(view)),
    ];
    for (const problem of options.problems ?? [])
        lines.push('', `⚠ ${(0, presentation_1.escapeMarkdown)(problem)}`);
    lines.push('', ...(0, hoverContent_1.factLines)(view, t, { withKey: false }));
    if (view.file)
        lines[lines.length - 1] += '  ';
    if (view.file)
        lines.push(`**${(0, presentation_1.escapeMarkdown)((0, presentation_1.nowrap)(t('File')))}:** ${(0, presentation_1.escapeMarkdown)(view.file)}`);
    if (othersNeedingAttention > 0) {
        lines.push('', (0, presentation_1.escapeMarkdown)(othersNeedingAttention === 1
            ? t('1 more certificate needs attention.')
            : t('{0} more certificates need attention.', othersNeedingAttention)));
    }
    return lines.join('\n');
}
/**
 * Whether Renew makes sense: not for a CA, nor for a certificate known to be revoked or already expired (the
 * service refuses both; they need a new certificate from a token).
 */
function renewOffered(view) {
    return !view.facts.isCA && !view.revoked && view.expiry.state !== 'expired';
}
//# sourceMappingURL=statusBarContent.js.map