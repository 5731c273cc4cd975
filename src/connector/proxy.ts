import { isIP } from 'node:net';
import { KymaCertError } from '../core/errors';

/**
 * Where a corporate proxy comes from. The CLI passes `--proxy`, the editor VS Code's `http.proxy` / `http.noProxy`;
 * whatever is not given falls back to the environment (https_proxy, HTTPS_PROXY, http_proxy, HTTP_PROXY; no_proxy,
 * NO_PROXY), as curl, npm and VS Code read it.
 */
export interface ProxySettings {
  /** `http://[user:password@]host:port` (or https://). Empty string: no proxy, whatever the environment says. */
  url?: string;
  /** Hosts that go direct, NO_PROXY syntax (`a.example.com,.corp,10.0.0.1,host:8443,*`); added to NO_PROXY. */
  noProxy?: readonly string[];
  /**
   * Loopback targets (localhost, 127.0.0.0/8, ::1) go direct unless this is set: a proxy cannot reach the user's own
   * machine. `kyma-cert --proxy URL` sets it (an explicit flag means "this proxy, for this target").
   */
  includeLoopback?: boolean;
}

/** Error code of a CONNECT the proxy did not answer with 200 (agent.ts throws it, errors.ts explains it). */
export const PROXY_REFUSED = 'EKYMAPROXYREFUSED';

type Env = Readonly<Record<string, string | undefined>>;

/** The proxy for an https `target`, or undefined for a direct connection. */
export function proxyFor(target: URL, settings: ProxySettings = {}, env: Env = process.env): URL | undefined {
  const raw = settings.url ?? firstSet(env, ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']);
  if (!raw) return undefined;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!settings.includeLoopback && isLoopback(host)) return undefined;
  const noProxy = [...(settings.noProxy ?? []), ...(firstSet(env, ['no_proxy', 'NO_PROXY']) ?? '').split(/[\s,]+/)];
  const port = Number(target.port) || 443;
  if (noProxy.some((entry) => bypasses(entry.trim().toLowerCase(), host, port))) return undefined;
  return parseProxyUrl(raw);
}

/** `host:port` of a proxy, for messages: never the user name or password of the URL. */
export function describeProxy(proxy: URL): string {
  return proxy.host;
}

function firstSet(env: Env, names: readonly string[]): string | undefined {
  for (const name of names) if (env[name] !== undefined) return env[name];
  return undefined;
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** curl's NO_PROXY rules: `*`, exact host, domain suffix (`corp`, `.corp`, `*.corp` all cover `a.corp`), `:port`. */
function bypasses(entry: string, host: string, port: number): boolean {
  if (entry === '') return false;
  if (entry === '*') return true;
  const withPort = /^(.*):(\d+)$/.exec(entry);
  let name = withPort && !entry.includes('::') ? withPort[1] : entry;
  if (withPort && !entry.includes('::') && Number(withPort[2]) !== port) return false;
  name = name.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
  if (isIP(name) !== 0 || isIP(host) !== 0) return name === host;
  return host === name || host.endsWith(`.${name}`);
}

function parseProxyUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    throw new KymaCertError('config', 'The proxy setting is not a URL.', 'Use http://host:port (or http://user:password@host:port).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new KymaCertError('config', `Proxy scheme ${url.protocol} is not supported.`, 'Use an HTTP(S) proxy that supports CONNECT: http://host:port.');
  }
  return url;
}
