import {
  buildSchema,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { EmulatorRequest } from '../handlers';
import type { Reply } from '../reply';

/**
 * The GraphQL transport as gqlgen's default server answers (compass-connector-api.md §2; G1): JSON POST or GET
 * queries, 400 "transport not supported", 422 with `extensions.code` for parse/validation errors, 200 with
 * `errors[].message` + `path` (the alias) and `data: null` for resolver errors. graphql-js does the parsing,
 * validation and execution; only the shape of the answers is gqlgen's.
 */

export const GRAPHQL_CONTENT_TYPE = 'application/json';

export function gqlReply(status: number, json: unknown): Reply {
  return { status, raw: JSON.stringify(json), contentType: GRAPHQL_CONTENT_TYPE };
}

function errorsReply(status: number, errors: unknown[]): Reply {
  return gqlReply(status, { errors, data: null });
}

/** A request the transport accepted: the parsed document and the operation to run. */
export interface GraphqlCall {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Record<string, unknown> | undefined;
  /** The root field names the operation selects (aliases resolved), e.g. ["configuration"]. */
  readonly rootFields: string[];
}

export type GraphqlOutcome = { readonly ok: true; readonly call: GraphqlCall } | { readonly ok: false; readonly reply: Reply };

/** gqlgen compares the media type exactly; parameters such as `charset` are fine. */
function isJsonMediaType(header: string | undefined): boolean {
  return (header ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

function located(error: GraphQLError, code: string): unknown {
  return {
    message: error.message.replace(/^Syntax Error: /, ''),
    locations: error.locations?.map(({ line, column }) => ({ line, column })),
    extensions: { code },
  };
}

/** Reads the query text and variables the gqlgen way (POST JSON or GET ?query=), then parses and validates. */
export function readGraphqlCall(request: EmulatorRequest, schema: GraphQLSchema): GraphqlOutcome {
  let query: unknown;
  let variables: unknown;
  let operationName: unknown;
  if (request.method === 'POST' && isJsonMediaType(request.headers['content-type'])) {
    const text = request.body.toString('utf8');
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      ({ query, variables, operationName } = body ?? {});
    } catch (e) {
      return { ok: false, reply: errorsReply(400, [{ message: `json request body could not be decoded: ${(e as Error).message} body:${text}` }]) };
    }
  } else if (request.method === 'GET') {
    query = request.url.searchParams.get('query') ?? '';
    const rawVariables = request.url.searchParams.get('variables');
    try {
      variables = rawVariables ? JSON.parse(rawVariables) : undefined;
    } catch {
      return { ok: false, reply: errorsReply(400, [{ message: 'variables could not be decoded' }]) };
    }
    operationName = request.url.searchParams.get('operationName') ?? undefined;
  } else {
    return { ok: false, reply: errorsReply(400, [{ message: 'transport not supported' }]) };
  }

  let document: DocumentNode;
  try {
    document = parse(typeof query === 'string' ? query : '');
  } catch (e) {
    return { ok: false, reply: errorsReply(422, [located(e as GraphQLError, 'GRAPHQL_PARSE_FAILED')]) };
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0)
    return {
      ok: false,
      reply: errorsReply(
        422,
        invalid.map((e) => located(e, 'GRAPHQL_VALIDATION_FAILED')),
      ),
    };
  const operation = getOperationAST(document, typeof operationName === 'string' ? operationName : undefined);
  if (!operation) return { ok: false, reply: errorsReply(422, [{ message: 'operation not found', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }]) };
  if (request.method === 'GET' && operation.operation !== 'query') {
    return { ok: false, reply: errorsReply(406, [{ message: 'GET requests only allow query operations' }]) };
  }
  const rootFields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
  const vars = typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : undefined;
  return { ok: true, call: { document, operation, variables: vars, rootFields } };
}

/** The root field of a request without side effects (fault injection needs it before any identity check). */
export function peekRootField(request: EmulatorRequest, schema: GraphQLSchema): string | undefined {
  const outcome = readGraphqlCall(request, schema);
  return outcome.ok ? outcome.call.rootFields[0] : undefined;
}

/** Runs a validated call; resolver errors become gqlgen's 200 `{"errors":[{message,path}],"data":null}`. */
export async function executeCall(schema: GraphQLSchema, call: GraphqlCall, rootValue: Record<string, unknown>): Promise<Reply> {
  const result = await execute({ schema, document: call.document, rootValue, variableValues: call.variables, operationName: call.operation.name?.value });
  if (result.data === undefined) {
    // Variable coercion failed before execution: gqlgen answers 422 as for validation.
    return errorsReply(
      422,
      (result.errors ?? []).map((e) => located(e, 'GRAPHQL_VALIDATION_FAILED')),
    );
  }
  if (result.errors && result.errors.length > 0) {
    return errorsReply(
      200,
      result.errors.map((e) => ({ message: e.message, path: e.path })),
    );
  }
  return gqlReply(200, { data: result.data });
}

export { buildSchema };
