"use strict";
/**
 * Formatting shared by hovers, the status bar and the details document. No `vscode` import: these are pure
 * functions from certificate facts to text, unit-tested in plain Node. The editor passes `vscode.l10n.t`
 * as the {@link Translate} function; tests pass {@link englishTranslate}.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.englishTranslate = void 0;
exports.severityOf = severityOf;
exports.displayName = displayName;
exports.formatUtc = formatUtc;
exports.daysShown = daysShown;
exports.expiryPhrase = expiryPhrase;
exports.expiryShort = expiryShort;
exports.fingerprintLines = fingerprintLines;
exports.needsNewCertificateMessage = needsNewCertificateMessage;
exports.formatPublicKey = formatPublicKey;
exports.formatSubjectAltNames = formatSubjectAltNames;
exports.keyPhrase = keyPhrase;
exports.nowrap = nowrap;
exports.wrappableName = wrappableName;
exports.escapeMarkdown = escapeMarkdown;
exports.commandLink = commandLink;
/** The identity translation (what `vscode.l10n.t` does without a bundle for the display language). */
const englishTranslate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
});
exports.englishTranslate = englishTranslate;
/** Severity of a certificate for colouring: a revoked certificate is as bad as an expired one. */
function severityOf(view) {
    return view.revoked ? 'error' : view.expiry.severity;
}
/** The certificate's common name, or its whole subject when it has none. */
function displayName(facts) {
    return facts.commonName || facts.subjectText || '?';
}
/** `2026-03-01 12:00 UTC`: unambiguous in every locale, and stable in tests. */
function formatUtc(date) {
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
const MS_PER_DAY = 86_400_000;
/**
 * The number of days left as people count them: rounded to the nearest day, so a certificate issued a second ago
 * for 92 days shows 92 (core's `daysLeft` is floored, for the thresholds), and 5½ days show 6. Zero means less
 * than half a day.
 */
function daysShown(expiry) {
    return Math.max(0, Math.round(expiry.msLeft / MS_PER_DAY));
}
/** Long form for tooltips and hovers: "23 days left", "expired 3 days ago", "revoked". */
function expiryPhrase(view, t) {
    if (view.revoked)
        return t('revoked');
    const days = view.expiry.daysLeft;
    const shown = daysShown(view.expiry);
    switch (view.expiry.state) {
        case 'expired': {
            // daysLeft is floor(msLeft / day): -1 means "less than a day ago".
            const ago = Math.max(0, -days - 1);
            return ago === 0 ? t('expired less than a day ago') : ago === 1 ? t('expired 1 day ago') : t('expired {0} days ago', ago);
        }
        case 'not-yet-valid':
            return t('not yet valid');
        default:
            return shown === 0 ? t('less than a day left') : shown === 1 ? t('1 day left') : t('{0} days left', shown);
    }
}
/** Short form for the status bar: "23d", "expired", "not yet valid", "revoked". */
function expiryShort(view, t) {
    if (view.revoked)
        return t('revoked');
    if (view.expiry.state === 'expired')
        return t('expired');
    if (view.expiry.state === 'not-yet-valid')
        return t('not yet valid');
    const shown = daysShown(view.expiry);
    return shown === 0 ? t('<1d') : t('{0}d', shown);
}
/**
 * A SHA-256 fingerprint (`AB:CD:…`, 95 characters) as two lines of 16 bytes, so a 500-px hover or a narrow page
 * shows it whole without sideways scrolling; other lengths are split the same way, 16 bytes a line.
 */
function fingerprintLines(fingerprint) {
    const bytes = fingerprint.split(':');
    const lines = [];
    for (let i = 0; i < bytes.length; i += 16)
        lines.push(bytes.slice(i, i + 16).join(':'));
    return lines;
}
/** Why a certificate cannot be renewed and what helps, saying "revoked" (or "expired") once. */
function needsNewCertificateMessage(name, why, t) {
    return why === 'revoked'
        ? t('{0} was revoked, so it cannot be renewed. Request a new certificate with a one-time token.', name)
        : t('{0} has expired, so it cannot be renewed. Request a new certificate with a one-time token.', name);
}
/** "RSA 2048 bits", "EC P-256", "Ed25519". */
function formatPublicKey(key) {
    const type = key.type.toUpperCase() === 'EC' ? 'EC' : key.type.length <= 3 ? key.type.toUpperCase() : key.type;
    if (key.curve)
        return `${type} ${key.curve}`;
    if (key.bits)
        return `${type} ${key.bits} bits`;
    return type;
}
/** SANs as "DNS:a.example, IP:10.0.0.1", whatever shape core gives them in. */
function formatSubjectAltNames(names) {
    return names
        .map((name) => {
        if (typeof name === 'string')
            return name;
        if (name && typeof name === 'object' && 'value' in name) {
            const { type, value } = name;
            return type === undefined ? String(value) : `${String(type)}:${String(value)}`;
        }
        return String(name);
    })
        .join(', ');
}
/** What the user learns about the private key. */
function keyPhrase(key, t) {
    switch (key.status) {
        case 'match':
            return key.file ? t('found, matches ({0})', key.file) : t('found, matches');
        case 'mismatch':
            return key.file ? t('{0} does not match this certificate', key.file) : t('does not match this certificate');
        case 'encrypted':
            return t('{0} is encrypted; it is checked against this certificate when it is used', key.file ?? '?');
        case 'unreadable':
            return key.problem ? t('{0} cannot be used: {1}', key.file ?? '?', key.problem) : t('{0} cannot be read', key.file ?? '?');
        case 'missing':
            return t('not found');
    }
}
/**
 * A label that never wraps in a narrow hover: non-breaking spaces and hyphens ("SHA-256" stays on one line).
 */
function nowrap(label) {
    return label.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');
}
/**
 * A distinguished name that a narrow hover may break only between attributes: within one attribute spaces and
 * hyphens are non-breaking, and attributes are joined by ", " (the only break opportunity). Escaped commas
 * (`\,`) stay inside their attribute.
 */
function wrappableName(rfc4514) {
    return rfc4514
        .split(/(?<!\\),/)
        .map((attribute) => nowrap(attribute.trim()))
        .join(', ');
}
/**
 * Escapes text so Markdown shows it literally (subjects may contain `*`, `_`, `[`…). Values are always placed
 * mid-line, so only inline syntax (emphasis, code, links, HTML, table cells) needs escaping.
 */
function escapeMarkdown(text) {
    return text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}
/** A Markdown link that runs a command with JSON arguments (the MarkdownString must trust the command). */
function commandLink(label, commandId, args) {
    return `[${escapeMarkdown(label)}](command:${commandId}?${encodeURIComponent(JSON.stringify(args))})`;
}
//# sourceMappingURL=presentation.js.map