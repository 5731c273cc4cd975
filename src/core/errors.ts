/**
 * One error type for every layer (core, connector, lifecycle, CLI, editor).
 * `kind` drives CLI exit codes and editor messages; `hint` is what the user can do about it.
 */
import { redactSecrets, safeDisplayText } from './displayText';

export type ErrorKind =
  | 'parse' // input is not a certificate / key / CSR we can read
  | 'too-large' // input above the size cap (protects against hangs)
  | 'not-a-file' // a directory, pipe, socket or device where a file was expected (never read)
  | 'unsupported' // e.g. a key algorithm node cannot read
  | 'passphrase-required' // an encrypted private key and no passphrase was given
  | 'bad-passphrase' // the passphrase does not decrypt the private key
  | 'key-mismatch' // private key does not belong to the certificate
  | 'expired' // certificate expired: only a new one-time token helps
  | 'not-yet-valid'
  | 'revoked' // 403 "Certificate has been revoked."
  | 'invalid-token' // 403 "Token not provided." / "Invalid token."
  | 'untrusted-server' // server certificate not trusted (self-signed cluster without a CA file)
  | 'tls' // handshake refused (client certificate rejected, protocol error)
  | 'timeout'
  | 'network' // connection refused / reset / DNS
  | 'bad-request' // 400 from the service (CSR subject etc.)
  | 'server' // 5xx or a response we cannot use
  | 'verification' // the returned certificate failed our checks; nothing was written
  | 'locked' // another renewal of the same certificate is running
  | 'config' // a required setting or flag is missing or invalid
  | 'io' // file system
  | 'cancelled';

export interface KymaCertErrorOptions {
  cause?: unknown;
  /** HTTP status when the error came from the service. */
  status?: number;
  /** The service's own `error` text (escaped for display, capped: see displayText.ts). */
  serverMessage?: string;
}

export class KymaCertError extends Error {
  readonly status?: number;
  readonly serverMessage?: string;
  readonly hint?: string;

  /**
   * Token values in `message` and `hint` are masked (`token=***`) whoever built them: an error is printed, logged
   * and serialised to JSON, and a one-time token must reach none of those. The service's own text is escaped for
   * display (control characters, bidi overrides) and capped.
   */
  constructor(
    readonly kind: ErrorKind,
    message: string,
    hint?: string,
    options: KymaCertErrorOptions = {},
  ) {
    super(redactSecrets(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KymaCertError';
    this.hint = hint === undefined ? undefined : redactSecrets(hint);
    this.status = options.status;
    this.serverMessage = options.serverMessage === undefined ? undefined : safeDisplayText(options.serverMessage);
  }

  toJSON(): { kind: ErrorKind; message: string; hint?: string; status?: number } {
    return { kind: this.kind, message: this.message, hint: this.hint, status: this.status };
  }
}

export function isKymaCertError(e: unknown, kind?: ErrorKind): e is KymaCertError {
  return e instanceof KymaCertError && (kind === undefined || e.kind === kind);
}

/** Error text for the log and the UI; core errors never carry key material. */
export function messageOf(e: unknown): string {
  // Shown in notifications, quick picks and the log, and it may quote a server or a file: escaped, capped, masked.
  return safeDisplayText(e instanceof Error ? e.message : String(e));
}

/** Kinds after which renewal cannot succeed: the user needs a new certificate from a one-time token. */
export const NEEDS_NEW_CERTIFICATE: ReadonlySet<ErrorKind> = new Set(['expired', 'revoked']);

export const HINT_NEW_CERTIFICATE =
  'Request a new certificate with a one-time token (Kyma: create a TokenRequest for the application).';

/** Documented CLI exit codes, one per family of failure (README lists them). */
export function exitCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'config':
      return 2;
    case 'parse':
    case 'too-large':
    case 'not-a-file':
    case 'unsupported':
    case 'passphrase-required':
    case 'bad-passphrase':
    case 'key-mismatch':
      return 3;
    case 'expired':
    case 'not-yet-valid':
    case 'revoked':
    case 'invalid-token':
      return 4;
    case 'untrusted-server':
    case 'tls':
    case 'timeout':
    case 'network':
      return 5;
    case 'bad-request':
    case 'server':
      return 6;
    case 'verification':
      return 7;
    case 'locked':
      return 8;
    case 'io':
      return 9;
    case 'cancelled':
      return 10;
  }
}
