import { formatConnectorSubject } from '../../core/dn';
import type { EmulatorRequest, Handler } from '../handlers';
import type { Route } from '../router';
import { CompassContext, CompassPaths, faultEndpointFor } from './context';
import { buildSchema, executeCall, peekRootField, readGraphqlCall } from './graphql';
import { certificateIdentity, checkCompassCsr, compassSubject, CompassMessages } from './signing';
import type { SystemAuth } from './state';

/** The connector's external schema, verbatim names (compass-connector-api.md §2). */
export const CONNECTOR_SCHEMA = buildSchema(`
type Token { token: String! }
type CertificationResult { certificateChain: String! caCertificate: String! clientCertificate: String! }
type ManagementPlaneInfo { directorURL: String certificateSecuredConnectorURL: String }
type Configuration { token: Token certificateSigningRequestInfo: CertificateSigningRequestInfo managementPlaneInfo: ManagementPlaneInfo }
type CertificateSigningRequestInfo { subject: String! keyAlgorithm: String! }
type Query { configuration: Configuration! }
type Mutation { signCertificateSigningRequest(csr: String!): CertificationResult! revokeCertificate: Boolean! }
`);

/** Who the hydrators say is calling: a token identity on the token host, a certificate identity on the mTLS host. */
export type CompassIdentity =
  { readonly kind: 'token'; readonly auth: SystemAuth } | { readonly kind: 'certificate'; readonly auth: SystemAuth; readonly hash: string };

/** The identity a host produces; each host has exactly one resolver (§3.4), and a token is spent right here (§3.1). */
export function resolveIdentity(request: EmulatorRequest, ctx: CompassContext, mtls: boolean): CompassIdentity | undefined {
  if (mtls) {
    const found = certificateIdentity(request.peerCertificate, ctx.state, ctx.subject);
    return found && { kind: 'certificate', ...found };
  }
  const header = request.headers['connector-token'];
  const auth = ctx.state.redeem(typeof header === 'string' ? header : undefined);
  return auth && { kind: 'token', auth };
}

/** §4: the three operations for one caller. */
function connectorResolvers(ctx: CompassContext, identity: CompassIdentity, mtls: boolean): Record<string, unknown> {
  const endpoint = mtls ? 'renewals' : 'certificates';
  return {
    configuration: () => ({
      // A new token on the same SystemAuth, also for certificate callers (a side effect of the real service).
      token: { token: ctx.state.mintToken(identity.auth).token },
      certificateSigningRequestInfo: { subject: formatConnectorSubject(compassSubject(ctx.subject, identity.auth.id)), keyAlgorithm: 'rsa2048' },
      managementPlaneInfo: {
        directorURL: `${ctx.urls.mtlsHost}${CompassPaths.director}`,
        certificateSecuredConnectorURL: `${ctx.urls.mtlsHost}${CompassPaths.connector}`,
      },
    }),
    signCertificateSigningRequest: async ({ csr }: { csr: string }) => {
      const outcome = checkCompassCsr(csr, compassSubject(ctx.subject, identity.auth.id));
      if (!outcome.ok) throw new Error(outcome.message);
      const issued = await ctx.issuer.issue(outcome.csr, ctx.faults.takeCertificateFault(endpoint));
      return { certificateChain: issued.crt, caCertificate: issued.caCrt, clientCertificate: issued.clientCrt };
    },
    revokeCertificate: () => {
      if (identity.kind !== 'certificate') throw new Error(CompassMessages.revokeWithoutCertificate);
      ctx.state.revoked.add(identity.hash);
      return true;
    },
  };
}

/**
 * POST/GET /connector/graphql on either host. Identity first (Oathkeeper runs before the connector): without one
 * the connector's middleware answers 400 with an EMPTY body (§3.3, the "faithful" mode of §11.5).
 */
function connectorHandler(mtls: boolean): Handler<CompassContext> {
  return async (request, ctx) => {
    const identity = resolveIdentity(request, ctx, mtls);
    if (identity === undefined) return { status: 400 };
    const outcome = readGraphqlCall(request, CONNECTOR_SCHEMA);
    if (!outcome.ok) return outcome.reply;
    return executeCall(CONNECTOR_SCHEMA, outcome.call, connectorResolvers(ctx, identity, mtls));
  };
}

export function connectorRoute(mtls: boolean): Route<CompassContext> {
  const handler = connectorHandler(mtls);
  return {
    methods: { POST: handler, GET: handler },
    endpointOf: (request) => faultEndpointFor(peekRootField(request, CONNECTOR_SCHEMA), mtls),
  };
}
