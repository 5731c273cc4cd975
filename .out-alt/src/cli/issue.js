"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ISSUE_USAGE = exports.TOKEN_ENV = void 0;
exports.runIssue = runIssue;
const displayText_1 = require("../core/displayText");
const issue_1 = require("../lifecycle/issue");
const args_1 = require("./args");
const facts_1 = require("./facts");
const output_1 = require("./output");
const secretInput_1 = require("./secretInput");
/** The environment variable holding the token URL when --token-url is not given. */
exports.TOKEN_ENV = 'KYMA_CERT_TOKEN';
exports.ISSUE_USAGE = `Usage: kyma-cert issue --token-url URL|- --out-dir DIR [--name NAME] [--force]
                      [--ca-file FILE] [--insecure] [--timeout SECONDS] [--json]
                      [--key-passphrase-env VAR | --key-passphrase-file FILE]

Gets a first client certificate with a one-time token URL from Kyma (TokenRequest or console):
generates a new RSA 2048 key, sends a CSR with the subject the service asks for, verifies the answer and
writes NAME.key (mode 0600), NAME.crt, NAME-ca.crt and NAME.kyma.json (for later renewals) into DIR.

  --token-url URL    https://connector-service.<domain>/v1/applications/signingRequests/info?token=...
                     "-" reads the URL from standard input; without the flag, $KYMA_CERT_TOKEN is used.
                     (A URL on the command line is visible to every user in the process list.)
  --out-dir DIR      where to write (created if missing)
  --name NAME        file base name (default: client)
  --force            replace existing files of that name
With a passphrase the new key is written encrypted (PKCS#8, AES-256-CBC):
${args_1.KEY_PASSPHRASE_USAGE}`;
/** `kyma-cert issue …` */
async function runIssue(argv, io) {
    const { values } = (0, args_1.parse)(argv, {
        ...args_1.NETWORK_OPTIONS,
        ...args_1.KEY_PASSPHRASE_OPTIONS,
        'token-url': { type: 'string' },
        'out-dir': { type: 'string' },
        name: { type: 'string' },
        force: { type: 'boolean' },
    });
    if (values.help) {
        io.stdout(`${exports.ISSUE_USAGE}\n`);
        return 0;
    }
    const tokenUrl = await (0, secretInput_1.readSecretInput)((0, args_1.stringValue)(values, 'token-url'), exports.TOKEN_ENV);
    if (tokenUrl === undefined)
        throw new output_1.UsageError(`--token-url is required ("-" reads it from standard input, or set ${exports.TOKEN_ENV}).`);
    // The whole URL and the token alone: neither may appear in any output, whatever text an error carries.
    io.secrets?.push(tokenUrl, ...[(0, displayText_1.tokenOf)(tokenUrl)].filter((t) => t !== undefined));
    const outDir = (0, args_1.requiredString)(values, 'out-dir');
    const net = (0, args_1.networkOptions)(values, io);
    const result = await (0, issue_1.issueCertificate)({
        ...net,
        tokenUrl,
        outDir,
        name: (0, args_1.stringValue)(values, 'name'),
        force: values.force === true,
        keyPassphrase: await (0, args_1.keyPassphrase)(values),
        onProgress: (0, output_1.progressPrinter)(io),
    });
    const now = new Date();
    (0, output_1.printResult)(io, values.json === true, {
        certFile: result.certFile,
        keyFile: result.keyFile,
        caFile: result.caFile,
        connectionFile: result.connectionFile,
        infoUrl: result.infoUrl,
        certificate: (0, facts_1.certificateJson)(result.certificate, now),
    }, [
        `Issued ${(0, facts_1.certificateSummary)(result.certificate, now)}.`,
        `  certificate  ${result.certFile}`,
        `  key          ${result.keyFile}`,
        `  issuing CA   ${result.caFile}`,
        `  renew with   kyma-cert renew --cert ${result.certFile}`,
    ]);
    return 0;
}
//# sourceMappingURL=issue.js.map