"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.synthesizeXfcc = synthesizeXfcc;
exports.parseXfcc = parseXfcc;
const reply_1 = require("./reply");
/**
 * The identity path of the real deployment: the Istio gateway verifies the client certificate and forwards it
 * as an X-Forwarded-Client-Cert header; the service parses that header (connector-service-api.md §8.1).
 * The emulator synthesises the header from the peer certificate and runs the same parser, so subject
 * matching quirks (first occurrence, no unescaping, element order) behave as they do in a cluster.
 */
const GATEWAY_SPIFFE = 'spiffe://cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account';
const SERVICE_SPIFFE = 'spiffe://cluster.local/ns/kyma-integration/sa/default';
/**
 * Envoy's XFCC for a verified client certificate plus the element the sidecar appends, as in the Kyma
 * example (K18): `Hash=<client>;Subject="<RFC 2253>";URI=,By=<svc>;Hash=<gateway>;Subject="";URI=<gateway>`.
 */
function synthesizeXfcc(clientHash, clientSubjectRfc2253, gatewayHash) {
    const subject = clientSubjectRfc2253.replace(/"/g, '\\"');
    return `Hash=${clientHash};Subject="${subject}";URI=,By=${SERVICE_SPIFFE};Hash=${gatewayHash};Subject="";URI=${GATEWAY_SPIFFE}`;
}
/** First `KEY=value` occurrence, read with the service's regex `KEY=([^,]+)` (no anchoring, no unescaping). */
function attribute(subject, key) {
    return new RegExp(`${key}=([^,]+)`).exec(subject)?.[1] ?? '';
}
/** headerparser.go: zip Subject/Hash matches by index, take the first element whose O/OU/C/L/ST match. */
function parseXfcc(header, expected) {
    if (header === undefined || header === '') {
        return { kind: 'error', message: reply_1.Messages.invalidCertificate + reply_1.Messages.headerEmpty };
    }
    const subjects = [...header.matchAll(/Subject="(.*?)"/g)].map((m) => m[1]);
    const hashes = [...header.matchAll(/Hash=([0-9a-f]*)/g)].map((m) => m[1]);
    if (subjects.length > hashes.length) {
        return { kind: 'panic' };
    }
    for (let i = 0; i < subjects.length; i++) {
        const subject = subjects[i];
        const matches = attribute(subject, 'O') === expected.O &&
            attribute(subject, 'OU') === expected.OU &&
            attribute(subject, 'C') === expected.C &&
            attribute(subject, 'L') === expected.L &&
            attribute(subject, 'ST') === expected.ST;
        if (!matches)
            continue;
        const commonName = attribute(subject, 'CN');
        if (commonName === '') {
            return { kind: 'error', message: reply_1.Messages.invalidCertificate + reply_1.Messages.emptyCommonName };
        }
        return { kind: 'identity', application: commonName, hash: hashes[i] };
    }
    return { kind: 'error', message: reply_1.Messages.invalidCertificate + reply_1.Messages.noMatchingSubject };
}
//# sourceMappingURL=xfcc.js.map