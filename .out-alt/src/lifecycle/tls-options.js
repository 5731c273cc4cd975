"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readServerCa = readServerCa;
exports.createConnectorClient = createConnectorClient;
exports.throwIfCancelled = throwIfCancelled;
const client_1 = require("../connector/client");
const errors_1 = require("../core/errors");
const pem_1 = require("../core/pem");
const material_1 = require("./material");
/** Reads `caFile` and checks that it holds at least one certificate; a wrong file is a `config` error, named. */
async function readServerCa(caFile) {
    const data = await (0, material_1.readRequiredFile)(caFile, 'CA file');
    const parsed = (0, pem_1.parseCryptoFile)(data);
    const certs = parsed.blocks.filter((b) => b.kind === 'certificate');
    if (parsed.format !== 'pem' || certs.length === 0) {
        throw new errors_1.KymaCertError('config', `CA file ${caFile} holds no PEM certificate.`, undefined, { remedy: { kind: 'pass-ca-file' } });
    }
    return data.toString('utf8');
}
/** A Connector Service client for these network options, optionally presenting a client certificate. */
async function createConnectorClient(net, identity) {
    const caPem = net.caFile ? await readServerCa(net.caFile) : undefined;
    return new client_1.ConnectorClient({
        tls: { caPem, insecure: net.insecure, certPem: identity?.certPem, keyPem: identity?.keyPem },
        timeoutMs: net.timeoutMs,
        signal: net.signal,
    });
}
/** Throws `cancelled` once the caller has given up; checked between steps so no step starts after an abort. */
function throwIfCancelled(signal) {
    if (signal?.aborted)
        throw new errors_1.KymaCertError('cancelled', 'Cancelled; nothing was changed.');
}
//# sourceMappingURL=tls-options.js.map