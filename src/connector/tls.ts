import * as https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';

/** TLS settings of the client. Verification is ON unless `insecure` (the equivalent of `curl -k`). */
export interface ConnectorTlsOptions {
  /** Extra trust anchor for the cluster (like `kyma import certs`); the system roots stay trusted too. */
  caPem?: string;
  /** Skip server certificate verification. At your own risk: anyone on the path can impersonate the cluster. */
  insecure?: boolean;
  /** Client certificate (PEM, may include the chain) for the mTLS gateway. */
  certPem?: string;
  /** Private key of `certPem`. Handed to TLS only; never logged, never part of an error. */
  keyPem?: string;
}

/**
 * One agent per request (keepAlive off) that remembers whether the TLS handshake completed, so a reset
 * during the handshake can be told apart from a reset after the request went out.
 */
export class ConnectorAgent extends https.Agent {
  handshakeCompleted = false;
  connectionOpened = false;

  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex {
    const socket = super.createConnection(options, callback) as tls.TLSSocket;
    socket.once('connect', () => (this.connectionOpened = true));
    socket.once('secureConnect', () => (this.handshakeCompleted = true));
    return socket;
  }
}

/**
 * Trust and client credentials as TLS context options: the system roots plus `caPem` when given (a CA file must not
 * switch the public roots off), the client certificate and key for mTLS, TLS 1.2 at least.
 */
export function secureContextOptions(options: ConnectorTlsOptions): tls.SecureContextOptions {
  return {
    minVersion: 'TLSv1.2',
    ca: options.caPem === undefined ? undefined : [...tls.rootCertificates, options.caPem],
    cert: options.certPem,
    key: options.keyPem,
  };
}

/**
 * Built once per client and reused by every request: parsing the ~140 system roots for each connection costs
 * 50–150 ms, more than the request itself.
 */
export function createSecureContext(options: ConnectorTlsOptions): tls.SecureContext {
  return tls.createSecureContext(secureContextOptions(options));
}

/** The agent for one request to `url`. SNI is sent for host names (never for IP literals, RFC 6066). */
export function createAgent(options: ConnectorTlsOptions, url: URL, secureContext = createSecureContext(options)): ConnectorAgent {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new ConnectorAgent({
    keepAlive: false,
    minVersion: 'TLSv1.2',
    rejectUnauthorized: !options.insecure,
    secureContext,
    servername: isIP(host) === 0 ? host : undefined,
  });
}
