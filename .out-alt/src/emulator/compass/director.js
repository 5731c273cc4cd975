"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.internalApplicationTokens = exports.DIRECTOR_SCHEMA = void 0;
exports.applicationToken = applicationToken;
exports.directorRoute = directorRoute;
const reply_1 = require("../reply");
const context_1 = require("./context");
const graphql_1 = require("./graphql");
const signing_1 = require("./signing");
/**
 * A Director stub (compass-connector-api.md §9, §11.1): `viewer { id type }` for a certificate on the mTLS host, and
 * the admin mutation `requestOneTimeTokenForApplication` on the internal listener (the real one needs an admin JWT).
 */
exports.DIRECTOR_SCHEMA = (0, graphql_1.buildSchema)(`
scalar Timestamp
enum ViewerType { APPLICATION RUNTIME INTEGRATION_SYSTEM USER }
enum OneTimeTokenType { Application Runtime }
type Viewer { id: ID! type: ViewerType! }
type OneTimeTokenForApplication {
  token: String! connectorURL: String! legacyConnectorURL: String! used: Boolean! expiresAt: Timestamp!
  createdAt: Timestamp usedAt: Timestamp raw: String rawEncoded: String type: OneTimeTokenType scenarioGroups: [String!]
}
type Query { viewer: Viewer! }
type Mutation { requestOneTimeTokenForApplication(id: ID!, systemAuthID: ID): OneTimeTokenForApplication! }
`);
/**
 * "Suggested token" (§9): with header `suggest_token: true` the `token` field carries `rawEncoded`, the value a
 * user pastes as a whole.
 */
function applicationToken(ctx, auth, suggest) {
    const answer = ctx.state.tokenForApplication(auth, `${ctx.urls.tokenHost}${context_1.CompassPaths.connector}`, ctx.urls.adapter);
    return suggest ? { ...answer, token: answer.rawEncoded } : answer;
}
function directorHandler(admin) {
    return async (request, ctx) => {
        const caller = admin ? undefined : (0, signing_1.certificateIdentity)(request.peerCertificate, ctx.state, ctx.subject);
        // Same Oathkeeper as the connector: no identity → 400 with an empty body.
        if (!admin && caller === undefined)
            return { status: 400 };
        const outcome = (0, graphql_1.readGraphqlCall)(request, exports.DIRECTOR_SCHEMA);
        if (!outcome.ok)
            return outcome.reply;
        const suggest = request.headers['suggest_token'] === 'true';
        return (0, graphql_1.executeCall)(exports.DIRECTOR_SCHEMA, outcome.call, {
            viewer: () => {
                if (caller === undefined)
                    throw new Error('unauthorized: insufficient scopes');
                return { id: caller.auth.application.id, type: 'APPLICATION' };
            },
            requestOneTimeTokenForApplication: ({ id, systemAuthID }) => {
                if (!admin)
                    throw new Error('insufficient scopes provided');
                const application = ctx.state.applicationById(id);
                if (application === undefined)
                    throw new Error(`Object not found [object=application; id=${id}]`);
                const existing = systemAuthID === undefined ? undefined : ctx.state.systemAuth(systemAuthID);
                if (systemAuthID !== undefined && existing?.application.id !== id)
                    throw new Error(`Object not found [object=systemAuth; id=${systemAuthID}]`);
                return applicationToken(ctx, existing ?? ctx.state.newSystemAuth(application), suggest);
            },
        });
    };
}
function directorRoute(admin) {
    const handler = directorHandler(admin);
    return { methods: { POST: handler, GET: handler } };
}
/**
 * The emulator's shortcut, same as the Kyma flavor's: POST /v1/applications/tokens with header `Application: NAME`
 * creates the application if needed and a new SystemAuth, and answers 201 with OneTimeTokenForApplication.
 */
const internalApplicationTokens = async (request, ctx) => {
    const name = request.headers['application'];
    if (typeof name !== 'string' || name === '')
        return (0, reply_1.errorReply)(400, 'Required header Application not specified.');
    const auth = ctx.state.newSystemAuth(ctx.state.application(name));
    return { status: 201, json: applicationToken(ctx, auth, request.headers['suggest_token'] === 'true') };
};
exports.internalApplicationTokens = internalApplicationTokens;
//# sourceMappingURL=director.js.map