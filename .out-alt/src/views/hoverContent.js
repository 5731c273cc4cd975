"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HOVER_COMMANDS = void 0;
exports.hoverMarkdown = hoverMarkdown;
exports.factLines = factLines;
exports.actionLinks = actionLinks;
exports.code = code;
/**
 * The hover over a PEM certificate block, as a pure function from facts to Markdown (no `vscode` import,
 * unit-tested in plain Node). The hover provider wraps the result in a trusted MarkdownString.
 *
 * Laid out for a hover about 500 px wide: the summary (name, days left) and the command links first, the problem
 * below it, then one fact a line with labels that never wrap and values that fit (the fingerprint on two lines).
 */
const constants_1 = require("../constants");
const presentation_1 = require("./presentation");
/** Commands a hover may link to; the provider must mark exactly these as trusted. */
exports.HOVER_COMMANDS = [constants_1.CommandId.renewCertificate, constants_1.CommandId.showCertificateDetails];
/** Markdown for the hover over one certificate block. */
function hoverMarkdown(view, options) {
    const { t, target, chain } = options;
    const { facts } = view;
    const heading = facts.isCA ? t('CA certificate') : t('Certificate');
    const position = chain && chain.count > 1 ? ` (${t('{0} of {1}', chain.index + 1, chain.count)})` : '';
    const lines = [`**${(0, presentation_1.escapeMarkdown)((0, presentation_1.displayName)(facts))}** · ${(0, presentation_1.escapeMarkdown)((0, presentation_1.expiryPhrase)(view, t))}  `];
    const links = target ? actionLinks(target, t, !facts.isCA && options.renewable !== false) : '';
    lines.push(`${(0, presentation_1.escapeMarkdown)(heading + position)}${links ? ` · ${links}` : ''}`);
    for (const problem of options.problems ?? [])
        lines.push('', `⚠ ${(0, presentation_1.escapeMarkdown)(problem)}`);
    lines.push('', ...factLines(view, t));
    return lines.join('\n');
}
/** One "**Label:** value" per line (Markdown hard breaks); labels never wrap, values are escaped. */
function factLines(view, t, options = {}) {
    const { facts } = view;
    const rows = [
        row(t('Subject'), (0, presentation_1.escapeMarkdown)((0, presentation_1.wrappableName)(facts.subjectText))),
        row(t('Issuer'), (0, presentation_1.escapeMarkdown)((0, presentation_1.wrappableName)(facts.issuerText)) + (facts.selfSigned ? ` (${(0, presentation_1.escapeMarkdown)(t('self-signed'))})` : '')),
        row(t('Valid'), `${(0, presentation_1.formatUtc)(facts.notBefore)} → ${(0, presentation_1.formatUtc)(facts.notAfter)}`),
        row(t('Serial'), code(facts.serialNumber)),
        // Two lines of 16 bytes: no sideways scrolling in a 500-px hover.
        row(t('SHA-256'), (0, presentation_1.fingerprintLines)(facts.fingerprint256).map(code).join('  \n')),
    ];
    if (facts.subjectAltNames.length > 0)
        rows.push(row(t('SANs'), (0, presentation_1.escapeMarkdown)((0, presentation_1.formatSubjectAltNames)(facts.subjectAltNames))));
    rows.push(row(t('Public key'), (0, presentation_1.escapeMarkdown)((0, presentation_1.formatPublicKey)(facts.publicKey))));
    if (options.withKey !== false && view.key && !facts.isCA)
        rows.push(row(t('Private key'), (0, presentation_1.escapeMarkdown)((0, presentation_1.keyPhrase)(view.key, t))));
    // A trailing double space is a hard line break in Markdown; the last line needs none.
    return rows.map((r, i) => (i < rows.length - 1 ? `${r}  ` : r));
}
function row(label, value) {
    return `**${(0, presentation_1.escapeMarkdown)((0, presentation_1.nowrap)(label))}:** ${value}`;
}
/** "Renew · Show Details" (Renew only when it can work). */
function actionLinks(target, t, renewable) {
    const links = [];
    if (renewable)
        links.push((0, presentation_1.commandLink)(t('Renew'), constants_1.CommandId.renewCertificate, [target]));
    links.push((0, presentation_1.commandLink)(t('Show Details'), constants_1.CommandId.showCertificateDetails, [target]));
    return links.join(' · ');
}
/** Inline code that survives backticks and table pipes in the value. */
function code(text) {
    const safe = text.replace(/\|/g, '\\|');
    return safe.includes('`') ? `\`\` ${safe} \`\`` : `\`${safe}\``;
}
//# sourceMappingURL=hoverContent.js.map