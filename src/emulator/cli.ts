import { KymaCertError } from '../core/errors';
import { EmulatorOptions, parseDuration } from './options';
import { isLoopbackHost, startEmulator } from './server';

/** `kyma-cert emulator` usage text. */
export const EMULATOR_USAGE = `Usage: kyma-cert emulator [options]

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

function parsePort(flag: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new KymaCertError('config', `${flag} must be a port number (0-65535), got "${value}"`);
  }
  return port;
}

function parseDurationFlag(flag: string, value: string): number {
  try {
    return parseDuration(value);
  } catch (e) {
    throw new KymaCertError('config', `${flag}: ${(e as Error).message}`);
  }
}

/** Parses the emulator flags (`--flag value` or `--flag=value`). Throws KymaCertError('config') on bad input. */
export function parseEmulatorArgs(argv: readonly string[]): EmulatorOptions & { help?: boolean; flavor?: 'kyma' | 'compass' } {
  const options: EmulatorOptions & { help?: boolean; flavor?: 'kyma' | 'compass' } = {};
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
    if (value === undefined) throw new KymaCertError('config', `${flag} needs a value`, 'Run kyma-cert emulator --help for the options.');
    switch (flag) {
      case '--flavor':
        if (value !== 'kyma' && value !== 'compass') throw new KymaCertError('config', '--flavor must be kyma or compass');
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
        if (value !== '2048' && value !== '4096') throw new KymaCertError('config', '--ca-key-bits must be 2048 or 4096');
        options.caKeyBits = Number(value) as 2048 | 4096;
        break;
      default:
        throw new KymaCertError('config', `unknown option ${flag}`, 'Run kyma-cert emulator --help for the options.');
    }
  }
  return options;
}

/**
 * Runs the emulator in the foreground: one JSON line on stdout when ready, one stderr line per request
 * (method, path, status), until SIGINT or SIGTERM; then closes the listeners and resolves.
 */
export async function runEmulatorCli(argv: string[]): Promise<void> {
  const { help, flavor, ...options } = parseEmulatorArgs(argv);
  if (help) {
    process.stdout.write(EMULATOR_USAGE);
    return;
  }
  if (options.listenAny && !isLoopbackHost(options.host ?? '127.0.0.1')) {
    process.stderr.write(
      `warning: --listen-any: the emulator listens on ${options.host}; anyone who can reach its internal port can mint tokens and get certificates.\n`,
    );
  }
  const log = (line: string): boolean => process.stderr.write(`${line}\n`);
  let emulator: { close(): Promise<void> };
  if (flavor === 'compass') {
    // Loaded only for this flavor: it brings graphql-js along.
    const { startCompassEmulator } = await import('./compass/server');
    const compass = await startCompassEmulator({ ...options, log });
    const { connectorUrl, certificateSecuredConnectorUrl, directorUrl, adapterUrl, adapterMtlsUrl, internalUrl, serverCaFile, clientCaFile } = compass;
    const ready = { flavor, connectorUrl, certificateSecuredConnectorUrl, directorUrl, adapterUrl, adapterMtlsUrl, internalUrl, serverCaFile, clientCaFile };
    process.stdout.write(`${JSON.stringify(ready)}\n`);
    emulator = compass;
  } else {
    const kyma = await startEmulator({ ...options, log });
    const { connectorUrl, gatewayUrl, internalUrl, infoUrl, serverCaFile, clientCaFile } = kyma;
    process.stdout.write(`${JSON.stringify({ connectorUrl, gatewayUrl, internalUrl, infoUrl, serverCaFile, clientCaFile })}\n`);
    emulator = kyma;
  }
  const signal = await new Promise<NodeJS.Signals>((resolveSignal) => {
    const onSignal = (s: NodeJS.Signals): void => {
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
