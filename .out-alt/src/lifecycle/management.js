"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.infoUrlForDomain = void 0;
exports.checkHttpsUrl = checkHttpsUrl;
exports.resolveConnection = resolveConnection;
exports.askForSubject = askForSubject;
const dn_1 = require("../core/dn");
const errors_1 = require("../core/errors");
const pairing_1 = require("../core/pairing");
const serviceHosts_1 = require("../core/serviceHosts");
const resolve_1 = require("./resolve");
var precedence_1 = require("./precedence");
Object.defineProperty(exports, "infoUrlForDomain", { enumerable: true, get: function () { return precedence_1.infoUrlForDomain; } });
/** Checks that a URL is an absolute https URL; the service is only reachable over TLS. */
function checkHttpsUrl(url, what) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new errors_1.KymaCertError('config', `${what} "${url}" is not a URL.`, 'Use the form https://gateway.<domain>/v1/applications/management/info.');
    }
    if (parsed.protocol !== 'https:') {
        throw new errors_1.KymaCertError('config', `${what} "${url}" is not an https URL.`, 'The Connector Service is only reachable over https.');
    }
    return url;
}
/**
 * The info URL and network options of a workflow: the request's values are explicit and win; what they leave open
 * comes from the remembered connection (`resolve.ts`). A broken connection file only matters when we need it.
 */
async function resolveConnection(certFile, req) {
    const inputs = await (0, resolve_1.resolveCertificateInputs)(certFile, { infoUrl: req.infoUrl, caFile: req.caFile });
    const infoUrl = (0, resolve_1.requireInfoUrl)(inputs, (0, pairing_1.connectionFileFor)(certFile));
    return {
        infoUrl: checkHttpsUrl(infoUrl, 'The management info URL'),
        network: { caFile: inputs.caFile, insecure: req.insecure, timeoutMs: req.timeoutMs, signal: req.signal },
        remembered: inputs.remembered,
    };
}
/**
 * Calls management/info and checks that the answer has what renewal and revocation need, including that the URL
 * about to be `use`d is on the info URL's host or its partner (`core/serviceHosts.ts`): the client certificate
 * goes nowhere else.
 */
async function askForSubject(client, infoUrl, use) {
    const info = await client.getManagementInfo(infoUrl);
    const subjectText = info?.certificate?.subject;
    const renewCertUrl = info?.urls?.renewCertUrl;
    const revokeCertUrl = info?.urls?.revokeCertUrl;
    if (typeof subjectText !== 'string' || typeof renewCertUrl !== 'string' || typeof revokeCertUrl !== 'string') {
        throw new errors_1.KymaCertError('server', 'management/info did not return certificate.subject and the renewal/revocation URLs.');
    }
    let subject;
    try {
        subject = (0, dn_1.parseConnectorSubject)(subjectText);
    }
    catch (e) {
        throw new errors_1.KymaCertError('server', `management/info returned a subject we cannot read: ${subjectText}`, undefined, { cause: e });
    }
    if (!subject.some((a) => a.type === 'CN')) {
        throw new errors_1.KymaCertError('server', `management/info returned a subject without CN: ${subjectText}`);
    }
    // Only the URL this workflow will call is checked, so the error names the one that would have been used.
    (0, serviceHosts_1.requireSameServiceUrl)(infoUrl, use === 'renew' ? renewCertUrl : revokeCertUrl, use === 'renew' ? 'renewCertUrl' : 'revokeCertUrl');
    return { subject, renewCertUrl, revokeCertUrl };
}
//# sourceMappingURL=management.js.map