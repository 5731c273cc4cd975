"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONNECTOR_SCHEMA = void 0;
exports.resolveIdentity = resolveIdentity;
exports.connectorRoute = connectorRoute;
const dn_1 = require("../../core/dn");
const context_1 = require("./context");
const graphql_1 = require("./graphql");
const signing_1 = require("./signing");
/** The connector's external schema, verbatim names (compass-connector-api.md §2). */
exports.CONNECTOR_SCHEMA = (0, graphql_1.buildSchema)(`
type Token { token: String! }
type CertificationResult { certificateChain: String! caCertificate: String! clientCertificate: String! }
type ManagementPlaneInfo { directorURL: String certificateSecuredConnectorURL: String }
type Configuration { token: Token certificateSigningRequestInfo: CertificateSigningRequestInfo managementPlaneInfo: ManagementPlaneInfo }
type CertificateSigningRequestInfo { subject: String! keyAlgorithm: String! }
type Query { configuration: Configuration! }
type Mutation { signCertificateSigningRequest(csr: String!): CertificationResult! revokeCertificate: Boolean! }
`);
/** The identity a host produces; each host has exactly one resolver (§3.4), and a token is spent right here (§3.1). */
function resolveIdentity(request, ctx, mtls) {
    if (mtls) {
        const found = (0, signing_1.certificateIdentity)(request.peerCertificate, ctx.state, ctx.subject);
        return found && { kind: 'certificate', ...found };
    }
    const header = request.headers['connector-token'];
    const auth = ctx.state.redeem(typeof header === 'string' ? header : undefined);
    return auth && { kind: 'token', auth };
}
/** §4: the three operations for one caller. */
function connectorResolvers(ctx, identity, mtls) {
    const endpoint = mtls ? 'renewals' : 'certificates';
    return {
        configuration: () => ({
            // A new token on the same SystemAuth, also for certificate callers (a side effect of the real service).
            token: { token: ctx.state.mintToken(identity.auth).token },
            certificateSigningRequestInfo: { subject: (0, dn_1.formatConnectorSubject)((0, signing_1.compassSubject)(ctx.subject, identity.auth.id)), keyAlgorithm: 'rsa2048' },
            managementPlaneInfo: {
                directorURL: `${ctx.urls.mtlsHost}${context_1.CompassPaths.director}`,
                certificateSecuredConnectorURL: `${ctx.urls.mtlsHost}${context_1.CompassPaths.connector}`,
            },
        }),
        signCertificateSigningRequest: async ({ csr }) => {
            const outcome = (0, signing_1.checkCompassCsr)(csr, (0, signing_1.compassSubject)(ctx.subject, identity.auth.id));
            if (!outcome.ok)
                throw new Error(outcome.message);
            const issued = await ctx.issuer.issue(outcome.csr, ctx.faults.takeCertificateFault(endpoint));
            return { certificateChain: issued.crt, caCertificate: issued.caCrt, clientCertificate: issued.clientCrt };
        },
        revokeCertificate: () => {
            if (identity.kind !== 'certificate')
                throw new Error(signing_1.CompassMessages.revokeWithoutCertificate);
            ctx.state.revoked.add(identity.hash);
            return true;
        },
    };
}
/**
 * POST/GET /connector/graphql on either host. Identity first (Oathkeeper runs before the connector): without one
 * the connector's middleware answers 400 with an EMPTY body (§3.3, the "faithful" mode of §11.5).
 */
function connectorHandler(mtls) {
    return async (request, ctx) => {
        const identity = resolveIdentity(request, ctx, mtls);
        if (identity === undefined)
            return { status: 400 };
        const outcome = (0, graphql_1.readGraphqlCall)(request, exports.CONNECTOR_SCHEMA);
        if (!outcome.ok)
            return outcome.reply;
        return (0, graphql_1.executeCall)(exports.CONNECTOR_SCHEMA, outcome.call, connectorResolvers(ctx, identity, mtls));
    };
}
function connectorRoute(mtls) {
    const handler = connectorHandler(mtls);
    return {
        methods: { POST: handler, GET: handler },
        endpointOf: (request) => (0, context_1.faultEndpointFor)((0, graphql_1.peekRootField)(request, exports.CONNECTOR_SCHEMA), mtls),
    };
}
//# sourceMappingURL=connector.js.map