/**
 * Text that came from a server or a file (error messages, subjects, file names) and is about to be shown to a person:
 * in a terminal, a VS Code notification or a log. Pure functions, no I/O.
 *
 * - `safeDisplayText` escapes what could take over a terminal or fake a line (ANSI ESC sequences, CR/LF, other C0
 *   and C1 controls, DEL, Unicode line separators and bidi overrides that reorder what is read) and caps the length,
 *   so a hostile answer cannot print a forged "Renewed …" line or flood the screen.
 * - `redactSecrets` / `redactUrl` mask one-time tokens (`token=***`): a token URL must never reach any output, log,
 *   JSON error or file.
 */

/** Longest single text we show from a server or a file; beyond it the text is cut with an ellipsis. */
export const MAX_DISPLAY_CHARS = 1000;

/** What replaces a secret. */
export const MASK = '***';

// C0 controls, DEL, C1 controls, bidi marks/embeddings/overrides/isolates, line and paragraph separators.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const UNSAFE_ABOVE_ASCII = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** One character as a visible escape: `\n`, `\e`, `\x07`, `\u202e`. */
function escapeChar(c: string): string {
  const named = NAMED_ESCAPES[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control, separator and bidi character escaped and at most `maxChars` characters long (plus
 * `…`). Ordinary text, including non-Latin scripts, is unchanged. Also masks tokens (`redactSecrets`).
 */
export function safeDisplayText(text: string, maxChars: number = MAX_DISPLAY_CHARS): string {
  const cut = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text; // escapes grow text at most 6×; keep work bounded
  let escaped = redactSecrets(cut).replace(UNSAFE, escapeChar);
  if (escaped.length > maxChars || cut.length < text.length) {
    escaped = escaped.slice(0, maxChars);
    // Never end on half a surrogate pair.
    if (/[\ud800-\udbff]$/.test(escaped)) escaped = escaped.slice(0, -1);
    escaped += '…';
  }
  return escaped;
}

// `token=…`, `one_time_token=…`, `Connector-Token=…` in a query string or free text: the value up to the next
// separator. Case-insensitive; the parameter name is kept so the message still says what was there. The name part
// is bounded ({0,40}) so the scan stays linear on any input; backslash and quotes end the value, so masking
// inside a JSON text keeps it valid JSON.
const TOKEN_PARAMETER = /(token[\w.-]{0,40}=)[^&#\s"'<>\\]+/gi;

/**
 * `text` with the value of every token-like parameter replaced by `***`, and each of `secrets` (exact values the
 * caller knows, e.g. the token it was given) replaced wherever it appears.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PARAMETER, `$1${MASK}`);
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(MASK);
  return out;
}

/**
 * A URL for messages: scheme, host, port and path, the query with token values masked, no user info, no
 * fragment. Something that does not parse as a URL is masked as text and shortened.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return safeDisplayText(url, 200);
  }
  return safeDisplayText(`${parsed.origin}${parsed.pathname}${redactSecrets(parsed.search)}`, 500);
}

/** The value of the `token` query parameter of a URL, when there is one (so a caller can scrub it by value). */
export function tokenOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('token') ?? undefined;
  } catch {
    return /[?&]token=([^&#\s]+)/i.exec(url)?.[1];
  }
}

/**
 * A JSON text with the characters `JSON.stringify` leaves raw but a terminal or viewer interprets (DEL, C1 controls,
 * bidi overrides, line separators) written as `\uXXXX` escapes: the same JSON value, safe to print.
 */
export function escapeJsonText(json: string): string {
  // Not C0: inside strings JSON.stringify has escaped those already, outside them they are the indentation.
  return json.replace(UNSAFE_ABOVE_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
