import { KymaCertError } from '../core/errors';

/**
 * What a user was given to connect an application, in every form in use (compass-connector-api.md §9 "client input
 * rule", connector-service-api.md §3), turned into what a backend needs. Pure: no I/O. The token never appears in a
 * message.
 */

export type BackendKind = 'kyma' | 'compass';

/** Where the input came from, for messages ("a Compass rawEncoded blob"). */
export type TokenSource = 'kyma-token-url' | 'adapter-legacy-url' | 'compass-raw-encoded' | 'raw-token';

export type ConnectorToken =
  /** Kyma 1.x REST, also the connectivity adapter: the signingRequests/info URL with `?token=`. */
  | { readonly backend: 'kyma'; readonly source: TokenSource; readonly tokenUrl: string }
  /** Compass GraphQL: the raw token for the `Connector-Token` header and the token host's `/connector/graphql`. */
  | { readonly backend: 'compass'; readonly source: TokenSource; readonly token: string; readonly connectorUrl: string };

export const TOKEN_FORMS_HINT =
  'Paste one of: the Kyma token URL (https://connector-service.<domain>/v1/applications/signingRequests/info?token=…), ' +
  'the Compass "legacy connector URL" (https://adapter-gateway.<domain>/v1/applications/signingRequests/info?token=…), ' +
  'the Compass "data to connect the application" (base64), or a raw token together with the connector URL.';

const SIGNING_REQUEST_INFO = '/v1/applications/signingRequests/info';

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function requireHttps(url: URL, what: string): void {
  if (url.protocol !== 'https:') throw new KymaCertError('config', `${what} must be an https URL.`, 'The Connector is only reachable over https.');
}

/** Step 1 of the rule: base64 (standard or URL-safe, wrapped or not) of JSON with a non-empty `token`. */
function decodeBlob(text: string): { token: string; connectorURL?: unknown } | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 8 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return undefined;
  const decoded = Buffer.from(compact.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  if (!decoded.trimStart().startsWith('{')) return undefined;
  try {
    const json = JSON.parse(decoded) as { token?: unknown; connectorURL?: unknown };
    return typeof json.token === 'string' && json.token !== '' ? { token: json.token, connectorURL: json.connectorURL } : undefined;
  } catch {
    return undefined;
  }
}

/** A GraphQL endpoint (`…/connector/graphql`) means Compass; anything else is the REST contract. */
export function backendOfUrl(url: string): BackendKind {
  const parsed = parseUrl(url);
  return parsed !== undefined && /\/graphql\/?$/.test(parsed.pathname) ? 'compass' : 'kyma';
}

/** A raw token plus a connector URL: GraphQL URL → Compass; REST base or signingRequests/info URL → `?token=` appended. */
function fromRawToken(token: string, connectorUrl: string | undefined): ConnectorToken {
  // Tokens are base64 (URL-safe in Compass and Kyma); anything else is a paste of something we do not know.
  if (!/^[A-Za-z0-9+/_.-]+={0,2}$/.test(token)) {
    throw new KymaCertError('config', 'The token is not in a form kyma-cert recognises.', TOKEN_FORMS_HINT);
  }
  if (connectorUrl === undefined || connectorUrl.trim() === '') {
    throw new KymaCertError(
      'config',
      'A raw one-time token needs the connector URL it belongs to.',
      'Pass --connector-url URL (the Compass connectorURL …/connector/graphql, or the Kyma connector-service URL).',
    );
  }
  const url = parseUrl(connectorUrl.trim());
  if (url === undefined) throw new KymaCertError('config', 'The connector URL is not a URL.', TOKEN_FORMS_HINT);
  requireHttps(url, 'The connector URL');
  if (backendOfUrl(url.href) === 'compass') return { backend: 'compass', source: 'raw-token', token, connectorUrl: url.href };
  if (!url.pathname.endsWith(SIGNING_REQUEST_INFO)) url.pathname = `${url.pathname.replace(/\/+$/, '')}${SIGNING_REQUEST_INFO}`;
  url.search = '';
  url.searchParams.set('token', token);
  return { backend: 'kyma', source: 'raw-token', tokenUrl: url.href };
}

/**
 * The client input rule of §9, which mirrors the Director's own: (1) base64 of JSON with `token` → Compass with its
 * `connectorURL` (the nested "suggested token" form included); (2) a URL with `?token=` → the REST contract (Kyma 1.x
 * or the connectivity adapter's legacyConnectorURL); (3) anything else is a raw token and needs `connectorUrl`.
 */
export function parseTokenInput(input: string, connectorUrl?: string): ConnectorToken {
  const text = input.trim();
  if (text === '') throw new KymaCertError('config', 'No one-time token was given.', TOKEN_FORMS_HINT);

  const blob = decodeBlob(text);
  if (blob !== undefined) {
    const nested = decodeBlob(blob.token);
    const token = nested?.token ?? blob.token;
    const url = typeof blob.connectorURL === 'string' && blob.connectorURL !== '' ? blob.connectorURL : connectorUrl;
    if (url === undefined) {
      throw new KymaCertError(
        'config',
        'The Compass token data holds no connectorURL.',
        'Pass --connector-url URL (the Compass connectorURL …/connector/graphql).',
      );
    }
    const parsed = parseUrl(url);
    if (parsed === undefined) throw new KymaCertError('config', 'The Compass token data holds a connectorURL that is not a URL.', TOKEN_FORMS_HINT);
    requireHttps(parsed, 'The Compass connectorURL');
    return { backend: 'compass', source: 'compass-raw-encoded', token, connectorUrl: parsed.href };
  }

  const url = parseUrl(text);
  if (url !== undefined) {
    if (!url.searchParams.get('token')) {
      throw new KymaCertError('config', `The URL ${url.origin}${url.pathname} carries no ?token=.`, TOKEN_FORMS_HINT);
    }
    requireHttps(url, 'The token URL');
    const source: TokenSource = url.hostname.startsWith('adapter-gateway') ? 'adapter-legacy-url' : 'kyma-token-url';
    return { backend: 'kyma', source, tokenUrl: url.href };
  }
  return fromRawToken(text, connectorUrl);
}

/** A short, secret-free description of the input ("Compass rawEncoded token data"). */
export function describeTokenSource(source: TokenSource): string {
  switch (source) {
    case 'kyma-token-url':
      return 'Kyma token URL';
    case 'adapter-legacy-url':
      return 'Compass legacy connector URL (connectivity adapter)';
    case 'compass-raw-encoded':
      return 'Compass token data (rawEncoded)';
    case 'raw-token':
      return 'raw token';
  }
}

/** True when `input` is a bare token: it can only be used together with a connector URL. */
export function needsConnectorUrl(input: string): boolean {
  try {
    return parseTokenInput(input, 'https://connector.invalid/connector/graphql').source === 'raw-token';
  } catch {
    return false;
  }
}
