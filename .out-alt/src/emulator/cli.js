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
exports.EMULATOR_USAGE = void 0;
exports.parseEmulatorArgs = parseEmulatorArgs;
exports.runEmulatorCli = runEmulatorCli;
const errors_1 = require("../core/errors");
const options_1 = require("./options");
const server_1 = require("./server");
/** `kyma-cert emulator` usage text. */
exports.EMULATOR_USAGE = `Usage: kyma-cert emulator [options]

Runs a local Kyma Connector Service (token host, mTLS gateway, internal API) until SIGINT/SIGTERM.
Prints one JSON line when ready: connectorUrl, gatewayUrl, internalUrl, infoUrl, serverCaFile, clientCaFile.
With --flavor compass: the Compass Connector (GraphQL, token and mTLS hosts), a Director stub and the
connectivity adapter (token and mTLS hosts); the JSON line is flavor, connectorUrl,
certificateSecuredConnectorUrl, directorUrl, adapterUrl, adapterMtlsUrl, internalUrl, serverCaFile, clientCaFile.
Mint a token: curl -X POST -H 'Application: my-app' -H 'Content-Type: application/json' {internalUrl}/v1/applications/tokens

Options:
  --flavor F           kyma (default) or compass
  --host H             listen address (default 127.0.0.1); loopback only unless --listen-any
  --listen-any         allow a non-loopback --host (anyone who reaches the internal port gets certificates)
  --port N             connector (token) HTTPS port (default: ephemeral)
  --gateway-port N     gateway (mTLS) HTTPS port (default: ephemeral)
  --internal-port N    internal HTTP port: POST /v1/applications/tokens (headers Application and
                       Content-Type: application/json), ... (default: ephemeral)
  --state-dir DIR      keep CAs, keys and the server certificate here across restarts (default: temp dir)
  --validity D         lifetime of issued certificates: 92d, 2h, 15m, 90s, 500ms (default 92d; compass 90d)
  --token-ttl D        one-time token lifetime (default 5m)
  --ca-key-bits N      client CA key size, 2048 or 4096 (default 2048)
`;
function parsePort(flag, value) {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new errors_1.KymaCertError('config', `${flag} must be a port number (0-65535), got "${value}"`);
    }
    return port;
}
function parseDurationFlag(flag, value) {
    try {
        return (0, options_1.parseDuration)(value);
    }
    catch (e) {
        throw new errors_1.KymaCertError('config', `${flag}: ${e.message}`);
    }
}
/** Parses the emulator flags (`--flag value` or `--flag=value`). Throws KymaCertError('config') on bad input. */
function parseEmulatorArgs(argv) {
    const options = {};
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
        if (flag === '--help' || flag === '-h') {
            options.help = true;
            continue;
        }
        if (flag === '--listen-any') {
            options.listenAny = true;
            continue;
        }
        const value = inline ?? argv[++i];
        if (value === undefined)
            throw new errors_1.KymaCertError('config', `${flag} needs a value`, 'Run kyma-cert emulator --help for the options.');
        switch (flag) {
            case '--flavor':
                if (value !== 'kyma' && value !== 'compass')
                    throw new errors_1.KymaCertError('config', '--flavor must be kyma or compass');
                options.flavor = value;
                break;
            case '--host':
                options.host = value;
                break;
            case '--port':
                options.port = parsePort(flag, value);
                break;
            case '--gateway-port':
                options.gatewayPort = parsePort(flag, value);
                break;
            case '--internal-port':
                options.internalPort = parsePort(flag, value);
                break;
            case '--state-dir':
                options.stateDir = value;
                break;
            case '--validity':
                options.validityMs = parseDurationFlag(flag, value);
                break;
            case '--token-ttl':
                options.tokenTtlMs = parseDurationFlag(flag, value);
                break;
            case '--ca-key-bits':
                if (value !== '2048' && value !== '4096')
                    throw new errors_1.KymaCertError('config', '--ca-key-bits must be 2048 or 4096');
                options.caKeyBits = Number(value);
                break;
            default:
                throw new errors_1.KymaCertError('config', `unknown option ${flag}`, 'Run kyma-cert emulator --help for the options.');
        }
    }
    return options;
}
/**
 * Runs the emulator in the foreground: one JSON line on stdout when ready, one stderr line per request
 * (method, path, status), until SIGINT or SIGTERM; then closes the listeners and resolves.
 */
async function runEmulatorCli(argv) {
    const { help, flavor, ...options } = parseEmulatorArgs(argv);
    if (help) {
        process.stdout.write(exports.EMULATOR_USAGE);
        return;
    }
    if (options.listenAny && !(0, server_1.isLoopbackHost)(options.host ?? '127.0.0.1')) {
        process.stderr.write(`warning: --listen-any: the emulator listens on ${options.host}; anyone who can reach its internal port can mint tokens and get certificates.\n`);
    }
    const log = (line) => process.stderr.write(`${line}\n`);
    let emulator;
    if (flavor === 'compass') {
        // Loaded only for this flavor: it brings graphql-js along.
        const { startCompassEmulator } = await Promise.resolve().then(() => __importStar(require('./compass/server')));
        const compass = await startCompassEmulator({ ...options, log });
        const { connectorUrl, certificateSecuredConnectorUrl, directorUrl, adapterUrl, adapterMtlsUrl, internalUrl, serverCaFile, clientCaFile } = compass;
        const ready = { flavor, connectorUrl, certificateSecuredConnectorUrl, directorUrl, adapterUrl, adapterMtlsUrl, internalUrl, serverCaFile, clientCaFile };
        process.stdout.write(`${JSON.stringify(ready)}\n`);
        emulator = compass;
    }
    else {
        const kyma = await (0, server_1.startEmulator)({ ...options, log });
        const { connectorUrl, gatewayUrl, internalUrl, infoUrl, serverCaFile, clientCaFile } = kyma;
        process.stdout.write(`${JSON.stringify({ connectorUrl, gatewayUrl, internalUrl, infoUrl, serverCaFile, clientCaFile })}\n`);
        emulator = kyma;
    }
    const signal = await new Promise((resolveSignal) => {
        const onSignal = (s) => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
            resolveSignal(s);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
    });
    process.stderr.write(`emulator: ${signal}, shutting down\n`);
    await emulator.close();
}
//# sourceMappingURL=cli.js.map