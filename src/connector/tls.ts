import { createHash } from 'node:crypto';
import * as tls from 'node:tls';
import type { ProxySettings } from './proxy';

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
  /** Corporate proxy (CONNECT tunnel). Absent: HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the environment. */
  proxy?: ProxySettings;
}

/**
 * Trust and client credentials as TLS context options, without the CA: `secureContextFor` adds `caPem` to Node's
 * shared root store instead of re-parsing the ~145 system roots (30–50 ms per context).
 */
export function secureContextOptions(options: ConnectorTlsOptions): tls.SecureContextOptions {
  return { minVersion: 'TLSv1.2', cert: options.certPem, key: options.keyPem };
}

/** The native context's method (Node ≥ 0.x, also in Electron): adds one PEM bundle to this context's store. */
interface NativeContext {
  addCACert?: (pem: string) => void;
}

/**
 * A TLS context trusting the system roots plus `caPem` (a CA file must not switch the public roots off), with the
 * client certificate and key for mTLS. Starting from the shared root store and adding `caPem` costs ~1 ms; the
 * fallback (roots as PEM strings + caPem) ~40 ms, for a runtime without `addCACert`.
 */
export function createSecureContext(options: ConnectorTlsOptions): tls.SecureContext {
  const base = secureContextOptions(options);
  if (options.caPem === undefined) return tls.createSecureContext(base);
  const context = tls.createSecureContext(base); // no `ca` → Node's shared root store
  const native = (context as unknown as { context?: NativeContext }).context;
  if (typeof native?.addCACert !== 'function') {
    return tls.createSecureContext({ ...base, ca: [...tls.rootCertificates, options.caPem] });
  }
  // Copies the shared store (already parsed roots, reference-counted) before adding: other contexts stay unchanged.
  native.addCACert(options.caPem);
  return context;
}

const MAX_CACHED_CONTEXTS = 8;
const contexts = new Map<string, tls.SecureContext>();

/**
 * One context per (CA, certificate, key), reused by every client and agent: the editor renews and asks for
 * management info many times with the same files. The cache key is a SHA-256 over the inputs (the key's bytes are
 * never kept as a map key or logged). Small LRU: a renewal makes two entries (old and new certificate).
 */
export function secureContextFor(options: ConnectorTlsOptions): tls.SecureContext {
  const key = contextKey(options);
  const cached = contexts.get(key);
  if (cached) {
    contexts.delete(key);
    contexts.set(key, cached); // most recently used last
    return cached;
  }
  const context = createSecureContext(options);
  contexts.set(key, context);
  if (contexts.size > MAX_CACHED_CONTEXTS) contexts.delete(contexts.keys().next().value as string);
  return context;
}

/** SHA-256 of the TLS inputs: the identity of a context (and, with the proxy, of an agent). */
export function contextKey(options: ConnectorTlsOptions): string {
  const hash = createHash('sha256');
  for (const part of [options.caPem, options.certPem, options.keyPem]) hash.update(part === undefined ? '\u0000none' : `\u0001${part.length}:${part}`);
  return hash.digest('hex');
}
