/** The Connector Service client: see docs/ARCHITECTURE.md. */
export { ConnectorClient, DEFAULT_TIMEOUT_MS } from './client';
export type { ConnectorClientOptions } from './client';
export type { ConnectorTlsOptions } from './tls';
export type * from './types';
export { HINT_NEW_TOKEN, HINT_UNTRUSTED_SERVER, HINT_CLIENT_CERT_REJECTED, REVOKED_MESSAGE } from './errors';
