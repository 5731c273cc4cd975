import type { ConnectorClient } from '../connector/client';
import { parseConnectorSubject, type DnAttribute } from '../core/dn';
import { KymaCertError } from '../core/errors';
import { connectionFileFor } from '../core/pairing';
import type { RememberedConnection } from './connection';
import { requireSameServiceUrl } from '../core/serviceHosts';
import { requireInfoUrl, resolveCertificateInputs } from './resolve';
import type { NetworkOptions } from './tls-options';

/** The URL and network options a workflow will use, after explicit values and the remembered connection are merged. */
export interface ResolvedConnection {
  infoUrl: string;
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
export async function resolveConnection(
  certFile: string,
  req: NetworkOptions & { infoUrl?: string },
): Promise<ResolvedConnection> {
  const inputs = await resolveCertificateInputs(certFile, { infoUrl: req.infoUrl, caFile: req.caFile });
  const infoUrl = requireInfoUrl(inputs, connectionFileFor(certFile));
  return {
    infoUrl: checkHttpsUrl(infoUrl, 'The management info URL'),
    network: { caFile: inputs.caFile, insecure: req.insecure, timeoutMs: req.timeoutMs, signal: req.signal, proxy: req.proxy },
    remembered: inputs.remembered,
  };
}

/** What management/info tells a certificate holder (spec §4). */
export interface ManagementAnswer {
  subject: DnAttribute[];
  renewCertUrl: string;
  revokeCertUrl: string;
}

/**
 * Calls management/info and checks that the answer has what renewal and revocation need, including that the URL
 * about to be `use`d is on the info URL's host or its partner (`core/serviceHosts.ts`): the client certificate
 * goes nowhere else.
 */
export async function askForSubject(client: ConnectorClient, infoUrl: string, use: 'renew' | 'revoke'): Promise<ManagementAnswer> {
  const info = await client.getManagementInfo(infoUrl);
  const subjectText = info?.certificate?.subject;
  const renewCertUrl = info?.urls?.renewCertUrl;
  const revokeCertUrl = info?.urls?.revokeCertUrl;
  if (typeof subjectText !== 'string' || typeof renewCertUrl !== 'string' || typeof revokeCertUrl !== 'string') {
    throw new KymaCertError('server', 'management/info did not return certificate.subject and the renewal/revocation URLs.');
  }
  let subject: DnAttribute[];
  try {
    subject = parseConnectorSubject(subjectText);
  } catch (e) {
    throw new KymaCertError('server', `management/info returned a subject we cannot read: ${subjectText}`, undefined, { cause: e });
  }
  if (!subject.some((a) => a.type === 'CN')) {
    throw new KymaCertError('server', `management/info returned a subject without CN: ${subjectText}`);
  }
  // Only the URL this workflow will call is checked, so the error names the one that would have been used.
  requireSameServiceUrl(infoUrl, use === 'renew' ? renewCertUrl : revokeCertUrl, use === 'renew' ? 'renewCertUrl' : 'revokeCertUrl');
  return { subject, renewCertUrl, revokeCertUrl };
}
