import { createHash, createPublicKey } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { attributesFromNameDer, formatConnectorSubject, formatRfc4514, parseConnectorSubject } from '../core/dn';
import { checkCertRequest } from './csr-request';
import { FaultQueue, validateFault } from './faults';
import { certificateResponse, expectedSubject, Issuer } from './issuer';
import type { SubjectDefaults } from './options';
import { subjectNameOf } from './pki';
import { errorReply, jsonReply, Messages, Reply } from './reply';
import type { TokenContext, TokenStore } from './tokens';
import { parseXfcc, synthesizeXfcc } from './xfcc';

/** Everything a handler may touch. */
export interface EmulatorContext {
  readonly subject: SubjectDefaults;
  readonly tokens: TokenStore;
  readonly revoked: Set<string>;
  readonly faults: FaultQueue;
  readonly issuer: Issuer;
  readonly connectorUrl: () => string;
  readonly gatewayUrl: () => string;
  /** SHA-256 of the gateway's own certificate (the sidecar element of the synthesised XFCC). */
  readonly gatewayHash: string;
}

/** A request as the handlers see it: body already read, peer certificate (gateway only) as DER. */
export interface EmulatorRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly peerCertificate?: Buffer;
}

/** `drop` = destroy the connection without an answer (what a Go panic in the handler amounts to). */
export type HandlerResult = Reply | 'drop';
export type Handler<C = EmulatorContext> = (request: EmulatorRequest, ctx: C) => Promise<HandlerResult>;

const APPLICATIONS = '/v1/applications';
export const Paths = {
  signingRequestInfo: `${APPLICATIONS}/signingRequests/info`,
  certificates: `${APPLICATIONS}/certificates`,
  managementInfo: `${APPLICATIONS}/management/info`,
  renewals: `${APPLICATIONS}/certificates/renewals`,
  revocations: `${APPLICATIONS}/certificates/revocations`,
  tokens: `${APPLICATIONS}/tokens`,
  emulatorFaults: '/emulator/faults',
  emulatorCertificates: '/emulator/certificates',
} as const;

function certificateInfo(subject: SubjectDefaults, application: string): Record<string, string> {
  return {
    subject: formatConnectorSubject(expectedSubject(subject, application)),
    extensions: '',
    'key-algorithm': 'rsa2048',
  };
}

function runtimeUrls(ctx: EmulatorContext, application: string): Record<string, string> {
  const gateway = ctx.gatewayUrl();
  return {
    eventsInfoUrl: `${gateway}/${application}/v1/events/subscribed`,
    eventsUrl: `${gateway}/${application}/v1/events`,
    metadataUrl: `${gateway}/${application}/v1/metadata/services`,
  };
}

/** The internal API's token answer (also used by Emulator.mintToken). */
export function mintTokenReply(ctx: EmulatorContext, application: string): { url: string; token: string } {
  const token = ctx.tokens.mint({ application });
  return { url: `${ctx.connectorUrl()}${Paths.signingRequestInfo}?token=${token}`, token };
}

/** tokenresolver.go: 403 without a live token; the token is consumed only when the handler answers 200/201. */
function withToken(inner: (request: EmulatorRequest, ctx: EmulatorContext, token: TokenContext) => Promise<HandlerResult>): Handler {
  return async (request, ctx) => {
    const token = request.url.searchParams.get('token') ?? '';
    if (token === '') return errorReply(403, Messages.tokenNotProvided);
    const context = ctx.tokens.resolve(token);
    if (context === undefined) return errorReply(403, Messages.invalidToken);
    const result = await inner(request, ctx, context);
    if (result !== 'drop' && (result.status === 200 || result.status === 201)) ctx.tokens.consume(token);
    return result;
  };
}

interface Identity {
  readonly application: string;
  readonly hash: string;
}

/** contextfromsubject.go behind an Istio gateway: the identity comes from an XFCC built from the peer certificate. */
function withIdentity(inner: (request: EmulatorRequest, ctx: EmulatorContext, identity: Identity) => Promise<HandlerResult>): Handler {
  return async (request, ctx) => {
    let header = '';
    if (request.peerCertificate !== undefined) {
      const hash = createHash('sha256').update(request.peerCertificate).digest('hex');
      const subject = formatRfc4514(attributesFromNameDer(subjectNameOf(request.peerCertificate)));
      header = synthesizeXfcc(hash, subject, ctx.gatewayHash);
    }
    const parsed = parseXfcc(header, ctx.subject);
    if (parsed.kind === 'panic') return 'drop';
    if (parsed.kind === 'error') return errorReply(400, parsed.message);
    return inner(request, ctx, parsed);
  };
}

async function signCsr(request: EmulatorRequest, ctx: EmulatorContext, application: string, endpoint: 'certificates' | 'renewals'): Promise<Reply> {
  const outcome = checkCertRequest(request.body, expectedSubject(ctx.subject, application));
  if (!outcome.ok) return outcome.reply;
  const fault = ctx.faults.takeCertificateFault(endpoint);
  return jsonReply(201, await ctx.issuer.issue(outcome.csr, fault));
}

export const signingRequestInfo: Handler = withToken(async (_request, ctx, token) => {
  const next = ctx.tokens.mint(token);
  return jsonReply(200, {
    csrUrl: `${ctx.connectorUrl()}${Paths.certificates}?token=${next}`,
    api: {
      ...runtimeUrls(ctx, token.application),
      infoUrl: `${ctx.gatewayUrl()}${Paths.managementInfo}`,
      certificatesUrl: `${ctx.connectorUrl()}${Paths.certificates}`,
    },
    certificate: certificateInfo(ctx.subject, token.application),
  });
});

export const certificates: Handler = withToken((request, ctx, token) => signCsr(request, ctx, token.application, 'certificates'));

export const managementInfo: Handler = withIdentity(async (_request, ctx, identity) =>
  jsonReply(200, {
    clientIdentity: { application: identity.application },
    urls: {
      ...runtimeUrls(ctx, identity.application),
      renewCertUrl: `${ctx.gatewayUrl()}${Paths.renewals}`,
      revokeCertUrl: `${ctx.gatewayUrl()}${Paths.revocations}`,
    },
    certificate: certificateInfo(ctx.subject, identity.application),
  }),
);

/** Order on renewal: identity (400) → revocation (403) → body/CSR (400/500) → 201. */
export const renewals: Handler = withIdentity(async (request, ctx, identity) => {
  if (ctx.revoked.has(identity.hash)) return errorReply(403, Messages.revoked);
  return signCsr(request, ctx, identity.application, 'renewals');
});

/** Self-revocation: the body is ignored; 201 with an empty body, idempotent. */
export const revocations: Handler = withIdentity(async (_request, ctx, identity) => {
  ctx.revoked.add(identity.hash);
  return { status: 201 };
});

/** Internal API: POST /v1/applications/tokens with header Application. */
export const internalTokens: Handler = async (request, ctx) => {
  const application = request.headers['application'];
  if (typeof application !== 'string' || application === '') return errorReply(400, Messages.noApplicationHeader);
  return jsonReply(201, mintTokenReply(ctx, application));
};

function parseJsonObject(body: Buffer): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : 'expected a JSON object';
  } catch (e) {
    return (e as Error).message;
  }
}

/** Internal API: revoke by `{"hash": "<sha256 hex>"}` (field name case-insensitive, as Go decodes it). */
export const internalRevocations: Handler = async (request, ctx) => {
  const body = parseJsonObject(request.body);
  if (typeof body === 'string') return errorReply(400, Messages.unmarshal + body);
  const key = Object.keys(body).find((k) => k.toLowerCase() === 'hash');
  const hash = key === undefined ? undefined : body[key];
  if (typeof hash !== 'string' || hash === '') return errorReply(400, Messages.unmarshal + Messages.hashNotProvided);
  ctx.revoked.add(hash);
  return { status: 201 };
};

/** Emulator control: queue a fault given as JSON (see faults.ts). */
export const emulatorFaults: Handler<{ readonly faults: FaultQueue }> = async (request, ctx) => {
  const body = parseJsonObject(request.body);
  if (typeof body === 'string') return errorReply(400, body);
  try {
    return jsonReply(201, { pending: ctx.faults.add(validateFault(body)) });
  } catch (e) {
    return errorReply(400, (e as Error).message);
  }
};

/**
 * Emulator control: issue a client certificate directly for `publicKeyPem` (never a private key), with
 * `application` (CN + configured defaults) or a connector-form `subject`, optional `validityMs` / `notBefore`.
 */
export const emulatorCertificates: Handler = async (request, ctx) => {
  const body = parseJsonObject(request.body);
  if (typeof body === 'string') return errorReply(400, body);
  try {
    if (typeof body.publicKeyPem !== 'string') throw new Error('"publicKeyPem" is required');
    const subject =
      typeof body.subject === 'string'
        ? parseConnectorSubject(body.subject)
        : expectedSubject(ctx.subject, typeof body.application === 'string' ? body.application : 'emulated-app');
    const { certPem, caPem } = ctx.issuer.issueFor({
      publicKey: createPublicKey(body.publicKeyPem),
      subject,
      validityMs: typeof body.validityMs === 'number' ? body.validityMs : undefined,
      notBefore: typeof body.notBefore === 'string' ? new Date(body.notBefore) : undefined,
    });
    return jsonReply(201, certificateResponse(certPem, caPem));
  } catch (e) {
    return errorReply(400, (e as Error).message);
  }
};
