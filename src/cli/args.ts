import * as path from 'node:path';
import { readRegularFile } from '../io/boundedRead';
import { infoUrlForDomain } from '../lifecycle/management';
import { chooseKeyFile, resolveCertificateInputs } from '../lifecycle/resolve';
import type { NetworkOptions } from '../lifecycle/tls-options';
import { UsageError, type Io } from './output';
import type { Options, Values } from './parse';

/** Flags of the subcommands that call a certificate's gateway (renew, revoke). */
export const GATEWAY_OPTIONS = {
  cert: { type: 'string' },
  key: { type: 'string' },
  'info-url': { type: 'string' },
  domain: { type: 'string' },
} as const satisfies Options;

/** Flags of the subcommands that read or write a private key: how to get the passphrase of an encrypted key. */
export const KEY_PASSPHRASE_OPTIONS = {
  'key-passphrase-env': { type: 'string' },
  'key-passphrase-file': { type: 'string' },
} as const satisfies Options;

export const KEY_PASSPHRASE_USAGE = `  --key-passphrase-env VAR   passphrase of an encrypted key, from this environment variable
  --key-passphrase-file FILE passphrase of an encrypted key, from this file (one trailing newline is ignored)`;

/** A passphrase file holds one line; anything near this size is the wrong file. */
const MAX_PASSPHRASE_FILE_BYTES = 4096;

/**
 * The key passphrase from `--key-passphrase-env VAR` or `--key-passphrase-file FILE`, or undefined. Never taken from
 * the command line itself (it would show in `ps` and shell history), never printed, never put in an error.
 */
export async function keyPassphrase(values: Values): Promise<string | undefined> {
  const envName = stringValue(values, 'key-passphrase-env');
  const file = stringValue(values, 'key-passphrase-file');
  if (envName !== undefined && file !== undefined) throw new UsageError('Pass either --key-passphrase-env or --key-passphrase-file, not both.');
  if (envName !== undefined) {
    const value = process.env[envName];
    if (value === undefined || value === '') throw new UsageError(`--key-passphrase-env: the environment variable ${envName} is not set or empty.`);
    return value;
  }
  if (file === undefined) return undefined;
  const text = (await readRegularFile(path.resolve(file), MAX_PASSPHRASE_FILE_BYTES)).toString('utf8');
  // Editors and `echo` end the file with a newline that is not part of the passphrase; only one is removed.
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase === '') throw new UsageError(`--key-passphrase-file: ${file} is empty.`);
  return passphrase;
}

/** Flags every network subcommand takes. */
export const NETWORK_OPTIONS = {
  'ca-file': { type: 'string' },
  insecure: { type: 'boolean' },
  proxy: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export { parse, type Values } from './parse';

export function stringValue(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requiredString(values: Values, name: string): string {
  const v = stringValue(values, name);
  if (v === undefined || v === '') throw new UsageError(`--${name} is required.`);
  return v;
}

/** `--timeout SECONDS` → milliseconds. */
export function timeoutMs(values: Values): number | undefined {
  const raw = stringValue(values, 'timeout');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not "${raw}".`);
  return Math.round(seconds * 1000);
}

export const PROXY_USAGE = `  --proxy URL             HTTP(S) proxy for the CONNECT tunnel, also for loopback targets (default: HTTPS_PROXY /
                          HTTP_PROXY, which loopback targets bypass; NO_PROXY is honoured either way)`;

/** The network options of a subcommand; `--insecure` is announced on stderr every time, because it is dangerous. */
export function networkOptions(values: Values, io: Io): NetworkOptions {
  const insecure = values.insecure === true;
  if (insecure) io.stderr('warning: --insecure: the server certificate is NOT verified; use only against a local cluster.\n');
  const caFile = stringValue(values, 'ca-file');
  const proxyUrl = stringValue(values, 'proxy');
  // An explicit --proxy means "this proxy for this target", loopback included (a proxy in front of a local cluster).
  const proxy = proxyUrl === undefined ? undefined : { url: proxyUrl, includeLoopback: true };
  return { caFile: caFile ? path.resolve(caFile) : undefined, insecure, timeoutMs: timeoutMs(values), proxy };
}

/**
 * The key, info URL and server CA for `--cert`, by the one resolver (`lifecycle/resolve.ts`): flags win, then the
 * remembered connection (paths inside the certificate's folder only), then the naming rules for the key.
 */
export async function resolveGatewayInputs(
  values: Values,
  net: NetworkOptions,
): Promise<{ certFile: string; keyFile: string; infoUrl?: string; caFile?: string }> {
  const { certFile, infoUrl } = gatewayTarget(values);
  const inputs = await resolveCertificateInputs(certFile, { keyFile: stringValue(values, 'key'), infoUrl, caFile: net.caFile });
  return { certFile, keyFile: await chooseKeyFile(inputs), infoUrl: inputs.infoUrl, caFile: inputs.caFile };
}

/** `--cert` and `--info-url | --domain` (neither: the lifecycle falls back to the remembered connection). */
export function gatewayTarget(values: Values): { certFile: string; infoUrl?: string } {
  const certFile = path.resolve(requiredString(values, 'cert'));
  const explicitUrl = stringValue(values, 'info-url');
  const domain = stringValue(values, 'domain');
  if (explicitUrl && domain) throw new UsageError('Pass either --info-url or --domain, not both.');
  return { certFile, infoUrl: explicitUrl ?? (domain ? infoUrlForDomain(domain) : undefined) };
}
