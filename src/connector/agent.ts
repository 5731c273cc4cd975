/**
 * The HTTPS agents of every connector backend: one small factory so the Kyma REST client and the Compass GraphQL
 * client share trust, mTLS, proxies and connection reuse. Agents are cached per (CA, certificate, key, insecure,
 * proxy) and keep connections alive, so the requests of one workflow with one identity share a connection:
 * management/info and the renewal POST cost one TLS handshake, not two.
 */
import * as https from 'node:https';
import type { Duplex } from 'node:stream';
import type * as tls from 'node:tls';
import { proxyFor } from './proxy';
import { contextKey, secureContextFor, type ConnectorTlsOptions, type Trust } from './tls';

/** Sockets whose TLS handshake finished: a reset before that is how a server refuses a client certificate. */
const handshaken = new WeakSet<object>();

/** Idle keep-alive connections close after this (below the 5 s keep-alive of Node servers, so a reused one is alive). */
const IDLE_SOCKET_MS = 4_000;

/** What `agentFor` needs beyond the TLS inputs; the same shape the Compass client passes. */
export type AgentOptions = ConnectorTlsOptions;

/** The agent for requests to `target` with these credentials. Cached: call it per request, it is cheap. */
export async function agentFor(options: AgentOptions, target: URL, trust: Trust = 'roots-and-ca'): Promise<https.Agent> {
  const proxy = proxyFor(target, options.proxy);
  // https-proxy-agent (and its debug/agent-base stack) is loaded only when a request goes through a proxy.
  const TunnelAgent = proxy ? (await import('./tunnelAgent')).TunnelAgent : undefined;
  const key = `${contextKey(options)}|${trust}|${options.insecure === true}|${proxy?.href ?? ''}`;
  let agent = agents.get(key);
  if (agent) {
    agents.delete(key);
  } else {
    const tlsOptions = { minVersion: 'TLSv1.2' as const, rejectUnauthorized: options.insecure !== true, secureContext: secureContextFor(options, trust) };
    agent =
      proxy && TunnelAgent
        ? new TunnelAgent(proxy, tlsOptions, IDLE_SOCKET_MS, track)
        : new DirectAgent({ ...tlsOptions, keepAlive: true, timeout: IDLE_SOCKET_MS });
  }
  agents.set(key, agent); // most recently used last
  // Dropped agents are not destroyed (a request may still use one); their idle sockets close on their own.
  if (agents.size > MAX_CACHED_AGENTS) agents.delete(agents.keys().next().value as string);
  return agent;
}

const MAX_CACHED_AGENTS = 8;
const agents = new Map<string, https.Agent>();

/** Closes every cached connection (tests; an editor window that closes). */
export function closeAllAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** Whether the TLS handshake of the socket that served `request` (axios: `error.request`) had completed. */
export function handshakeCompleted(request: unknown): boolean {
  const socket = (request as { socket?: object } | undefined)?.socket;
  return socket !== undefined && socket !== null && handshaken.has(socket);
}

function track(socket: tls.TLSSocket): void {
  socket.once('secureConnect', () => {
    handshaken.add(socket);
    const waiting = [...handshakeWaiters];
    handshakeWaiters.clear();
    for (const resume of waiting) resume();
  });
}

const handshakeWaiters = new Set<() => void>();

/**
 * Resolves when the next TLS handshake of a connector connection completes: from then on the request is on its way
 * and the server, not this process, has work to do, so that is the moment for work that can run ahead of the
 * answer. May never resolve (a reused connection needs no handshake): race it with the answer.
 */
export function nextHandshake(): Promise<void> {
  return new Promise((resolve) => handshakeWaiters.add(resolve));
}

/** Direct connections. SNI: Node's agent sends the host name, never an IP literal (RFC 6066). */
class DirectAgent extends https.Agent {
  override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex {
    const socket = super.createConnection(options, callback) as tls.TLSSocket;
    track(socket);
    return socket;
  }
}
