"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RENEW_USAGE = void 0;
exports.runRenew = runRenew;
const renew_1 = require("../lifecycle/renew");
const args_1 = require("./args");
const facts_1 = require("./facts");
const output_1 = require("./output");
exports.RENEW_USAGE = `Usage: kyma-cert renew --cert FILE [--key FILE] [--info-url URL | --domain DOMAIN]
                      [--ca-file FILE] [--insecure] [--timeout SECONDS] [--allow-issuer-change] [--json]
                      [--key-passphrase-env VAR | --key-passphrase-file FILE]

Renews a client certificate with its existing key. The subject and renewal URL come from
management/info; the answer is verified before anything is written; the file keeps its layout;
the previous certificate goes to .kyma-backups/. The info URL is remembered in <name>.kyma.json.

  --cert FILE             the client certificate (alone or followed by its CA chain)
  --key FILE              its private key (default: remembered, or <name>.key next to it)
  --info-url URL          https://gateway.<domain>/v1/applications/management/info
  --domain DOMAIN         shorthand for the info URL of a cluster domain
  --ca-file FILE          CA of the server's TLS certificate (self-signed clusters)
  --insecure              do not verify the server certificate (local clusters only)
  --timeout SECONDS       per request
  --allow-issuer-change   accept a certificate from a different CA (cluster CA rotated)
  --json                  machine-readable result or error on stdout
${args_1.KEY_PASSPHRASE_USAGE}`;
/** `kyma-cert renew …` */
async function runRenew(argv, io) {
    const { values } = (0, args_1.parse)(argv, {
        ...args_1.NETWORK_OPTIONS,
        ...args_1.KEY_PASSPHRASE_OPTIONS,
        ...args_1.GATEWAY_OPTIONS,
        'allow-issuer-change': { type: 'boolean' },
    });
    if (values.help) {
        io.stdout(`${exports.RENEW_USAGE}\n`);
        return 0;
    }
    const json = values.json === true;
    const net = (0, args_1.networkOptions)(values, io);
    const result = await (0, renew_1.renewCertificate)({
        ...net,
        ...(await (0, args_1.resolveGatewayInputs)(values, net)),
        keyPassphrase: await (0, args_1.keyPassphrase)(values),
        allowIssuerChange: values['allow-issuer-change'] === true,
        onProgress: (0, output_1.progressPrinter)(io),
    });
    const now = new Date();
    (0, output_1.printResult)(io, json, {
        certFile: result.certFile,
        caFile: result.caFile ?? null,
        backupFile: result.backupFile,
        infoUrl: result.infoUrl,
        previous: (0, facts_1.certificateJson)(result.previous, now),
        renewed: (0, facts_1.certificateJson)(result.renewed, now),
    }, [
        `Renewed ${(0, facts_1.certificateSummary)(result.renewed, now)}.`,
        `  certificate  ${result.certFile}`,
        ...(result.caFile ? [`  issuing CA   ${result.caFile}`] : []),
        `  backup       ${result.backupFile}`,
    ]);
    return 0;
}
//# sourceMappingURL=renew.js.map