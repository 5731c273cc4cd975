import type { ServerResponse } from 'node:http';

/**
 * What a handler answers. Handlers return replies instead of writing, so the token middleware can see the
 * status (tokens are consumed on 200/201 only) and faults can replace the answer.
 */
export interface Reply {
  readonly status: number;
  /** JSON value written with Go json.Encoder semantics; undefined = empty body. */
  readonly json?: unknown;
  /** Raw body (garbage fault); written as-is with `contentType`. */
  readonly raw?: string;
  readonly contentType?: string;
}

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** The service's error messages, verbatim (connector-service-api.md §2–§6, §10). */
export const Messages = {
  notFound: 'Requested resource could not be found.',
  methodNotAllowed: 'Method not allowed.',
  tokenNotProvided: 'Token not provided.',
  invalidToken: 'Invalid token.',
  unmarshal: 'Error while unmarshalling request body: ',
  base64: 'There was an error while parsing the base64 content. An incorrect value was provided.',
  pem: 'Error while decoding pem block.',
  parseCsr: 'Error while parsing CSR: ',
  csrSignature: 'CSR signature invalid: ',
  createCertificate: 'Error while creating certificate: ',
  revoked: 'Certificate has been revoked.',
  invalidCertificate: 'Invalid certificate: ',
  headerEmpty: 'Certificate header is empty',
  noMatchingSubject: 'Failed to get certificate subject from header.',
  emptyCommonName: 'Empty Common Name in certificate header',
  noApplicationHeader: 'Required headers for ApplicationContext not specified.',
  hashNotProvided: 'certificate hash value not provided.',
} as const;

export function errorReply(status: number, message: string): Reply {
  return { status, json: { code: status, error: message } };
}

export function jsonReply(status: number, json: unknown): Reply {
  return { status, json };
}

/**
 * Go's json.Encoder: HTML-sensitive characters and U+2028/2029 escaped, and a trailing newline.
 */
export function goJson(value: unknown): string {
  return (
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029') + '\n'
  );
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const body = reply.raw ?? (reply.json === undefined ? '' : goJson(reply.json));
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType ?? JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
