/**
 * One error type for every layer (core, connector, lifecycle, CLI, editor).
 * `kind` drives CLI exit codes and editor messages; `remedy` is what the user can do about it, as data: the CLI
 * words it with flags (src/cli/remedies.ts), the editor with commands and settings (src/views/remedies.ts).
 * `hint` is the older free-text form, still shown by the CLI; the editor drops a hint that names a CLI flag.
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

/**
 * What the user can do about a failure, without wording it for one front end. Add a kind here, and the compiler
 * asks both wordings for it.
 */
export type Remedy =
  /** Only a new certificate from a one-time token helps (expired, revoked, refused by the gateway). */
  | { kind: 'new-certificate-with-token'; data?: { reason?: 'expired' | 'revoked' | 'rejected' | 'subject-mismatch' } }
  /** The one-time token is used, expired or wrong: get a new one and use it right away. */
  | { kind: 'new-token' }
  /** The service's CA is not the one that issued the current certificate: accept it only if the CA was rotated. */
  | { kind: 'allow-issuer-change' }
  /** No management info URL is known: give one (it is then remembered in `connectionFile`). */
  | { kind: 'set-management-url'; data: { connectionFile: string } }
  /** The remembered connection file is damaged. */
  | { kind: 'fix-connection-file'; data: { file: string } }
  /** The cluster's server certificate is not trusted: name the cluster CA file (or, at one's own risk, go insecure). */
  | { kind: 'pass-ca-file' }
  /** The private key is missing, unreadable or belongs to another certificate. */
  | { kind: 'check-key-file'; data?: { keyFile?: string } }
  /** The file given as the certificate holds none. */
  | { kind: 'check-certificate-file'; data: { file: string } }
  /** Transient: the service failed, timed out, or another renewal holds the lock. */
  | { kind: 'retry-later'; data?: { lockFile?: string } }
  /** The cluster was not reachable (URL, network, VPN, proxy); `maybeRejected`: it may also be refusing the certificate. */
  | { kind: 'check-network'; data?: { maybeRejected?: boolean } }
  /** The URL is not the Connector Service endpoint it should be. */
  | { kind: 'check-url' }
  /** The HTTP proxy refused the tunnel (`status` 407: it wants credentials). */
  | { kind: 'check-proxy'; data: { status?: number } }
  /** The target file exists: choose another name or folder, or replace it explicitly. */
  | { kind: 'choose-other-name'; data: { file: string } }
  /** The certificate starts in the future: this computer's clock is probably wrong. */
  | { kind: 'check-clock' }
  /** A renewal could not be undone automatically: the previous certificate is in `backupFile`. */
  | { kind: 'restore-by-hand'; data: { backupFile: string; certFile: string } }
  /** The service returned something we cannot use safely; nothing the user can fix here. */
  | { kind: 'report-to-admin' };

export type RemedyKind = Remedy['kind'];

export interface KymaCertErrorOptions {
  cause?: unknown;
  /** What the user can do about it (worded by the CLI and the editor). */
  remedy?: Remedy;
  /** HTTP status when the error came from the service. */
  status?: number;
  /** The service's own `error` text (escaped for display, capped: see displayText.ts). */
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
  readonly hint?: string;
  readonly remedy?: Remedy;

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
    this.remedy = options.remedy;
  }

  toJSON(): { kind: ErrorKind; message: string; hint?: string; remedy?: Remedy; status?: number } {
    return { kind: this.kind, message: this.message, hint: this.hint, remedy: this.remedy, status: this.status };
  }
}
Object.defineProperty(KymaCertError.prototype, KYMA_CERT_ERROR, { value: true });

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

export const HINT_NEW_CERTIFICATE = 'Request a new certificate with a one-time token (Kyma: create a TokenRequest for the application).';

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
