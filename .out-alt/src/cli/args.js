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
exports.NETWORK_OPTIONS = exports.KEY_PASSPHRASE_USAGE = exports.KEY_PASSPHRASE_OPTIONS = exports.GATEWAY_OPTIONS = void 0;
exports.keyPassphrase = keyPassphrase;
exports.parse = parse;
exports.stringValue = stringValue;
exports.requiredString = requiredString;
exports.timeoutMs = timeoutMs;
exports.networkOptions = networkOptions;
exports.resolveGatewayInputs = resolveGatewayInputs;
exports.gatewayTarget = gatewayTarget;
const node_util_1 = require("node:util");
const path = __importStar(require("node:path"));
const boundedRead_1 = require("../io/boundedRead");
const management_1 = require("../lifecycle/management");
const resolve_1 = require("../lifecycle/resolve");
const output_1 = require("./output");
/** Flags of the subcommands that call a certificate's gateway (renew, revoke). */
exports.GATEWAY_OPTIONS = {
    cert: { type: 'string' },
    key: { type: 'string' },
    'info-url': { type: 'string' },
    domain: { type: 'string' },
};
/** Flags of the subcommands that read or write a private key: how to get the passphrase of an encrypted key. */
exports.KEY_PASSPHRASE_OPTIONS = {
    'key-passphrase-env': { type: 'string' },
    'key-passphrase-file': { type: 'string' },
};
exports.KEY_PASSPHRASE_USAGE = `  --key-passphrase-env VAR   passphrase of an encrypted key, from this environment variable
  --key-passphrase-file FILE passphrase of an encrypted key, from this file (one trailing newline is ignored)`;
/** A passphrase file holds one line; anything near this size is the wrong file. */
const MAX_PASSPHRASE_FILE_BYTES = 4096;
/**
 * The key passphrase from `--key-passphrase-env VAR` or `--key-passphrase-file FILE`, or undefined. Never taken from
 * the command line itself (it would show in `ps` and shell history), never printed, never put in an error.
 */
async function keyPassphrase(values) {
    const envName = stringValue(values, 'key-passphrase-env');
    const file = stringValue(values, 'key-passphrase-file');
    if (envName !== undefined && file !== undefined)
        throw new output_1.UsageError('Pass either --key-passphrase-env or --key-passphrase-file, not both.');
    if (envName !== undefined) {
        const value = process.env[envName];
        if (value === undefined || value === '')
            throw new output_1.UsageError(`--key-passphrase-env: the environment variable ${envName} is not set or empty.`);
        return value;
    }
    if (file === undefined)
        return undefined;
    const text = (await (0, boundedRead_1.readRegularFile)(path.resolve(file), MAX_PASSPHRASE_FILE_BYTES)).toString('utf8');
    // Editors and `echo` end the file with a newline that is not part of the passphrase; only one is removed.
    const passphrase = text.replace(/\r?\n$/, '');
    if (passphrase === '')
        throw new output_1.UsageError(`--key-passphrase-file: ${file} is empty.`);
    return passphrase;
}
/** Flags every network subcommand takes. */
exports.NETWORK_OPTIONS = {
    'ca-file': { type: 'string' },
    insecure: { type: 'boolean' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
};
/** parseArgs with strict checking; its errors become usage errors (exit 2). */
function parse(argv, options, allowPositionals = false) {
    try {
        const { values, positionals } = (0, node_util_1.parseArgs)({ args: [...argv], options, allowPositionals, strict: true });
        return { values: values, positionals };
    }
    catch (e) {
        throw new output_1.UsageError(e instanceof Error ? e.message : String(e));
    }
}
function stringValue(values, name) {
    const v = values[name];
    return typeof v === 'string' ? v : undefined;
}
function requiredString(values, name) {
    const v = stringValue(values, name);
    if (v === undefined || v === '')
        throw new output_1.UsageError(`--${name} is required.`);
    return v;
}
/** `--timeout SECONDS` → milliseconds. */
function timeoutMs(values) {
    const raw = stringValue(values, 'timeout');
    if (raw === undefined)
        return undefined;
    const seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds <= 0)
        throw new output_1.UsageError(`--timeout must be a positive number of seconds, not "${raw}".`);
    return Math.round(seconds * 1000);
}
/** The network options of a subcommand; `--insecure` is announced on stderr every time, because it is dangerous. */
function networkOptions(values, io) {
    const insecure = values.insecure === true;
    if (insecure)
        io.stderr('warning: --insecure: the server certificate is NOT verified; use only against a local cluster.\n');
    const caFile = stringValue(values, 'ca-file');
    return { caFile: caFile ? path.resolve(caFile) : undefined, insecure, timeoutMs: timeoutMs(values) };
}
/**
 * The key, info URL and server CA for `--cert`, by the one resolver (`lifecycle/resolve.ts`): flags win, then the
 * remembered connection (paths inside the certificate's folder only), then the naming rules for the key.
 */
async function resolveGatewayInputs(values, net) {
    const { certFile, infoUrl } = gatewayTarget(values);
    const inputs = await (0, resolve_1.resolveCertificateInputs)(certFile, { keyFile: stringValue(values, 'key'), infoUrl, caFile: net.caFile });
    return { certFile, keyFile: await (0, resolve_1.chooseKeyFile)(inputs), infoUrl: inputs.infoUrl, caFile: inputs.caFile };
}
/** `--cert` and `--info-url | --domain` (neither: the lifecycle falls back to the remembered connection). */
function gatewayTarget(values) {
    const certFile = path.resolve(requiredString(values, 'cert'));
    const explicitUrl = stringValue(values, 'info-url');
    const domain = stringValue(values, 'domain');
    if (explicitUrl && domain)
        throw new output_1.UsageError('Pass either --info-url or --domain, not both.');
    return { certFile, infoUrl: explicitUrl ?? (domain ? (0, management_1.infoUrlForDomain)(domain) : undefined) };
}
//# sourceMappingURL=args.js.map