import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
 * Trust and client credentials as TLS context options, without the CA: `createSecureContext` adds `caPem` (to Node's
 * shared root store, or alone) instead of re-parsing the ~145 system roots (30–50 ms per context).
 */
export function secureContextOptions(options: ConnectorTlsOptions): tls.SecureContextOptions {
  return { minVersion: 'TLSv1.2', cert: options.certPem, key: options.keyPem };
}

/** The native context's method (Node ≥ 0.x, also in Electron): adds one PEM bundle to this context's store. */
interface NativeContext {
  addCACert?: (pem: string) => void;
}

/**
 * What a context trusts when a CA file is given: the cluster CA alone (`ca`), or the system roots plus it
 * (`roots-and-ca`, the documented trust). Without a CA file there is one trust: the system roots.
 */
export type Trust = 'ca' | 'roots-and-ca';

/**
 * A TLS context trusting `caPem` — alone, or with the system roots (a CA file must not switch the public roots off) —
 * with the client certificate and key for mTLS. Roots + CA start from the shared root store and add `caPem` (~1 ms
 * once that store exists). That copy holds Node's bundled roots only, not the NODE_EXTRA_CA_CERTS ones (a corporate
 * root, typically), so with that variable set the roots are listed instead (~40 ms; only when the CA alone failed).
 */
export function createSecureContext(options: ConnectorTlsOptions, trust: Trust = 'roots-and-ca'): tls.SecureContext {
  const base = secureContextOptions(options);
  if (options.caPem === undefined) return tls.createSecureContext(base);
  if (trust === 'ca') return tls.createSecureContext({ ...base, ca: options.caPem });
  const context = tls.createSecureContext(base); // no `ca` → Node's shared root store
  const native = (context as unknown as { context?: NativeContext }).context;
  const extraRoots = extraRootsFromEnvironment();
  if (typeof native?.addCACert !== 'function' || extraRoots !== undefined) {
    return tls.createSecureContext({ ...base, ca: [...tls.rootCertificates, ...(extraRoots ?? []), options.caPem] });
  }
  // Copies the bundled roots (already parsed, reference-counted) before adding: other contexts stay unchanged.
  native.addCACert(options.caPem);
  return context;
}

/** The NODE_EXTRA_CA_CERTS bundle, as Node read it at start-up (an unreadable one Node ignores, with a warning). */
function extraRootsFromEnvironment(): string[] | undefined {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return undefined;
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return undefined;
  }
}

/** Hosts whose chain the CA file alone did not verify, per CA file: their requests start with roots + CA. */
const widened = new Set<string>();

/**
 * Which trust a request to `host` tries first. A CA file almost always means "the cluster's own CA", so a request with
 * one is verified against that CA alone first; a chain it does not verify is tried again with the roots added (see
 * `widenTrust`). That keeps the roots + CA context, which with NODE_EXTRA_CA_CERTS set costs 35–50 ms to build, off
 * the common path. Never more permissive than roots + CA: the CA alone is a subset of it. (Node 20 still builds its
 * bundled root store, ~18 ms once per process, for any context with a CA of its own.)
 */
export function firstTrust(options: ConnectorTlsOptions, host: string): Trust {
  return options.caPem !== undefined && !widened.has(widenKey(options, host)) ? 'ca' : 'roots-and-ca';
}

/** `host`'s chain needed the system roots: this and later requests there use roots + CA. */
export function widenTrust(options: ConnectorTlsOptions, host: string): void {
  widened.add(widenKey(options, host));
}

function widenKey(options: ConnectorTlsOptions, host: string): string {
  return `${createHash('sha256')
    .update(options.caPem ?? '')
    .digest('hex')}|${host}`;
}

const MAX_CACHED_CONTEXTS = 8;
const contexts = new Map<string, tls.SecureContext>();

/**
 * One context per (CA, certificate, key), reused by every client and agent: the editor renews and asks for
 * management info many times with the same files. The cache key is a SHA-256 over the inputs (the key's bytes are
 * never kept as a map key or logged). Small LRU: a renewal makes two entries (old and new certificate).
 */
export function secureContextFor(options: ConnectorTlsOptions, trust: Trust = 'roots-and-ca'): tls.SecureContext {
  const key = `${contextKey(options)}|${options.caPem === undefined ? 'roots' : trust}`;
  const cached = contexts.get(key);
  if (cached) {
    contexts.delete(key);
    contexts.set(key, cached); // most recently used last
    return cached;
  }
  const context = createSecureContext(options, trust);
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
