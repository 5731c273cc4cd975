import { createBackend, type ConnectorBackend } from '../connector/backend';
import type { BackendKind } from '../connector/tokenInput';
import type { ProxySettings } from '../connector/proxy';
import { KymaCertError } from '../core/errors';
import { parseCryptoFile } from '../core/pem';
import { readRequiredFile } from './material';

/** How to reach the service: shared by every workflow that talks to it. */
export interface NetworkOptions {
  /** PEM file with the CA that signed the server's TLS certificate (self-signed clusters). */
  caFile?: string;
  /** Skip server certificate verification. Only for local clusters; the CLI warns. */
  insecure?: boolean;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Corporate proxy (CLI --proxy, VS Code http.proxy); absent: from the environment (HTTPS_PROXY, NO_PROXY). */
  proxy?: ProxySettings;
}

/** The client certificate (PEM) and key (PEM) presented in the mTLS handshake. */
export interface ClientIdentity {
  certPem: string;
  keyPem: string;
}

/** Reads `caFile` and checks that it holds at least one certificate; a wrong file is a `config` error, named. */
export async function readServerCa(caFile: string): Promise<string> {
  const data = await readRequiredFile(caFile, 'CA file');
  const parsed = parseCryptoFile(data);
  const certs = parsed.blocks.filter((b) => b.kind === 'certificate');
  if (parsed.format !== 'pem' || certs.length === 0) {
    throw new KymaCertError('config', `CA file ${caFile} holds no PEM certificate.`, undefined, { remedy: { kind: 'pass-ca-file' } });
  }
  return data.toString('utf8');
}

/** The server CA of these network options, read and checked (`readServerCa`), if they name one. */
export async function serverCaOf(net: NetworkOptions): Promise<string | undefined> {
  return net.caFile ? readServerCa(net.caFile) : undefined;
}

/** The backend for these network options with the server CA already read (`serverCaOf`): no file access. */
export function backendWithCa(kind: BackendKind, net: NetworkOptions, caPem: string | undefined, identity?: ClientIdentity): ConnectorBackend {
  return createBackend(kind, {
    tls: { caPem, insecure: net.insecure, certPem: identity?.certPem, keyPem: identity?.keyPem, proxy: net.proxy },
    timeoutMs: net.timeoutMs,
    signal: net.signal,
  });
}

/** The backend (Kyma REST / Compass GraphQL) for these network options, optionally presenting a client certificate. */
export async function createBackendClient(kind: BackendKind, net: NetworkOptions, identity?: ClientIdentity): Promise<ConnectorBackend> {
  return backendWithCa(kind, net, await serverCaOf(net), identity);
}

/** Throws `cancelled` once the caller has given up; checked between steps so no step starts after an abort. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new KymaCertError('cancelled', 'Cancelled; nothing was changed.');
}
