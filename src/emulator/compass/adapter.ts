import { formatConnectorSubject } from '../../core/dn';
import { readCsrField } from '../csr-request';
import { Paths, type EmulatorRequest, type Handler } from '../handlers';
import type { NotFoundReplies } from '../pipeline';
import { errorReply, jsonReply, Messages, type Reply } from '../reply';
import type { Route, Routes } from '../router';
import { resolveIdentity, type CompassIdentity } from './connector';
import type { CompassContext } from './context';
import { checkCompassCsr, compassSubject } from './signing';

/**
 * The connectivity adapter (compass-connector-api.md §10): the Kyma 1.x REST contract on top of Compass, on a token
 * host and an mTLS host. Same routes on both; the host decides which identity can arrive. Tokens are spent on
 * presentation, CN is the SystemAuth id, and errors are `{"code","error"}` with the adapter's own statuses (§10.3).
 */

const FORBIDDEN = 'invalid token or certificate';

/** The Lua filter copies `?token=` into `Connector-Token` for the two onboarding paths only (§10.1). */
const TOKEN_QUERY_PATHS = [Paths.signingRequestInfo, Paths.certificates];

function adapterIdentity(request: EmulatorRequest, ctx: CompassContext, mtls: boolean): CompassIdentity | undefined {
  if (!mtls && request.headers['connector-token'] === undefined && TOKEN_QUERY_PATHS.includes(request.url.pathname as (typeof TOKEN_QUERY_PATHS)[number])) {
    const token = request.url.searchParams.get('token');
    const headers = token === null ? request.headers : { ...request.headers, 'connector-token': token };
    return resolveIdentity({ ...request, headers }, ctx, false);
  }
  return resolveIdentity(request, ctx, mtls);
}

function withIdentity(
  mtls: boolean,
  inner: (request: EmulatorRequest, ctx: CompassContext, identity: CompassIdentity) => Promise<Reply>,
): Handler<CompassContext> {
  return async (request, ctx) => {
    const identity = adapterIdentity(request, ctx, mtls);
    if (identity === undefined) return errorReply(403, FORBIDDEN);
    return inner(request, ctx, identity);
  };
}

function certificateInfo(ctx: CompassContext, identity: CompassIdentity): Record<string, string> {
  return { subject: formatConnectorSubject(compassSubject(ctx.subject, identity.auth.id)), extensions: '', 'key-algorithm': 'rsa2048' };
}

/** No runtime is assigned in the emulator, so the eventing URL is empty and eventsInfoUrl degenerates (§10.2). */
function runtimeUrls(ctx: CompassContext, identity: CompassIdentity): Record<string, string> {
  return { eventsInfoUrl: '/subscribed', eventsUrl: '', metadataUrl: `${ctx.urls.adapterMtls}/${identity.auth.application.name}/v1/metadata/services` };
}

const signingRequestInfo = (mtls: boolean): Handler<CompassContext> =>
  withIdentity(mtls, async (_request, ctx, identity) => {
    const next = ctx.state.mintToken(identity.auth).token;
    return jsonReply(200, {
      csrUrl: `${ctx.urls.adapter}${Paths.certificates}?token=${next}`,
      api: {
        ...runtimeUrls(ctx, identity),
        infoUrl: `${ctx.urls.adapterMtls}${Paths.managementInfo}`,
        certificatesUrl: `${ctx.urls.adapter}${Paths.certificates}`,
      },
      certificate: certificateInfo(ctx, identity),
    });
  });

const managementInfo = (mtls: boolean): Handler<CompassContext> =>
  withIdentity(mtls, async (_request, ctx, identity) =>
    jsonReply(200, {
      // `tenant` and `group` are omitempty and empty: absent (§10.2).
      clientIdentity: { application: identity.auth.application.name },
      urls: {
        ...runtimeUrls(ctx, identity),
        renewCertUrl: `${ctx.urls.adapterMtls}${Paths.renewals}`,
        revokeCertUrl: `${ctx.urls.adapterMtls}${Paths.revocations}`,
      },
      certificate: certificateInfo(ctx, identity),
    }),
  );

/** POST certificates and renewals: one handler in the adapter (§10.1). */
const signCsr = (mtls: boolean): Handler<CompassContext> =>
  withIdentity(mtls, async (request, ctx, identity) => {
    const field = readCsrField(request.body);
    if (!field.ok) {
      const goError = String((field.reply.json as { error: string }).error).replace(Messages.unmarshal, '');
      // The literal `%s` is in the adapter's format string (§10.3).
      return errorReply(400, `Failed to read certificate request: error while unmarshalling request body: %s: ${goError}`);
    }
    const csr = field.value.replace(/\s/gu, '');
    if (/["\\]/.test(csr)) {
      // Pasted unescaped into an inline GraphQL literal: the document no longer parses (§10.4.5).
      return errorReply(500, 'Failed to sign CSR: graphql: Unexpected character in the document.');
    }
    const outcome = checkCompassCsr(csr, compassSubject(ctx.subject, identity.auth.id));
    if (!outcome.ok) {
      const wrongInput = outcome.message.includes('CSR: Invalid') || outcome.message.includes('Error while decoding Certificate Signing Request');
      return errorReply(wrongInput ? 400 : 500, `Failed to sign CSR: graphql: ${outcome.message}`);
    }
    const issued = await ctx.issuer.issue(outcome.csr, ctx.faults.takeCertificateFault(mtls ? 'renewals' : 'certificates'));
    return jsonReply(201, issued);
  });

/** The connector accepts only a certificate identity for revocation; the body is ignored; 201 with an empty body. */
const revocations = (mtls: boolean): Handler<CompassContext> =>
  withIdentity(mtls, async (_request, ctx, identity) => {
    if (identity.kind !== 'certificate') {
      return errorReply(
        500,
        'Failed to revoke certificate: graphql: Failed to authenticate with certificate: Failed to authenticate with Certificate. Invalid subject.',
      );
    }
    ctx.state.revoked.add(identity.hash);
    return { status: 201 };
  });

/** The five routes of §10.1, for the token host (`mtls` false) or the mTLS host. */
export function adapterRoutes(mtls: boolean): Routes<CompassContext> {
  return new Map<string, Route<CompassContext>>([
    [Paths.signingRequestInfo, { methods: { GET: signingRequestInfo(mtls) }, endpoint: 'signingRequestInfo' }],
    [Paths.certificates, { methods: { POST: signCsr(mtls) }, endpoint: mtls ? 'renewals' : 'certificates' }],
    [Paths.managementInfo, { methods: { GET: managementInfo(mtls) }, endpoint: 'managementInfo' }],
    [Paths.renewals, { methods: { POST: signCsr(mtls) }, endpoint: 'renewals' }],
    [Paths.revocations, { methods: { POST: revocations(mtls) }, endpoint: 'revocations' }],
  ]);
}

/** Go's net/http and gorilla answers for unknown paths and methods (§10.3). */
export const GO_NOT_FOUND: NotFoundReplies = {
  notFound: { status: 404, raw: '404 page not found\n', contentType: 'text/plain; charset=utf-8' },
  methodNotAllowed: { status: 405, raw: '', contentType: 'text/plain; charset=utf-8' },
};
