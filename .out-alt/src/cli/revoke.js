"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.REVOKE_USAGE = void 0;
exports.runRevoke = runRevoke;
const path = __importStar(require("node:path"));
const promises_1 = require("node:readline/promises");
const certificate_1 = require("../core/certificate");
const boundedRead_1 = require("../io/boundedRead");
const revoke_1 = require("../lifecycle/revoke");
const args_1 = require("./args");
const errors_1 = require("../core/errors");
const output_1 = require("./output");
exports.REVOKE_USAGE = `Usage: kyma-cert revoke --cert FILE [--key FILE] [--yes] [--info-url URL | --domain DOMAIN]
                       [--ca-file FILE] [--insecure] [--timeout SECONDS] [--json]
                       [--key-passphrase-env VAR | --key-passphrase-file FILE]

Revokes the certificate at the Connector Service. It keeps working until it expires, but it can never be
renewed again: the application then needs a new certificate from a one-time token.
Asks for confirmation on a terminal; without a terminal, --yes is required.

${args_1.KEY_PASSPHRASE_USAGE}`;
/** Asks on the terminal; true only for an explicit yes. */
async function confirm(question) {
    const rl = (0, promises_1.createInterface)({ input: process.stdin, output: process.stderr });
    try {
        return /^y(es)?$/i.test((await rl.question(question)).trim());
    }
    finally {
        rl.close();
    }
}
/** `kyma-cert revoke …` */
async function runRevoke(argv, io) {
    const { values } = (0, args_1.parse)(argv, {
        ...args_1.NETWORK_OPTIONS,
        ...args_1.KEY_PASSPHRASE_OPTIONS,
        ...args_1.GATEWAY_OPTIONS,
        yes: { type: 'boolean', short: 'y' },
    });
    if (values.help) {
        io.stdout(`${exports.REVOKE_USAGE}\n`);
        return 0;
    }
    const json = values.json === true;
    const net = (0, args_1.networkOptions)(values, io);
    const inputs = await (0, args_1.resolveGatewayInputs)(values, net);
    const { certFile } = inputs;
    const passphrase = await (0, args_1.keyPassphrase)(values);
    if (values.yes !== true) {
        if (!process.stdin.isTTY || !process.stderr.isTTY) {
            throw new output_1.UsageError('Revocation cannot be undone: pass --yes to revoke without a terminal to confirm on.');
        }
        const facts = (0, certificate_1.certificatesInFile)(await (0, boundedRead_1.readRegularFile)(certFile).catch(() => Buffer.alloc(0)))[0];
        const what = facts ? `${facts.subjectText} (sha256 ${facts.sha256Hex.slice(0, 16)}…)` : certFile;
        if (!(await confirm(`Revoke ${what}? It can never be renewed afterwards. [y/N] `))) {
            io.stderr('Not revoked.\n');
            return (0, errors_1.exitCodeFor)('cancelled');
        }
    }
    const result = await (0, revoke_1.revokeCertificate)({
        ...net,
        ...inputs,
        keyPassphrase: passphrase,
        onProgress: (0, output_1.progressPrinter)(io),
    });
    (0, output_1.printResult)(io, json, result, [
        `Revoked ${path.basename(result.certFile)} (sha256 ${result.sha256Hex}).`,
        '  It keeps working until it expires but cannot be renewed; get a new certificate with a one-time token.',
    ]);
    return 0;
}
//# sourceMappingURL=revoke.js.map