import { escapeJsonText, redactSecrets, safeDisplayText } from '../core/displayText';
import { Remedy, exitCodeFor, isKymaCertError } from '../core/errors';
import { cliRemedyText } from './remedies';

/** Exit code for a command line the program cannot understand (same as a `config` error). */
export const EXIT_USAGE = 2;
/** Exit code for a bug: anything that is not a KymaCertError. */
export const EXIT_UNEXPECTED = 1;

/** A wrong command line: unknown flag, missing argument, contradictory flags. */
const USAGE_ERROR = Symbol.for('kyma-cert.UsageError');

/** A wrong command line (exit 2). Recognised across bundle files like KymaCertError (see core/errors.ts). */
export class UsageError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[USAGE_ERROR] === true;
  }

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
Object.defineProperty(UsageError.prototype, USAGE_ERROR, { value: true });

/** Where a command writes: results on stdout, progress and warnings on stderr (so `--json` output stays parseable). */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Values that must never be printed (a command that reads a token adds it); see `redactingIo`. */
  secrets?: string[];
}

/**
 * The output boundary for secrets: everything written through the returned Io has token values masked
 * (`token=***`), and every value later pushed onto its `secrets` replaced by `***`, whatever code built the text.
 */
export function redactingIo(io: Io): Io {
  const secrets: string[] = [];
  return {
    stdout: (text) => io.stdout(redactSecrets(text, secrets)),
    stderr: (text) => io.stderr(redactSecrets(text, secrets)),
    secrets,
  };
}

/** Lines longer than this are cut: a human line is a subject, a path or a message, never kilobytes. */
const MAX_LINE_CHARS = 2000;

/** One human-readable line: text from servers and files can hold escapes and newlines that would forge output. */
function displayLine(text: string): string {
  return safeDisplayText(text, MAX_LINE_CHARS);
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Prints a command's result: the JSON document with `--json`, the human lines otherwise. */
export function printResult(io: Io, json: boolean, document: unknown, human: string[]): void {
  if (json) io.stdout(`${escapeJsonText(JSON.stringify(document, null, 2))}\n`);
  else io.stdout(human.map((l) => `${displayLine(l)}\n`).join(''));
}

/**
 * Reports a failure and returns the exit code: `{"error":{kind,message,hint,remedy}}` on stdout with `--json`
 * (scripts read one stream), `kyma-cert: message` plus the hint on stderr otherwise. The hint is the error's remedy
 * worded for the command line, or its free-text hint.
 */
export function reportError(io: Io, json: boolean, e: unknown): number {
  let kind: string;
  let message: string;
  let hint: string | undefined;
  let status: number | undefined;
  let remedy: Remedy | undefined;
  let code: number;
  if (isKymaCertError(e)) {
    ({ kind, message, hint, status, remedy } = e);
    if (remedy) hint = cliRemedyText(remedy);
    code = exitCodeFor(e.kind);
  } else if (e instanceof UsageError) {
    kind = 'config';
    message = e.message;
    hint = 'Run kyma-cert --help for usage.';
    code = EXIT_USAGE;
  } else {
    kind = 'internal';
    message = e instanceof Error ? e.message : String(e);
    hint = 'This is a bug in kyma-cert; please report it with the command you ran.';
    code = EXIT_UNEXPECTED;
  }
  if (json) {
    io.stdout(`${escapeJsonText(JSON.stringify({ error: { kind, message, hint, remedy, ...(status !== undefined ? { status } : {}) } }))}\n`);
  } else {
    io.stderr(`kyma-cert: ${displayLine(message)}\n`);
    if (hint) io.stderr(`  hint: ${displayLine(hint)}\n`);
  }
  return code;
}

/** Progress lines on stderr, prefixed so they read as a log of steps. */
export function progressPrinter(io: Io): (step: string) => void {
  return (step) => io.stderr(`… ${displayLine(step)}\n`);
}

/** Dates in output: ISO, to the second. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
