/**
 * One error type for every layer (core, connector, lifecycle, CLI, editor).
 * `kind` drives CLI exit codes and editor messages; `hint` is what the user can do about it.
 */
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
  /** The service's own `error` text, verbatim. */
  serverMessage?: string;
}

/**
 * The CLI and the extension load parts of the code from separate bundle files (esbuild.mjs), each with its own copy
 * of this class: `instanceof` recognises an error from any copy by this registry-wide symbol.
 */
const KYMA_CERT_ERROR = Symbol.for('kyma-cert.KymaCertError');

export class KymaCertError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[KYMA_CERT_ERROR] === true;
  }

  readonly status?: number;
  readonly serverMessage?: string;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly hint?: string,
    options: KymaCertErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KymaCertError';
    this.status = options.status;
    this.serverMessage = options.serverMessage;
  }

  toJSON(): { kind: ErrorKind; message: string; hint?: string; status?: number } {
    return { kind: this.kind, message: this.message, hint: this.hint, status: this.status };
  }
}
Object.defineProperty(KymaCertError.prototype, KYMA_CERT_ERROR, { value: true });

export function isKymaCertError(e: unknown, kind?: ErrorKind): e is KymaCertError {
  return e instanceof KymaCertError && (kind === undefined || e.kind === kind);
}

/** Error text for the log and the UI; core errors never carry key material. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
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
