import { redactUrl, safeDisplayText } from '../core/displayText';
import { ErrorKind, HINT_NEW_CERTIFICATE, KymaCertError, Remedy } from '../core/errors';
import { PROXY_REFUSED } from './proxy';
import type { ErrorBody } from './types';

/**
 * Maps what the Connector Service (or the network in front of it) does to one KymaCertError with a remedy the user
 * can act on. Messages carry URLs' hosts, statuses, error codes and the service's own text: never a key, a CSR or
 * a token (token values are masked, and the service's text is escaped for display: core/displayText.ts).
 */

// The HINT_* texts below are the CLI's old wording, kept while other code still refers to them; errors carry a
// `remedy` now, worded by src/cli/remedies.ts and src/views/remedies.ts.
export const HINT_NEW_TOKEN =
  'One-time tokens expire after 5 minutes and work once: ask Kyma for a new token (create a TokenRequest for the application) and use its URL right away.';
export const HINT_UNTRUSTED_SERVER =
  "The cluster's server certificate is not trusted. Set the cluster CA file (the equivalent of `kyma import certs`), or, at your own risk, allow insecure TLS (curl -k).";
export const HINT_CLIENT_CERT_REJECTED =
  'The gateway refused the client certificate (expired, from another cluster, or not a Kyma client certificate). ' + HINT_NEW_CERTIFICATE;
/** @deprecated throw with `remedy: { kind: 'retry-later' }` */
export const HINT_SERVER = 'The Connector Service failed or answered something unusable; try again later or check the cluster.';
/** @deprecated throw with `remedy: { kind: 'check-network' }` */
export const HINT_NETWORK = 'Check the URL, that the cluster is reachable from here, and any VPN or proxy.';
/** @deprecated throw with `remedy: { kind: 'check-url' }` */
export const HINT_WRONG_URL = 'The URL does not point at this Connector Service endpoint; use the URLs the service returned.';
export const HINT_CSR_SUBJECT = 'The CSR subject must contain exactly the attributes of `certificate.subject` from management/info (or signingRequests/info).';

const REJECTED: Remedy = { kind: 'new-certificate-with-token', data: { reason: 'rejected' } };
const NETWORK: Remedy = { kind: 'check-network' };

/** Answers are a few KiB; anything far bigger is not the Connector Service (axios stops reading there). */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

const TOKEN_MESSAGES = new Set(['Token not provided.', 'Invalid token.']);
export const REVOKED_MESSAGE = 'Certificate has been revoked.';
/** The connectivity adapter's one answer for a missing, spent or unknown token AND a revoked or unknown certificate (§10.3). */
export const ADAPTER_FORBIDDEN_MESSAGE = 'invalid token or certificate';
export const HINT_ADAPTER_CERTIFICATE =
  'The connectivity adapter refused the certificate: it was revoked (Compass then refuses it on every route) or is unknown. ' + HINT_NEW_CERTIFICATE;
export const HINT_ADAPTER_TOKEN =
  'Compass one-time tokens are spent the moment they are presented, even when the call fails, and expire after 5 minutes: ask for a new token (Compass console "Connect Application") and use it right away.';

/** `https://host:port/path?token=***`: URLs in messages go through the one masking function (core/displayText). */
export function describeUrl(url: string): string {
  return redactUrl(url);
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && typeof (value as ErrorBody).error === 'string') return value as ErrorBody;
  } catch {
    // not JSON: handled by the caller
  }
  return undefined;
}

/** An HTTP answer that is not the expected success. `mtls`: the call presented a client certificate. */
export function errorFromResponse(operation: string, status: number, bodyText: string, mtls = false): KymaCertError {
  const body = parseErrorBody(bodyText);
  const options = { status, serverMessage: body?.error };
  if (body === undefined) {
    const kind: ErrorKind = status === 404 || status === 405 ? 'config' : 'server';
    return new KymaCertError(kind, `${operation}: the Connector Service answered HTTP ${status} without a JSON error body`, undefined, {
      ...options,
      remedy: kind === 'config' ? { kind: 'check-url' } : { kind: 'retry-later' },
    });
  }
  // The service's text is shown to a person: escaped and capped, so it cannot forge terminal lines.
  const said = `${operation} failed (HTTP ${status}): ${safeDisplayText(body.error, 300)}`;
  if (status === 403 && body.error === REVOKED_MESSAGE) {
    return new KymaCertError('revoked', said, undefined, { ...options, remedy: { kind: 'new-certificate-with-token', data: { reason: 'revoked' } } });
  }
  if (status === 403 && TOKEN_MESSAGES.has(body.error))
    return new KymaCertError('invalid-token', said, undefined, { ...options, remedy: { kind: 'new-token' } });
  if (status === 403 && body.error === ADAPTER_FORBIDDEN_MESSAGE) {
    return mtls
      ? new KymaCertError('revoked', said, HINT_ADAPTER_CERTIFICATE, {
          ...options,
          remedy: { kind: 'new-certificate-with-token', data: { reason: 'revoked' } },
        })
      : new KymaCertError('invalid-token', said, HINT_ADAPTER_TOKEN, { ...options, remedy: { kind: 'new-token' } });
  }
  // Kyma says `CSR: …`; the adapter wraps the connector's text: `Failed to sign CSR: graphql: … CSR: Invalid …`.
  if (status === 400 && body.error.includes('CSR: ')) return new KymaCertError('bad-request', said, HINT_CSR_SUBJECT, options);
  if (status === 400 && body.error.startsWith('Invalid certificate: ')) {
    return new KymaCertError('bad-request', said, undefined, {
      ...options,
      remedy: { kind: 'new-certificate-with-token', data: { reason: 'subject-mismatch' } },
    });
  }
  if (status === 404 && body.error === 'Requested resource could not be found.')
    return new KymaCertError('config', said, undefined, { ...options, remedy: { kind: 'check-url' } });
  if (status === 405) return new KymaCertError('config', said, undefined, { ...options, remedy: { kind: 'check-url' } });
  if (status >= 500) return new KymaCertError('server', said, undefined, { ...options, remedy: { kind: 'retry-later' } });
  if (status >= 400 && status < 500) return new KymaCertError('bad-request', said, undefined, options);
  return new KymaCertError('server', `${operation}: unexpected HTTP ${status}: ${safeDisplayText(body.error, 300)}`, undefined, {
    ...options,
    remedy: { kind: 'retry-later' },
  });
}

/** A 2xx answer whose body is not what the contract promises. */
export function unusableResponse(operation: string, status: number, problem: string): KymaCertError {
  return new KymaCertError('server', `${operation}: unusable answer (HTTP ${status}): ${problem}`, undefined, { status, remedy: { kind: 'retry-later' } });
}

/** Server certificate verification failures (client side). */
const UNTRUSTED_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * The server's chain did not verify against the trust anchors in use (unlike a wrong host name, which no other
 * anchor changes): a request verified against the CA file alone tries again with the system roots added.
 */
export function isChainNotTrusted(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && code !== 'ERR_TLS_CERT_ALTNAME_INVALID' && UNTRUSTED_CODES.has(code);
}

/** Alerts the server sends when it refuses our client certificate. */
const CLIENT_CERT_ALERTS = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
  'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
  'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
]);
const EXPIRED_ALERT = 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
  'ERR_SOCKET_CLOSED',
]);

/** What the client knows about the failed attempt, beyond the error itself. */
export interface TransportContext {
  readonly operation: string;
  readonly url: string;
  /** A client certificate was presented (mTLS call). */
  readonly withClientCertificate: boolean;
  /** The TLS handshake finished on our side (in TLS 1.3 the server may still reject the certificate after that). */
  readonly handshakeCompleted: boolean;
  /** Our own certificate's notAfter is in the past. */
  readonly clientCertificateExpired: boolean;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  readonly timeoutMs: number;
}

/** A plain Error carrying only code and message: the raw axios error holds the request body and agent options. */
function safeCause(code: string | undefined, message: string): Error {
  const cause = new Error(message);
  if (code !== undefined) (cause as NodeJS.ErrnoException).code = code;
  return cause;
}

/** A failure below HTTP: TLS, sockets, DNS, timeouts, cancellation. */
export function errorFromTransport(error: unknown, context: TransportContext): KymaCertError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // Node and proxy text may carry what a server sent: escaped and capped like any server text.
  const detail = safeDisplayText((error as Error | undefined)?.message ?? String(error), 300);
  const where = describeUrl(context.url);
  const options = { cause: safeCause(code, detail) };
  if (context.cancelled) return new KymaCertError('cancelled', `${context.operation} was cancelled`, undefined, options);
  if (code === 'ERR_BAD_RESPONSE' && detail.includes('maxContentLength')) {
    // A hostile or broken server streaming an endless body: cut off at the cap instead of filling memory.
    return new KymaCertError(
      'server',
      `${context.operation}: ${where} sent an answer larger than ${MAX_RESPONSE_BYTES / 1024} KiB; it was not read`,
      undefined,
      { ...options, remedy: { kind: 'retry-later' } },
    );
  }
  if (code === PROXY_REFUSED) return proxyRefused(error as Parameters<typeof proxyRefused>[0], detail, context, options);
  if (context.timedOut || code === 'ETIMEDOUT') {
    return new KymaCertError('timeout', `${context.operation}: no answer from ${where} within ${context.timeoutMs} ms`, undefined, {
      ...options,
      remedy: { kind: 'retry-later' },
    });
  }
  if (code !== undefined && UNTRUSTED_CODES.has(code)) {
    return new KymaCertError('untrusted-server', `${context.operation}: server certificate of ${where} not trusted (${code}: ${detail})`, undefined, {
      ...options,
      remedy: { kind: 'pass-ca-file' },
    });
  }
  // Envoy refuses an expired certificate with an alert; Node servers just reset the connection. Either way, with a
  // certificate that our own clock says has expired, that is the reason.
  const refusedLooking = code === 'ECONNRESET' || code === 'EPIPE' || (code?.startsWith('ERR_SSL_') ?? false);
  if (code === EXPIRED_ALERT || (context.clientCertificateExpired && context.withClientCertificate && refusedLooking)) {
    return new KymaCertError(
      'expired',
      `${context.operation}: ${where} refused the client certificate because it has expired (${code ?? 'connection closed'})`,
      undefined,
      { ...options, remedy: { kind: 'new-certificate-with-token', data: { reason: 'expired' } } },
    );
  }
  if (code !== undefined && (CLIENT_CERT_ALERTS.has(code) || (context.withClientCertificate && isHandshakeRefusal(code, context)))) {
    return new KymaCertError('tls', `${context.operation}: ${where} refused the TLS handshake (${code}: ${detail})`, undefined, {
      ...options,
      remedy: REJECTED,
    });
  }
  if (code !== undefined && (code.startsWith('ERR_SSL_') || code === 'EPROTO')) {
    // EPROTO is OpenSSL's "alert received" at the socket layer: with a client certificate, a refusal of it.
    return new KymaCertError('tls', `${context.operation}: TLS with ${where} failed (${code}: ${detail})`, undefined, {
      ...options,
      remedy: context.withClientCertificate ? REJECTED : undefined,
    });
  }
  if (code === 'ECONNRESET' && context.withClientCertificate) {
    // Under TLS 1.3 a server that refuses the client certificate without an alert (Node) resets the connection
    // only after our side of the handshake finished: indistinguishable from any other reset.
    return new KymaCertError('network', `${context.operation}: ${where} closed the connection without an answer (${code}: ${detail})`, undefined, {
      ...options,
      remedy: { kind: 'check-network', data: { maybeRejected: true } },
    });
  }
  if (code !== undefined && NETWORK_CODES.has(code)) {
    return new KymaCertError('network', `${context.operation}: cannot reach ${where} (${code}: ${detail})`, undefined, { ...options, remedy: NETWORK });
  }
  return new KymaCertError('network', `${context.operation}: request to ${where} failed (${code ?? detail})`, undefined, { ...options, remedy: NETWORK });
}

/** The proxy answered CONNECT with something else than 200: 407 needs credentials, anything else is a refusal. */
function proxyRefused(
  error: { proxyStatus?: number; cause?: { proxyStatus?: number } },
  detail: string,
  context: TransportContext,
  options: { cause: Error },
): KymaCertError {
  const status = error.proxyStatus ?? error.cause?.proxyStatus; // axios keeps the agent's error as `cause`
  return new KymaCertError('network', `${context.operation}: ${detail}`, undefined, {
    ...options,
    remedy: { kind: 'check-proxy', data: { status } },
  });
}

/** A reset before the handshake finished: with a client certificate, that is how a Node/TLS 1.2 refusal looks. */
function isHandshakeRefusal(code: string | undefined, context: TransportContext): boolean {
  return (code === 'ECONNRESET' || code === 'EPIPE') && !context.handshakeCompleted;
}
