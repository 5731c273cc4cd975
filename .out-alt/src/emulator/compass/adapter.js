"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GO_NOT_FOUND = void 0;
exports.adapterRoutes = adapterRoutes;
const dn_1 = require("../../core/dn");
const csr_request_1 = require("../csr-request");
const handlers_1 = require("../handlers");
const reply_1 = require("../reply");
const connector_1 = require("./connector");
const signing_1 = require("./signing");
/**
 * The connectivity adapter (compass-connector-api.md §10): the Kyma 1.x REST contract on top of Compass, on a token
 * host and an mTLS host. Same routes on both; the host decides which identity can arrive. Tokens are spent on
 * presentation, CN is the SystemAuth id, and errors are `{"code","error"}` with the adapter's own statuses (§10.3).
 */
const FORBIDDEN = 'invalid token or certificate';
/** The Lua filter copies `?token=` into `Connector-Token` for the two onboarding paths only (§10.1). */
const TOKEN_QUERY_PATHS = [handlers_1.Paths.signingRequestInfo, handlers_1.Paths.certificates];
function adapterIdentity(request, ctx, mtls) {
    if (!mtls && request.headers['connector-token'] === undefined && TOKEN_QUERY_PATHS.includes(request.url.pathname)) {
        const token = request.url.searchParams.get('token');
        const headers = token === null ? request.headers : { ...request.headers, 'connector-token': token };
        return (0, connector_1.resolveIdentity)({ ...request, headers }, ctx, false);
    }
    return (0, connector_1.resolveIdentity)(request, ctx, mtls);
}
function withIdentity(mtls, inner) {
    return async (request, ctx) => {
        const identity = adapterIdentity(request, ctx, mtls);
        if (identity === undefined)
            return (0, reply_1.errorReply)(403, FORBIDDEN);
        return inner(request, ctx, identity);
    };
}
function certificateInfo(ctx, identity) {
    return { subject: (0, dn_1.formatConnectorSubject)((0, signing_1.compassSubject)(ctx.subject, identity.auth.id)), extensions: '', 'key-algorithm': 'rsa2048' };
}
/** No runtime is assigned in the emulator, so the eventing URL is empty and eventsInfoUrl degenerates (§10.2). */
function runtimeUrls(ctx, identity) {
    return { eventsInfoUrl: '/subscribed', eventsUrl: '', metadataUrl: `${ctx.urls.adapterMtls}/${identity.auth.application.name}/v1/metadata/services` };
}
const signingRequestInfo = (mtls) => withIdentity(mtls, async (_request, ctx, identity) => {
    const next = ctx.state.mintToken(identity.auth).token;
    return (0, reply_1.jsonReply)(200, {
        csrUrl: `${ctx.urls.adapter}${handlers_1.Paths.certificates}?token=${next}`,
        api: {
            ...runtimeUrls(ctx, identity),
            infoUrl: `${ctx.urls.adapterMtls}${handlers_1.Paths.managementInfo}`,
            certificatesUrl: `${ctx.urls.adapter}${handlers_1.Paths.certificates}`,
        },
        certificate: certificateInfo(ctx, identity),
    });
});
const managementInfo = (mtls) => withIdentity(mtls, async (_request, ctx, identity) => (0, reply_1.jsonReply)(200, {
    // `tenant` and `group` are omitempty and empty: absent (§10.2).
    clientIdentity: { application: identity.auth.application.name },
    urls: {
        ...runtimeUrls(ctx, identity),
        renewCertUrl: `${ctx.urls.adapterMtls}${handlers_1.Paths.renewals}`,
        revokeCertUrl: `${ctx.urls.adapterMtls}${handlers_1.Paths.revocations}`,
    },
    certificate: certificateInfo(ctx, identity),
}));
/** POST certificates and renewals: one handler in the adapter (§10.1). */
const signCsr = (mtls) => withIdentity(mtls, async (request, ctx, identity) => {
    const field = (0, csr_request_1.readCsrField)(request.body);
    if (!field.ok) {
        const goError = String(field.reply.json.error).replace(reply_1.Messages.unmarshal, '');
        // The literal `%s` is in the adapter's format string (§10.3).
        return (0, reply_1.errorReply)(400, `Failed to read certificate request: error while unmarshalling request body: %s: ${goError}`);
    }
    const csr = field.value.replace(/\s/gu, '');
    if (/["\\]/.test(csr)) {
        // Pasted unescaped into an inline GraphQL literal: the document no longer parses (§10.4.5).
        return (0, reply_1.errorReply)(500, 'Failed to sign CSR: graphql: Unexpected character in the document.');
    }
    const outcome = (0, signing_1.checkCompassCsr)(csr, (0, signing_1.compassSubject)(ctx.subject, identity.auth.id));
    if (!outcome.ok) {
        const wrongInput = outcome.message.includes('CSR: Invalid') || outcome.message.includes('Error while decoding Certificate Signing Request');
        return (0, reply_1.errorReply)(wrongInput ? 400 : 500, `Failed to sign CSR: graphql: ${outcome.message}`);
    }
    const issued = await ctx.issuer.issue(outcome.csr, ctx.faults.takeCertificateFault(mtls ? 'renewals' : 'certificates'));
    return (0, reply_1.jsonReply)(201, issued);
});
/** The connector accepts only a certificate identity for revocation; the body is ignored; 201 with an empty body. */
const revocations = (mtls) => withIdentity(mtls, async (_request, ctx, identity) => {
    if (identity.kind !== 'certificate') {
        return (0, reply_1.errorReply)(500, 'Failed to revoke certificate: graphql: Failed to authenticate with certificate: Failed to authenticate with Certificate. Invalid subject.');
    }
    ctx.state.revoked.add(identity.hash);
    return { status: 201 };
});
/** The five routes of §10.1, for the token host (`mtls` false) or the mTLS host. */
function adapterRoutes(mtls) {
    return new Map([
        [handlers_1.Paths.signingRequestInfo, { methods: { GET: signingRequestInfo(mtls) }, endpoint: 'signingRequestInfo' }],
        [handlers_1.Paths.certificates, { methods: { POST: signCsr(mtls) }, endpoint: mtls ? 'renewals' : 'certificates' }],
        [handlers_1.Paths.managementInfo, { methods: { GET: managementInfo(mtls) }, endpoint: 'managementInfo' }],
        [handlers_1.Paths.renewals, { methods: { POST: signCsr(mtls) }, endpoint: 'renewals' }],
        [handlers_1.Paths.revocations, { methods: { POST: revocations(mtls) }, endpoint: 'revocations' }],
    ]);
}
/** Go's net/http and gorilla answers for unknown paths and methods (§10.3). */
exports.GO_NOT_FOUND = {
    notFound: { status: 404, raw: '404 page not found\n', contentType: 'text/plain; charset=utf-8' },
    methodNotAllowed: { status: 405, raw: '', contentType: 'text/plain; charset=utf-8' },
};
//# sourceMappingURL=adapter.js.map