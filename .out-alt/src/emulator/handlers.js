"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.emulatorCertificates = exports.emulatorFaults = exports.internalRevocations = exports.internalTokens = exports.revocations = exports.renewals = exports.managementInfo = exports.certificates = exports.signingRequestInfo = exports.Paths = void 0;
exports.mintTokenReply = mintTokenReply;
const node_crypto_1 = require("node:crypto");
const dn_1 = require("../core/dn");
const csr_request_1 = require("./csr-request");
const faults_1 = require("./faults");
const issuer_1 = require("./issuer");
const pki_1 = require("./pki");
const reply_1 = require("./reply");
const xfcc_1 = require("./xfcc");
const APPLICATIONS = '/v1/applications';
exports.Paths = {
    signingRequestInfo: `${APPLICATIONS}/signingRequests/info`,
    certificates: `${APPLICATIONS}/certificates`,
    managementInfo: `${APPLICATIONS}/management/info`,
    renewals: `${APPLICATIONS}/certificates/renewals`,
    revocations: `${APPLICATIONS}/certificates/revocations`,
    tokens: `${APPLICATIONS}/tokens`,
    emulatorFaults: '/emulator/faults',
    emulatorCertificates: '/emulator/certificates',
};
function certificateInfo(subject, application) {
    return {
        subject: (0, dn_1.formatConnectorSubject)((0, issuer_1.expectedSubject)(subject, application)),
        extensions: '',
        'key-algorithm': 'rsa2048',
    };
}
function runtimeUrls(ctx, application) {
    const gateway = ctx.gatewayUrl();
    return {
        eventsInfoUrl: `${gateway}/${application}/v1/events/subscribed`,
        eventsUrl: `${gateway}/${application}/v1/events`,
        metadataUrl: `${gateway}/${application}/v1/metadata/services`,
    };
}
/** The internal API's token answer (also used by Emulator.mintToken). */
function mintTokenReply(ctx, application) {
    const token = ctx.tokens.mint({ application });
    return { url: `${ctx.connectorUrl()}${exports.Paths.signingRequestInfo}?token=${token}`, token };
}
/** tokenresolver.go: 403 without a live token; the token is consumed only when the handler answers 200/201. */
function withToken(inner) {
    return async (request, ctx) => {
        const token = request.url.searchParams.get('token') ?? '';
        if (token === '')
            return (0, reply_1.errorReply)(403, reply_1.Messages.tokenNotProvided);
        const context = ctx.tokens.resolve(token);
        if (context === undefined)
            return (0, reply_1.errorReply)(403, reply_1.Messages.invalidToken);
        const result = await inner(request, ctx, context);
        if (result !== 'drop' && (result.status === 200 || result.status === 201))
            ctx.tokens.consume(token);
        return result;
    };
}
/** contextfromsubject.go behind an Istio gateway: the identity comes from an XFCC built from the peer certificate. */
function withIdentity(inner) {
    return async (request, ctx) => {
        let header = '';
        if (request.peerCertificate !== undefined) {
            const hash = (0, node_crypto_1.createHash)('sha256').update(request.peerCertificate).digest('hex');
            const subject = (0, dn_1.formatRfc4514)((0, dn_1.attributesFromNameDer)((0, pki_1.subjectNameOf)(request.peerCertificate)));
            header = (0, xfcc_1.synthesizeXfcc)(hash, subject, ctx.gatewayHash);
        }
        const parsed = (0, xfcc_1.parseXfcc)(header, ctx.subject);
        if (parsed.kind === 'panic')
            return 'drop';
        if (parsed.kind === 'error')
            return (0, reply_1.errorReply)(400, parsed.message);
        return inner(request, ctx, parsed);
    };
}
async function signCsr(request, ctx, application, endpoint) {
    const outcome = (0, csr_request_1.checkCertRequest)(request.body, (0, issuer_1.expectedSubject)(ctx.subject, application));
    if (!outcome.ok)
        return outcome.reply;
    const fault = ctx.faults.takeCertificateFault(endpoint);
    return (0, reply_1.jsonReply)(201, await ctx.issuer.issue(outcome.csr, fault));
}
exports.signingRequestInfo = withToken(async (_request, ctx, token) => {
    const next = ctx.tokens.mint(token);
    return (0, reply_1.jsonReply)(200, {
        csrUrl: `${ctx.connectorUrl()}${exports.Paths.certificates}?token=${next}`,
        api: {
            ...runtimeUrls(ctx, token.application),
            infoUrl: `${ctx.gatewayUrl()}${exports.Paths.managementInfo}`,
            certificatesUrl: `${ctx.connectorUrl()}${exports.Paths.certificates}`,
        },
        certificate: certificateInfo(ctx.subject, token.application),
    });
});
exports.certificates = withToken((request, ctx, token) => signCsr(request, ctx, token.application, 'certificates'));
exports.managementInfo = withIdentity(async (_request, ctx, identity) => (0, reply_1.jsonReply)(200, {
    clientIdentity: { application: identity.application },
    urls: {
        ...runtimeUrls(ctx, identity.application),
        renewCertUrl: `${ctx.gatewayUrl()}${exports.Paths.renewals}`,
        revokeCertUrl: `${ctx.gatewayUrl()}${exports.Paths.revocations}`,
    },
    certificate: certificateInfo(ctx.subject, identity.application),
}));
/** Order on renewal: identity (400) → revocation (403) → body/CSR (400/500) → 201. */
exports.renewals = withIdentity(async (request, ctx, identity) => {
    if (ctx.revoked.has(identity.hash))
        return (0, reply_1.errorReply)(403, reply_1.Messages.revoked);
    return signCsr(request, ctx, identity.application, 'renewals');
});
/** Self-revocation: the body is ignored; 201 with an empty body, idempotent. */
exports.revocations = withIdentity(async (_request, ctx, identity) => {
    ctx.revoked.add(identity.hash);
    return { status: 201 };
});
/** Internal API: POST /v1/applications/tokens with header Application. */
const internalTokens = async (request, ctx) => {
    const application = request.headers['application'];
    if (typeof application !== 'string' || application === '')
        return (0, reply_1.errorReply)(400, reply_1.Messages.noApplicationHeader);
    return (0, reply_1.jsonReply)(201, mintTokenReply(ctx, application));
};
exports.internalTokens = internalTokens;
function parseJsonObject(body) {
    try {
        const value = JSON.parse(body.toString('utf8'));
        return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : 'expected a JSON object';
    }
    catch (e) {
        return e.message;
    }
}
/** Internal API: revoke by `{"hash": "<sha256 hex>"}` (field name case-insensitive, as Go decodes it). */
const internalRevocations = async (request, ctx) => {
    const body = parseJsonObject(request.body);
    if (typeof body === 'string')
        return (0, reply_1.errorReply)(400, reply_1.Messages.unmarshal + body);
    const key = Object.keys(body).find((k) => k.toLowerCase() === 'hash');
    const hash = key === undefined ? undefined : body[key];
    if (typeof hash !== 'string' || hash === '')
        return (0, reply_1.errorReply)(400, reply_1.Messages.unmarshal + reply_1.Messages.hashNotProvided);
    ctx.revoked.add(hash);
    return { status: 201 };
};
exports.internalRevocations = internalRevocations;
/** Emulator control: queue a fault given as JSON (see faults.ts). */
const emulatorFaults = async (request, ctx) => {
    const body = parseJsonObject(request.body);
    if (typeof body === 'string')
        return (0, reply_1.errorReply)(400, body);
    try {
        return (0, reply_1.jsonReply)(201, { pending: ctx.faults.add((0, faults_1.validateFault)(body)) });
    }
    catch (e) {
        return (0, reply_1.errorReply)(400, e.message);
    }
};
exports.emulatorFaults = emulatorFaults;
/**
 * Emulator control: issue a client certificate directly for `publicKeyPem` (never a private key), with
 * `application` (CN + configured defaults) or a connector-form `subject`, optional `validityMs` / `notBefore`.
 */
const emulatorCertificates = async (request, ctx) => {
    const body = parseJsonObject(request.body);
    if (typeof body === 'string')
        return (0, reply_1.errorReply)(400, body);
    try {
        if (typeof body.publicKeyPem !== 'string')
            throw new Error('"publicKeyPem" is required');
        const subject = typeof body.subject === 'string'
            ? (0, dn_1.parseConnectorSubject)(body.subject)
            : (0, issuer_1.expectedSubject)(ctx.subject, typeof body.application === 'string' ? body.application : 'emulated-app');
        const { certPem, caPem } = ctx.issuer.issueFor({
            publicKey: (0, node_crypto_1.createPublicKey)(body.publicKeyPem),
            subject,
            validityMs: typeof body.validityMs === 'number' ? body.validityMs : undefined,
            notBefore: typeof body.notBefore === 'string' ? new Date(body.notBefore) : undefined,
        });
        return (0, reply_1.jsonReply)(201, (0, issuer_1.certificateResponse)(certPem, caPem));
    }
    catch (e) {
        return (0, reply_1.errorReply)(400, e.message);
    }
};
exports.emulatorCertificates = emulatorCertificates;
//# sourceMappingURL=handlers.js.map