import type * as http from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Delays } from './delays';
import * as handlers from './handlers';
import { EmulatorRequest, Paths } from './handlers';
import type { FaultQueue } from './faults';
import { browserRefusal } from './browserGuard';
import { errorReply, Messages, Reply, writeReply } from './reply';
import { resolve, Route, Routes } from './router';

/** The token host serves exactly the two onboarding paths (the Istio VirtualService routes only those). */
export const connectorRoutes: Routes = new Map<string, Route>([
  [Paths.signingRequestInfo, { methods: { GET: handlers.signingRequestInfo }, endpoint: 'signingRequestInfo' }],
  [Paths.certificates, { methods: { POST: handlers.certificates }, endpoint: 'certificates' }],
]);

/** The mTLS gateway serves the certificate-authenticated paths. */
export const gatewayRoutes: Routes = new Map<string, Route>([
  [Paths.managementInfo, { methods: { GET: handlers.managementInfo }, endpoint: 'managementInfo' }],
  [Paths.renewals, { methods: { POST: handlers.renewals }, endpoint: 'renewals' }],
  [Paths.revocations, { methods: { POST: handlers.revocations }, endpoint: 'revocations' }],
]);

/** The in-cluster API plus emulator-only control routes (never faulted). */
export const internalRoutes: Routes = new Map<string, Route>([
  [Paths.tokens, { methods: { POST: handlers.internalTokens }, internal: true }],
  [Paths.revocations, { methods: { POST: handlers.internalRevocations }, internal: true }],
  [Paths.emulatorFaults, { methods: { POST: handlers.emulatorFaults }, internal: true }],
  [Paths.emulatorCertificates, { methods: { POST: handlers.emulatorCertificates }, internal: true }],
]);

const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The whole body, or undefined when it exceeds the cap (the connection is then destroyed). */
export function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        resolveBody(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** How unknown paths and methods are answered: Kyma's JSON by default; the Compass hosts answer like Go's net/http. */
export interface NotFoundReplies {
  readonly notFound: Reply;
  readonly methodNotAllowed: Reply;
}

const KYMA_NOT_FOUND: NotFoundReplies = { notFound: errorReply(404, Messages.notFound), methodNotAllowed: errorReply(405, Messages.methodNotAllowed) };

const INJECTED_ERROR = 'Internal server error (injected by the emulator).';
const GARBAGE_BODY = '<html><body><h1>502 Bad Gateway</h1></body></html>\n';

/**
 * One listener's request pipeline: read body → route (404/405) → request fault (drop, delay, status, garbage)
 * → handler → reply. Logs method, path and status only: never bodies, never query strings (tokens).
 */
export function createRequestHandler<C extends { readonly faults: FaultQueue }>(
  name: string,
  routes: Routes<C>,
  ctx: C,
  delays: Delays,
  log: (line: string) => void,
  { notFound, methodNotAllowed }: NotFoundReplies = KYMA_NOT_FOUND,
): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://emulator');
    const done = (outcome: string | number): void => log(`${name} ${method} ${url.pathname} ${outcome}`);
    const drop = (): void => {
      req.socket.destroy();
      done('dropped');
    };
    try {
      const body = await readBody(req);
      if (body === undefined) return drop();
      const route = resolve(routes, method, url.pathname);
      const refusal = route.kind === 'found' && route.route.internal ? browserRefusal(req) : undefined;
      let reply: Reply | 'drop';
      if (route.kind === 'not-found') reply = notFound;
      else if (route.kind === 'method-not-allowed') reply = methodNotAllowed;
      else if (refusal) reply = refusal;
      else {
        const socket = req.socket as TLSSocket;
        // Only mTLS listeners ask for certificates; `authorized` is true there for every request that got this far.
        const peer = typeof socket.getPeerCertificate === 'function' && socket.authorized ? socket.getPeerCertificate() : undefined;
        const request: EmulatorRequest = { method, url, headers: req.headers, body, peerCertificate: peer?.raw };
        const endpoint = route.route.endpoint ?? route.route.endpointOf?.(request);
        const fault = endpoint === undefined ? undefined : ctx.faults.takeRequestFault(endpoint);
        if (fault?.kind === 'drop') return drop();
        if (fault?.kind === 'delay') await delays.wait(fault.ms);
        if (fault?.kind === 'status') {
          reply = errorReply(fault.status ?? 500, fault.message ?? INJECTED_ERROR);
        } else if (fault?.kind === 'garbage') {
          reply = { status: fault.status ?? 200, raw: fault.body ?? GARBAGE_BODY, contentType: 'text/html' };
        } else {
          reply = await route.handler(request, ctx);
        }
      }
      if (reply === 'drop') return drop();
      writeReply(res, reply);
      done(reply.status);
    } catch (e) {
      // Closed while delayed, or a bug: never leave the client hanging.
      if (!res.headersSent && !req.socket.destroyed && (e as Error).message !== 'emulator closed') {
        writeReply(res, errorReply(500, 'Internal server error.'));
        done(500);
      } else drop();
    }
  };
}
