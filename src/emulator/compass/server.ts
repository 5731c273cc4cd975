import { createHash, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { rm } from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import { Delays } from '../delays';
import { FaultQueue, type Fault } from '../faults';
import { emulatorFaults, Paths, type Handler } from '../handlers';
import { certificateResponse, Issuer } from '../issuer';
import { DAY_MS, DEFAULT_TOKEN_TTL_MS, type EmulatorOptions } from '../options';
import { createRequestHandler } from '../pipeline';
import { keyToCertify } from '../pki';
import { errorReply, jsonReply } from '../reply';
import type { Route, Routes } from '../router';
import { assertListenAddressAllowed, closeServer, listen, urlHost } from '../server';
import { LOOPBACK_HOSTS, loadOrCreatePki } from '../state';
import { adapterRoutes, GO_NOT_FOUND } from './adapter';
import { connectorRoute } from './connector';
import { CompassContext, CompassPaths, CompassUrls } from './context';
import { directorRoute, internalApplicationTokens } from './director';
import { COMPASS_SUBJECT, compassSubject } from './signing';
import { CompassState, type OneTimeTokenForApplication } from './state';

/** The Compass chart's certificate validity: 2160h (§7). */
export const COMPASS_VALIDITY_MS = 90 * DAY_MS;

export interface CompassIssueOptions {
  /** Application name; a new SystemAuth is created for it unless `systemAuthId` names an existing one. */
  application?: string;
  systemAuthId?: string;
  publicKey?: KeyObject | string;
  notBefore?: Date;
  validityMs?: number;
}

/** A running Compass emulator: the hosts of compass-connector-api.md §1 on loopback ports. */
export interface CompassEmulator {
  readonly flavor: 'compass';
  /** Token host `…/connector/graphql` (the Director's `connectorURL`). */
  readonly connectorUrl: string;
  /** mTLS host `…/connector/graphql`. */
  readonly certificateSecuredConnectorUrl: string;
  /** mTLS host `…/director/graphql`. */
  readonly directorUrl: string;
  /** Connectivity adapter base URLs (the REST routes are `…/v1/applications/…` below them). */
  readonly adapterUrl: string;
  readonly adapterMtlsUrl: string;
  /** Plain HTTP: POST /v1/applications/tokens (header Application), /director/graphql (admin), control routes. */
  readonly internalUrl: string;
  /** The adapter's management/info URL (what a certificate issued through the adapter remembers). */
  readonly infoUrl: string;
  readonly serverCaFile: string;
  readonly clientCaFile: string;
  readonly serverCaPem: string;
  readonly clientCaPem: string;
  readonly stateDir: string;
  /** Same as POST {internalUrl}/v1/applications/tokens: a new SystemAuth for the application and its token. */
  mintToken(application: string): OneTimeTokenForApplication;
  revokeHash(sha256Hex: string): void;
  isRevoked(sha256Hex: string): boolean;
  injectFault(fault: Fault): void;
  readonly pendingFaults: number;
  /** Test/demo helper: a certificate for a (new) SystemAuth of the application, bypassing tokens and CSRs. */
  issueClientCertificate(options?: CompassIssueOptions): Promise<{ certPem: string; caPem: string; keyPem?: string; sha256Hex: string; systemAuthId: string }>;
  close(): Promise<void>;
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Revocation by hash (what an administrator does by editing the revocation ConfigMap). */
const internalRevocations: Handler<CompassContext> = async (request, ctx) => {
  const hash = parseJson(request.body)?.hash;
  if (typeof hash !== 'string' || hash === '') return errorReply(400, 'certificate hash value not provided.');
  ctx.state.revoked.add(hash.toLowerCase());
  return { status: 201 };
};

function issueDirect(
  ctx: CompassContext,
  options: CompassIssueOptions & { publicKey: KeyObject | string },
): { certPem: string; caPem: string; systemAuthId: string } {
  const existing = options.systemAuthId === undefined ? undefined : ctx.state.systemAuth(options.systemAuthId);
  if (options.systemAuthId !== undefined && existing === undefined) throw new Error(`unknown SystemAuth ${options.systemAuthId}`);
  const auth = existing ?? ctx.state.newSystemAuth(ctx.state.application(options.application ?? 'emulated-app'));
  const issued = ctx.issuer.issueFor({
    publicKey: options.publicKey,
    subject: compassSubject(ctx.subject, auth.id),
    notBefore: options.notBefore,
    validityMs: options.validityMs,
  });
  return { ...issued, systemAuthId: auth.id };
}

/** POST /emulator/certificates `{publicKeyPem, application?, systemAuthId?, validityMs?, notBefore?}` (never a private key). */
const emulatorCertificates: Handler<CompassContext> = async (request, ctx) => {
  const body = parseJson(request.body);
  try {
    if (typeof body?.publicKeyPem !== 'string') throw new Error('"publicKeyPem" is required');
    const issued = issueDirect(ctx, {
      publicKey: createPublicKey(body.publicKeyPem),
      application: typeof body.application === 'string' ? body.application : undefined,
      systemAuthId: typeof body.systemAuthId === 'string' ? body.systemAuthId : undefined,
      validityMs: typeof body.validityMs === 'number' ? body.validityMs : undefined,
      notBefore: typeof body.notBefore === 'string' ? new Date(body.notBefore) : undefined,
    });
    return jsonReply(201, { ...certificateResponse(issued.certPem, issued.caPem), systemAuthId: issued.systemAuthId });
  } catch (e) {
    return errorReply(400, (e as Error).message);
  }
};

const internalRoutes: Routes<CompassContext> = new Map<string, Route<CompassContext>>([
  [Paths.tokens, { methods: { POST: internalApplicationTokens }, internal: true }],
  [Paths.revocations, { methods: { POST: internalRevocations }, internal: true }],
  [CompassPaths.director, directorRoute(true)],
  [Paths.emulatorFaults, { methods: { POST: emulatorFaults }, internal: true }],
  [Paths.emulatorCertificates, { methods: { POST: emulatorCertificates }, internal: true }],
]);

/**
 * Starts the Compass flavor (compass-connector-api.md §11): the connector's token and mTLS hosts, the Director stub
 * on the mTLS host, the connectivity adapter's token and mTLS hosts, and the internal listener. One state (tokens,
 * SystemAuths, revocations) behind all of them, so a revocation removes the identity everywhere.
 */
export async function startCompassEmulator(options: EmulatorOptions = {}): Promise<CompassEmulator> {
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  assertListenAddressAllowed(host, options);
  const log = options.log ?? (() => undefined);
  const extraHosts = [...LOOPBACK_HOSTS, '0.0.0.0', '::', ''].includes(host) ? [] : [host];
  const pki = await loadOrCreatePki({ stateDir: options.stateDir, extraHosts, clientCaBits: options.caKeyBits ?? 2048, now: now() });
  const delays = new Delays();
  const urls: CompassUrls = { tokenHost: '', mtlsHost: '', adapter: '', adapterMtls: '', internal: '' };
  const ctx: CompassContext = {
    state: new CompassState(options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS, now),
    subject: { ...COMPASS_SUBJECT, ...options.subject },
    faults: new FaultQueue(),
    issuer: new Issuer(pki.clientCa, options.validityMs ?? COMPASS_VALIDITY_MS, now),
    urls,
  };

  const tlsBase = { key: pki.serverKeyPem, cert: pki.serverCertPem, minVersion: 'TLSv1.2' as const };
  const mutual = { ...tlsBase, maxVersion: options.gatewayMaxTlsVersion ?? 'TLSv1.2', requestCert: true, rejectUnauthorized: true, ca: [pki.clientCa.certPem] };
  const handler = (name: string, routes: Routes<CompassContext>, goErrors = false) =>
    createRequestHandler(name, routes, ctx, delays, log, goErrors ? GO_NOT_FOUND : undefined);
  const tokenHost = https.createServer(tlsBase, handler('compass-gateway', new Map([[CompassPaths.connector, connectorRoute(false)]])));
  const mtlsHost = https.createServer(
    mutual,
    handler(
      'compass-gateway-mtls',
      new Map([
        [CompassPaths.connector, connectorRoute(true)],
        [CompassPaths.director, directorRoute(false)],
      ]),
    ),
  );
  const adapter = https.createServer(tlsBase, handler('adapter-gateway', adapterRoutes(false), true));
  const adapterMtls = https.createServer(mutual, handler('adapter-gateway-mtls', adapterRoutes(true), true));
  const internal = http.createServer(handler('internal', internalRoutes));
  const named = [
    ['compass-gateway', tokenHost],
    ['compass-gateway-mtls', mtlsHost],
    ['adapter-gateway', adapter],
    ['adapter-gateway-mtls', adapterMtls],
  ] as const;
  for (const [name, server] of named) {
    server.on('tlsClientError', (err: NodeJS.ErrnoException) => log(`${name} TLS handshake failed: ${err.code ?? err.message}`));
  }
  const servers = [tokenHost, mtlsHost, adapter, adapterMtls, internal];
  try {
    const base = `https://${urlHost(host)}`;
    urls.tokenHost = `${base}:${await listen(tokenHost, options.port ?? 0, host)}`;
    urls.mtlsHost = `${base}:${await listen(mtlsHost, options.gatewayPort ?? 0, host)}`;
    urls.adapter = `${base}:${await listen(adapter, 0, host)}`;
    urls.adapterMtls = `${base}:${await listen(adapterMtls, 0, host)}`;
    urls.internal = `http://${urlHost(host)}:${await listen(internal, options.internalPort ?? 0, host)}`;
  } catch (e) {
    await Promise.all(servers.filter((s) => s.listening).map(closeServer));
    if (pki.ownsStateDir) await rm(pki.stateDir, { recursive: true, force: true });
    throw e;
  }

  let closed: Promise<void> | undefined;
  return {
    flavor: 'compass',
    connectorUrl: `${urls.tokenHost}${CompassPaths.connector}`,
    certificateSecuredConnectorUrl: `${urls.mtlsHost}${CompassPaths.connector}`,
    directorUrl: `${urls.mtlsHost}${CompassPaths.director}`,
    adapterUrl: urls.adapter,
    adapterMtlsUrl: urls.adapterMtls,
    internalUrl: urls.internal,
    infoUrl: `${urls.adapterMtls}${Paths.managementInfo}`,
    serverCaFile: pki.serverCaFile,
    clientCaFile: pki.clientCaFile,
    serverCaPem: pki.serverCa.certPem,
    clientCaPem: pki.clientCa.certPem,
    stateDir: pki.stateDir,
    mintToken: (application) =>
      ctx.state.tokenForApplication(ctx.state.newSystemAuth(ctx.state.application(application)), `${urls.tokenHost}${CompassPaths.connector}`, urls.adapter),
    revokeHash: (hex) => void ctx.state.revoked.add(hex.toLowerCase()),
    isRevoked: (hex) => ctx.state.revoked.has(hex.toLowerCase()),
    injectFault: (fault) => void ctx.faults.add(fault),
    get pendingFaults() {
      return ctx.faults.size;
    },
    async issueClientCertificate(issue: CompassIssueOptions = {}) {
      const { publicKey, keyPem } = await keyToCertify(issue.publicKey);
      const issued = issueDirect(ctx, { ...issue, publicKey });
      const sha256Hex = createHash('sha256').update(new X509Certificate(issued.certPem).raw).digest('hex');
      return { ...issued, keyPem, sha256Hex };
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
