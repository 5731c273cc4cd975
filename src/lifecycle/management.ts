import { locationFor, type ManagementLocation } from '../connector/backend';
import { KymaCertError } from '../core/errors';
import { connectionFileFor } from '../core/pairing';
import type { RememberedConnection } from './connection';
import { requireInfoUrl, resolveCertificateInputs } from './resolve';
import type { NetworkOptions } from './tls-options';

/** The URL and network options a workflow will use, after explicit values and the remembered connection are merged. */
export interface ResolvedConnection {
  infoUrl: string;
  /** Which backend, and its URLs: the remembered kind for the remembered URL, else guessed from the URL. */
  location: ManagementLocation;
  network: NetworkOptions;
  remembered?: RememberedConnection;
}

export { infoUrlForDomain } from './precedence';

/** Checks that a URL is an absolute https URL; the service is only reachable over TLS. */
export function checkHttpsUrl(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new KymaCertError('config', `${what} "${url}" is not a URL.`, 'Use the form https://gateway.<domain>/v1/applications/management/info.');
  }
  if (parsed.protocol !== 'https:') {
    throw new KymaCertError('config', `${what} "${url}" is not an https URL.`, 'The Connector Service is only reachable over https.');
  }
  return url;
}

/**
 * The info URL and network options of a workflow: the request's values are explicit and win; what they leave open
 * comes from the remembered connection (`resolve.ts`). A broken connection file only matters when we need it.
 */
export async function resolveConnection(certFile: string, req: NetworkOptions & { infoUrl?: string }): Promise<ResolvedConnection> {
  const inputs = await resolveCertificateInputs(certFile, { infoUrl: req.infoUrl, caFile: req.caFile });
  const infoUrl = requireInfoUrl(inputs, connectionFileFor(certFile));
  return {
    infoUrl: checkHttpsUrl(infoUrl, 'The management info URL'),
    location:
      inputs.remembered !== undefined && infoUrl === inputs.remembered.infoUrl
        ? locationFor(infoUrl, inputs.remembered.backend ?? 'kyma', inputs.remembered.directorUrl)
        : locationFor(infoUrl),
    network: { caFile: inputs.caFile, insecure: req.insecure, timeoutMs: req.timeoutMs, signal: req.signal, proxy: req.proxy },
    remembered: inputs.remembered,
  };
}
