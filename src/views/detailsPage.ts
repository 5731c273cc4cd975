/**
 * The "Certificate Details" page as a pure function from what the editor knows about a certificate file to the
 * HTML of a webview (no `vscode` import; unit-tested in plain Node). The panel (detailsPanel.ts) only supplies the
 * nonce and the CSP source and turns the buttons' messages into commands.
 *
 * Safety: every piece of text that came from a file or a server is escaped by {@link escapeHtml}; the page loads
 * nothing remote (the CSP allows only this page's nonce'd style and script); colours come from VS Code's theme
 * variables, so the page follows light, dark and high-contrast themes.
 */
import { safeDisplayText } from '../core/displayText';
import { ExpiryThresholds, MS_PER_DAY, assessExpiry } from '../core/expiry';
import {
  CertificateView,
  FactsView,
  KeyView,
  Translate,
  displayName,
  expiryPhrase,
  formatPublicKey,
  formatSubjectAltNames,
  formatUtc,
  fingerprintLines,
  keyPhrase,
  severityOf,
} from './presentation';

/** The buttons of the page; the panel maps each to its command. */
export type DetailsAction = 'renew' | 'revoke' | 'restore';
export const DETAILS_ACTIONS: readonly DetailsAction[] = ['renew', 'revoke', 'restore'];

/** One certificate of the chain, leaf first, with the file it was read from (as shown to the user). */
export interface ChainLink {
  facts: FactsView;
  file: string;
}

export interface DetailsPageInput {
  /** The certificate file as shown to the user (workspace-relative where possible). */
  file: string;
  format: 'pem' | 'der';
  /** The leaf (first certificate of the file) at `now`; absent when the file holds no certificate (any more). */
  leaf?: CertificateView;
  /** Leaf → CA: the file's own certificates, then those of its CA file. */
  chain: readonly ChainLink[];
  key?: KeyView;
  /** The remembered connection: never holds secrets. */
  connection?: { backend?: string; urls: ReadonlyArray<{ label: string; url: string }>; caFile?: string };
  /** Earlier versions kept by renewals, newest first. */
  backups: ReadonlyArray<{ id: string; createdAt: Date }>;
  thresholds: ExpiryThresholds;
  now: Date;
  /** Which buttons are enabled (the same rules as the view's inline actions). */
  actions: Readonly<Record<DetailsAction, boolean>>;
}

export interface PageContext {
  t: Translate;
  /** A fresh random value per render: the only style and script the page may run carry it. */
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
}

/**
 * Escapes text for HTML element content and double-quoted attribute values, after making it safe to show
 * (controls and bidi overrides that would reorder what is read become visible escapes, tokens are masked).
 */
export function escapeHtml(text: string): string {
  return safeDisplayText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Where the lifetime stands and where the warning and error thresholds fall, as fractions of the lifetime. */
export interface ValidityBar {
  /** Share of the lifetime already used, in [0, 1]. */
  used: number;
  /** From this share on the certificate is "expiring" (warning), in [0, 1]. */
  warningAt: number;
  /** From this share on it is "critical" (error), in [0, 1]. */
  errorAt: number;
  warningFrom: Date;
  errorFrom: Date;
  lifetimeDays: number;
}

/**
 * The bar's geometry. The threshold dates are found by asking core's `assessExpiry` itself (a binary search over
 * the lifetime: severity only grows with time), so the bar can never disagree with the status bar and Problems.
 */
export function validityBar(validity: { notBefore: Date; notAfter: Date }, now: Date, thresholds: ExpiryThresholds): ValidityBar {
  const start = validity.notBefore.getTime();
  const end = validity.notAfter.getTime();
  const lifetime = Math.max(1, end - start);
  const share = (at: number): number => Math.min(1, Math.max(0, (at - start) / lifetime));
  const rank = (at: number): number => SEVERITY_RANK[assessExpiry(validity, new Date(at), thresholds).severity];
  /** The first instant in [start, end) with at least `wanted` severity (end when none). */
  const firstAt = (wanted: number): number => {
    let low = start;
    let high = end;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (rank(middle) >= wanted) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const warningFrom = firstAt(1);
  const errorFrom = firstAt(2);
  return {
    used: share(now.getTime()),
    warningAt: share(warningFrom),
    errorAt: share(errorFrom),
    warningFrom: new Date(warningFrom),
    errorFrom: new Date(errorFrom),
    lifetimeDays: Math.round(lifetime / MS_PER_DAY),
  };
}

const SEVERITY_RANK = { ok: 0, warning: 1, error: 2 } as const;

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/**
 * The bar's positions as rules in the nonce'd style element: the CSP blocks `style="…"` attributes (nonces do
 * not apply to them), and the values are numbers we computed, never text from a file.
 */
function barStyle(bar: ValidityBar): string {
  return `
.zone.warning { left: ${percent(bar.warningAt)}; width: ${percent(Math.max(0, bar.errorAt - bar.warningAt))}; }
.zone.error { left: ${percent(bar.errorAt)}; width: ${percent(1 - bar.errorAt)}; }
.used { width: ${percent(bar.used)}; }
.mark.warning { left: ${percent(bar.warningAt)}; }
.mark.error { left: ${percent(bar.errorAt)}; }
`;
}

/** The whole page. */
export function detailsHtml(input: DetailsPageInput, context: PageContext): string {
  const { t, nonce, cspSource } = context;
  const csp = `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource};`;
  const title = input.leaf ? displayName(input.leaf.facts) : input.file;
  const body = input.leaf ? certificateSections(input, input.leaf, t) : `<p class="empty">${escapeHtml(t('No certificate found in this file.'))}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}${input.leaf ? barStyle(validityBar(input.leaf.facts, input.now, input.thresholds)) : ''}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="file">${escapeHtml(input.file)} <span class="badge">${input.format.toUpperCase()}</span></p>
${actionButtons(input, t)}
</header>
${body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

function actionButtons(input: DetailsPageInput, t: Translate): string {
  const labels: Record<DetailsAction, string> = { renew: t('Renew'), revoke: t('Revoke…'), restore: t('Restore…') };
  const buttons = DETAILS_ACTIONS.map((action) => {
    const enabled = input.leaf !== undefined && input.actions[action];
    const kind = action === 'renew' ? '' : ' class="secondary"';
    return `<button type="button"${kind} data-action="${action}"${enabled ? '' : ' disabled'}>${escapeHtml(labels[action])}</button>`;
  });
  return `<nav class="actions">${buttons.join('')}</nav>`;
}

function certificateSections(input: DetailsPageInput, leaf: CertificateView, t: Translate): string {
  const facts = leaf.facts;
  const severity = severityOf(leaf);
  const sections = [
    `<p class="status ${severity}">${escapeHtml(expiryPhrase(leaf, t))}</p>`,
    section(t('Validity'), validitySection(facts, input, t)),
    section(
      t('Certificate'),
      table([
        [t('Subject'), mono(facts.subjectText)],
        [t('Issuer'), mono(facts.issuerText) + (facts.selfSigned ? ` (${escapeHtml(t('self-signed'))})` : '')],
        [t('Serial'), mono(facts.serialNumber)],
        [t('SHA-256'), `<code class="fingerprint">${fingerprintLines(facts.fingerprint256).map(escapeHtml).join('<br>')}</code>`],
        [t('Public key'), escapeHtml(formatPublicKey(facts.publicKey))],
        ...(facts.subjectAltNames.length > 0 ? [[t('SANs'), escapeHtml(formatSubjectAltNames(facts.subjectAltNames))] as [string, string]] : []),
      ]),
    ),
    section(t('Chain'), chainList(input.chain, t)),
    section(t('Private key'), `<p>${escapeHtml(input.key ? keyPhrase(input.key, t) : t('not found'))}</p>`),
    section(t('Connection'), connectionSection(input.connection, t)),
    section(t('Backups'), backupList(input.backups, t)),
  ];
  return sections.join('\n');
}

function section(heading: string, content: string): string {
  return `<section><h2>${escapeHtml(heading)}</h2>${content}</section>`;
}

/** Rows of [label, already-escaped HTML]. */
function table(rows: ReadonlyArray<[string, string]>): string {
  return `<table>${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`).join('')}</table>`;
}

function mono(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

function validitySection(facts: FactsView, input: DetailsPageInput, t: Translate): string {
  const bar = validityBar(facts, input.now, input.thresholds);
  const label = t('{0} of {1} days used', percent(bar.used), bar.lifetimeDays);
  return `<div class="bar" role="meter" aria-label="${escapeHtml(label)}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${(bar.used * 100).toFixed(1)}">
<div class="zone warning"></div><div class="zone error"></div><div class="used"></div>
<div class="mark warning" title="${escapeHtml(t('Warning from {0}', formatUtc(bar.warningFrom)))}"></div>
<div class="mark error" title="${escapeHtml(t('Error from {0}', formatUtc(bar.errorFrom)))}"></div>
</div>
<p class="legend">${escapeHtml(label)}</p>
${table([
  [t('Valid from'), escapeHtml(formatUtc(facts.notBefore))],
  [t('Warning from'), `<span class="swatch warning"></span>${escapeHtml(formatUtc(bar.warningFrom))}`],
  [t('Error from'), `<span class="swatch error"></span>${escapeHtml(formatUtc(bar.errorFrom))}`],
  [t('Valid to'), escapeHtml(formatUtc(facts.notAfter))],
])}`;
}

function chainList(chain: readonly ChainLink[], t: Translate): string {
  if (chain.length === 0) return '';
  const items = chain.map((link, i) => {
    const role = i === 0 ? t('Certificate') : link.facts.isCA ? t('CA certificate') : t('Certificate');
    return (
      `<li><strong>${escapeHtml(displayName(link.facts))}</strong> <span class="muted">${escapeHtml(role)} · ${escapeHtml(link.file)}</span>` +
      `<br><span class="muted">${escapeHtml(t('Issuer'))}:</span> ${mono(link.facts.issuerText)}</li>`
    );
  });
  return `<ol class="chain">${items.join('')}</ol>`;
}

function connectionSection(connection: DetailsPageInput['connection'], t: Translate): string {
  if (!connection) return `<p>${escapeHtml(t('No remembered connection: the first renewal asks for the server.'))}</p>`;
  const rows: Array<[string, string]> = [];
  if (connection.backend) rows.push([t('Backend'), escapeHtml(connection.backend)]);
  for (const { label, url } of connection.urls) rows.push([label, mono(url)]);
  if (connection.caFile) rows.push([t('Server CA file'), escapeHtml(connection.caFile)]);
  return table(rows);
}

function backupList(backups: DetailsPageInput['backups'], t: Translate): string {
  if (backups.length === 0) return `<p>${escapeHtml(t('No backups yet: renewal keeps the previous certificate here.'))}</p>`;
  return `<ul class="backups">${backups.map((b) => `<li>${escapeHtml(formatUtc(b.createdAt))}</li>`).join('')}</ul>`;
}

/** Theme colours only (CSS variables VS Code sets on the webview's body); no fonts or images from anywhere. */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 20px 20px; max-width: 820px; }
h1 { font-size: 1.6em; margin: 16px 0 4px; font-weight: 600; }
h2 { font-size: 1.1em; margin: 20px 0 6px; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 3px; }
code { font-family: var(--vscode-editor-font-family); font-size: 0.95em; overflow-wrap: anywhere; }
.file, .muted, .legend { color: var(--vscode-descriptionForeground); }
.badge { border: 1px solid var(--vscode-panel-border); border-radius: 3px; padding: 0 4px; font-size: 0.85em; }
.actions { display: flex; gap: 8px; margin: 10px 0; }
button { font: inherit; padding: 4px 12px; border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px;
  color: var(--vscode-button-foreground); background: var(--vscode-button-background); cursor: pointer; }
button:hover:not([disabled]) { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button[disabled] { opacity: 0.5; cursor: default; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.status { font-weight: 600; margin: 6px 0; }
.status.ok { color: var(--vscode-testing-iconPassed); }
.status.warning { color: var(--vscode-editorWarning-foreground); }
.status.error { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; }
th { text-align: left; font-weight: normal; color: var(--vscode-descriptionForeground); padding: 2px 16px 2px 0;
  vertical-align: top; white-space: nowrap; }
td { padding: 2px 0; }
.bar { position: relative; height: 16px; border: 1px solid var(--vscode-panel-border); border-radius: 3px;
  background: var(--vscode-input-background); margin: 8px 0 4px; overflow: hidden; }
.zone, .used, .mark { position: absolute; top: 0; bottom: 0; }
.zone.warning, .swatch.warning { background: var(--vscode-editorWarning-foreground); opacity: 0.35; }
.zone.error, .swatch.error { background: var(--vscode-errorForeground); opacity: 0.45; }
/* The used share as a strip over the zones, so both stay visible. */
.used { left: 0; top: 5px; bottom: 5px; border-radius: 2px; background: var(--vscode-foreground); opacity: 0.6; }
.mark { width: 2px; margin-left: -1px; }
.mark.warning { background: var(--vscode-editorWarning-foreground); }
.mark.error { background: var(--vscode-errorForeground); }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; vertical-align: baseline; }
.chain { padding-left: 20px; }
.chain li { margin-bottom: 6px; }
.fingerprint { display: inline-block; line-height: 1.4; }
`;

/** Buttons post `{ action }` to the extension; nothing else crosses the boundary. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
for (const button of document.querySelectorAll('button[data-action]')) {
  button.addEventListener('click', () => vscode.postMessage({ action: button.dataset.action }));
}
`;
