/** Options of the local Connector Service emulator, their defaults, and the duration syntax of the CLI. */

/** The server-side CSR subject configuration (env ORGANIZATION, ORGANIZATIONALUNIT, LOCALITY, PROVINCE, COUNTRY). */
export interface SubjectDefaults {
  readonly O: string;
  readonly OU: string;
  readonly L: string;
  readonly ST: string;
  readonly C: string;
}

export interface EmulatorOptions {
  /** Interface to listen on; default 127.0.0.1. Anything but loopback needs `listenAny`. */
  host?: string;
  /**
   * Allow a non-loopback `host`. The emulator issues certificates to anyone who asks its unauthenticated internal
   * API, so it is a test tool for this machine; listening on a network is an explicit decision (`--listen-any`).
   */
  listenAny?: boolean;
  /** Connector (token) HTTPS listener; 0 or omitted = ephemeral. */
  port?: number;
  /** Gateway (mTLS) HTTPS listener; 0 or omitted = ephemeral. */
  gatewayPort?: number;
  /** Internal plain-HTTP listener (tokens, by-hash revocation, emulator control); 0 or omitted = ephemeral. */
  internalPort?: number;
  /** Where the CAs, keys and server certificate persist; default: a temp dir removed on close. */
  stateDir?: string;
  /** Lifetime of issued client certificates; default 92 days (the Kyma chart). */
  validityMs?: number;
  /** One-time token lifetime; default 5 minutes. */
  tokenTtlMs?: number;
  /** Server-side subject defaults; missing fields take the Kyma chart values. */
  subject?: Partial<SubjectDefaults>;
  /** Client CA key size; 2048 by default for speed, 4096 like the real certs-setup job. */
  caKeyBits?: 2048 | 4096;
  /**
   * Highest TLS version of the gateway listener; default TLSv1.2. Node's TLS server cannot refuse a client
   * certificate with an alert: it completes the handshake and then destroys the socket. Under TLS 1.3 the client has
   * already finished its side of the handshake by then, so a refusal looks like a connection reset after the request
   * was sent; under TLS 1.2 it is a reset during the handshake, which is what Istio's refusal looks like to a client.
   */
  gatewayMaxTlsVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** Clock for tokens and issuance (the TLS layer always uses the real clock). */
  now?: () => Date;
  /** Receives one line per request: method, path, status. Never bodies, never query strings (tokens). */
  log?: (line: string) => void;
}

export const DEFAULT_SUBJECT: SubjectDefaults = { O: 'Organization', OU: 'OrgUnit', L: 'Waldorf', ST: 'Waldorf', C: 'DE' };
export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_VALIDITY_MS = 92 * DAY_MS;
export const DEFAULT_TOKEN_TTL_MS = 5 * 60 * 1000;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };

/** Parses "92d", "2h", "15m", "90s", "500ms" (or bare milliseconds) into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!match) {
    throw new Error(`invalid duration "${text}" (expected e.g. 92d, 2h, 15m, 90s, 500ms)`);
  }
  const value = Number(match[1]) * UNIT_MS[match[2] ?? 'ms'];
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`invalid duration "${text}" (must be positive)`);
  }
  return value;
}
