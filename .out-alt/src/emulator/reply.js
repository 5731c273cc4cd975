"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Messages = exports.JSON_CONTENT_TYPE = void 0;
exports.errorReply = errorReply;
exports.jsonReply = jsonReply;
exports.goJson = goJson;
exports.writeReply = writeReply;
exports.JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
/** The service's error messages, verbatim (connector-service-api.md §2–§6, §10). */
exports.Messages = {
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
};
function errorReply(status, message) {
    return { status, json: { code: status, error: message } };
}
function jsonReply(status, json) {
    return { status, json };
}
/**
 * Go's json.Encoder: HTML-sensitive characters and U+2028/2029 escaped, and a trailing newline.
 */
function goJson(value) {
    return (JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/>/g, '\\u003e')
        .replace(/&/g, '\\u0026')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029') + '\n');
}
function writeReply(res, reply) {
    const body = reply.raw ?? (reply.json === undefined ? '' : goJson(reply.json));
    res.writeHead(reply.status, {
        'Content-Type': reply.contentType ?? exports.JSON_CONTENT_TYPE,
        'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
}
//# sourceMappingURL=reply.js.map