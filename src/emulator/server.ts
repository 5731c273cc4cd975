import { createHash, KeyObject, X509Certificate } from 'node:crypto';
import { rm } from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import type { DnAttribute } from '../core/dn';
import { KymaCertError } from '../core/errors';
import { Delays } from './delays';
import { Fault, FaultQueue } from './faults';
import * as handlers from './handlers';
import { EmulatorContext, Paths } from './handlers';
import { expectedSubject, Issuer } from './issuer';
import { DEFAULT_SUBJECT, DEFAULT_TOKEN_TTL_MS, DEFAULT_VALIDITY_MS, EmulatorOptions } from './options';
import { keyToCertify } from './pki';
import { connectorRoutes, createRequestHandler, gatewayRoutes, internalRoutes } from './pipeline';
import { LOOPBACK_HOSTS, loadOrCreatePki } from './state';
import { TokenStore } from './tokens';

/** Options of `Emulator.issueClientCertificate` (test/demo helper; bypasses tokens and CSRs). */
export interface IssueClientCertificateOptions {
  /** CN; the subject is the configured defaults plus this CN. Default "emulated-app". */
  application?: string;
  /** Full subject in DER order; overrides `application`. */
  subject?: DnAttribute[];
  /** Public (or private) key to certify; omitted → a fresh RSA-2048 key, returned as `keyPem`. */
  publicKey?: KeyObject | string;
  /** Default: the emulator clock's now. A past date plus a short validity gives an expired certificate. */
  notBefore?: Date;
  /** Default: the emulator's validity. */
  validityMs?: number;
}

export interface IssuedClientCertificate {
  readonly certPem: string;
  readonly caPem: string;
  /** Only when the emulator generated the key. Stays in this process. */
  readonly keyPem?: string;
  /** Lower-case hex SHA-256 of the DER certificate (the revocation hash). */
  readonly sha256Hex: string;
}

/** A running emulator (see docs/ARCHITECTURE.md). */
export interface Emulator {
  /** Token host (HTTPS, no client certificate): `https://127.0.0.1:<port>`. */
  readonly connectorUrl: string;
  /** mTLS host (client certificate required, client CA as trust anchor). */
  readonly gatewayUrl: string;
  /** Plain-HTTP internal API plus emulator control routes. */
  readonly internalUrl: string;
  /** `<gatewayUrl>/v1/applications/management/info`. */
  readonly infoUrl: string;
  readonly serverCaFile: string;
  readonly clientCaFile: string;
  readonly serverCaPem: string;
  readonly clientCaPem: string;
  readonly stateDir: string;
  /** Same as POST /v1/applications/tokens on the internal API. */
  mintToken(application: string): { url: string; token: string };
  /** Same as the internal by-hash revocation (lower-case hex SHA-256 of the DER certificate). */
  revokeHash(sha256Hex: string): void;
  isRevoked(sha256Hex: string): boolean;
  /** Queues a fault for the next matching request (throws on an invalid fault). */
  injectFault(fault: Fault): void;
  readonly pendingFaults: number;
  issueClientCertificate(options?: IssueClientCertificateOptions): Promise<IssuedClientCertificate>;
  /** Stops all listeners, drops open connections, clears delay timers; removes a temp state dir. */
  close(): Promise<void>;
}

/** localhost, 127.0.0.0/8 or ::1 (also as an IPv4-mapped address). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** Both flavors listen on loopback only, unless the caller explicitly allows more (`--listen-any`). */
export function assertListenAddressAllowed(host: string, options: Pick<EmulatorOptions, 'listenAny'>): void {
  if (options.listenAny || isLoopbackHost(host)) return;
  throw new KymaCertError(
    'config',
    `The emulator listens on loopback only; "${host}" is not a loopback address.`,
    'Its internal API issues certificates to anyone who can reach it. Pass --listen-any to listen on a network anyway.',
  );
}

export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return isIP(host) === 6 ? `[${host}]` : host;
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}

/** Starts the three listeners of the real topology on loopback (see connector-service-api.md §1, §11). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  assertListenAddressAllowed(host, options);
  const subject = { ...DEFAULT_SUBJECT, ...options.subject };
  const log = options.log ?? (() => undefined);
  const extraHosts = [...LOOPBACK_HOSTS, '0.0.0.0', '::', ''].includes(host) ? [] : [host];
  const pki = await loadOrCreatePki({
    stateDir: options.stateDir,
    extraHosts,
    clientCaBits: options.caKeyBits ?? 2048,
    now: now(),
  });

  const delays = new Delays();
  const urls = { connector: '', gateway: '', internal: '' };
  const ctx: EmulatorContext = {
    subject,
    tokens: new TokenStore(options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS, now),
    revoked: new Set<string>(),
    faults: new FaultQueue(),
    issuer: new Issuer(pki.clientCa, options.validityMs ?? DEFAULT_VALIDITY_MS, now),
    connectorUrl: () => urls.connector,
    gatewayUrl: () => urls.gateway,
    gatewayHash: createHash('sha256').update(new X509Certificate(pki.serverCertPem).raw).digest('hex'),
  };

  const tlsBase = { key: pki.serverKeyPem, cert: pki.serverCertPem, minVersion: 'TLSv1.2' as const };
  const connector = https.createServer(tlsBase, createRequestHandler('connector', connectorRoutes, ctx, delays, log));
  const gateway = https.createServer(
    {
      ...tlsBase,
      maxVersion: options.gatewayMaxTlsVersion ?? 'TLSv1.2',
      requestCert: true,
      rejectUnauthorized: true,
      ca: [pki.clientCa.certPem],
    },
    createRequestHandler('gateway', gatewayRoutes, ctx, delays, log),
  );
  const internal = http.createServer(createRequestHandler('internal', internalRoutes, ctx, delays, log));
  for (const [name, server] of [
    ['connector', connector],
    ['gateway', gateway],
  ] as const) {
    server.on('tlsClientError', (err: NodeJS.ErrnoException) => log(`${name} TLS handshake failed: ${err.code ?? err.message}`));
  }
  const servers = [connector, gateway, internal];

  try {
    const base = `https://${urlHost(host)}`;
    urls.connector = `${base}:${await listen(connector, options.port ?? 0, host)}`;
    urls.gateway = `${base}:${await listen(gateway, options.gatewayPort ?? 0, host)}`;
    urls.internal = `http://${urlHost(host)}:${await listen(internal, options.internalPort ?? 0, host)}`;
  } catch (e) {
    await Promise.all(servers.filter((s) => s.listening).map(closeServer));
    if (pki.ownsStateDir) await rm(pki.stateDir, { recursive: true, force: true });
    throw e;
  }

  let closed: Promise<void> | undefined;
  return {
    connectorUrl: urls.connector,
    gatewayUrl: urls.gateway,
    internalUrl: urls.internal,
    infoUrl: `${urls.gateway}${Paths.managementInfo}`,
    serverCaFile: pki.serverCaFile,
    clientCaFile: pki.clientCaFile,
    serverCaPem: pki.serverCa.certPem,
    clientCaPem: pki.clientCa.certPem,
    stateDir: pki.stateDir,
    mintToken: (application) => handlers.mintTokenReply(ctx, application),
    revokeHash: (hex) => void ctx.revoked.add(hex.toLowerCase()),
    isRevoked: (hex) => ctx.revoked.has(hex.toLowerCase()),
    injectFault: (fault) => void ctx.faults.add(fault),
    get pendingFaults() {
      return ctx.faults.size;
    },
    async issueClientCertificate(issue: IssueClientCertificateOptions = {}) {
      const { publicKey, keyPem } = await keyToCertify(issue.publicKey);
      const { certPem, caPem } = ctx.issuer.issueFor({
        publicKey,
        subject: issue.subject ?? expectedSubject(subject, issue.application ?? 'emulated-app'),
        notBefore: issue.notBefore,
        validityMs: issue.validityMs,
      });
      const sha256Hex = createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex');
      return { certPem, caPem, keyPem, sha256Hex };
    },
    close() {
      closed ??= (async () => {
        delays.cancelAll();
        await Promise.all(servers.map(closeServer));
        if (pki.ownsStateDir) await rm(pki.stateDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
