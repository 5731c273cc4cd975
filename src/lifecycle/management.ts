import type { ConnectorClient } from '../connector/client';
import { parseConnectorSubject, type DnAttribute } from '../core/dn';
import { KymaCertError } from '../core/errors';
import { connectionFileFor } from '../core/pairing';
import { readConnection, type RememberedConnection } from './connection';
import type { NetworkOptions } from './tls-options';

/** The URL and network options a workflow will use, after explicit values and the remembered connection are merged. */
export interface ResolvedConnection {
  infoUrl: string;
  network: NetworkOptions;
  remembered?: RememberedConnection;
}

/** The management/info URL for a cluster domain (spec §1: `https://gateway.$DOMAIN/...`). */
export function infoUrlForDomain(domain: string): string {
  const host = domain.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return `https://gateway.${host}/v1/applications/management/info`;
}

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
 * Explicit request values win over the remembered connection; a missing info URL is a `config` error that names
 * what to set. A broken connection file only matters when we need it.
 */
export async function resolveConnection(
  certFile: string,
  req: NetworkOptions & { infoUrl?: string },
): Promise<ResolvedConnection> {
  let remembered: RememberedConnection | undefined;
  try {
    remembered = await readConnection(certFile);
  } catch (e) {
    if (req.infoUrl === undefined) throw e;
  }
  const infoUrl = req.infoUrl ?? remembered?.infoUrl;
  if (infoUrl === undefined) {
    throw new KymaCertError(
      'config',
      `No management info URL is known for ${certFile}.`,
      `Pass --info-url URL or --domain DOMAIN (in the editor: the "Info URL" setting) once; it is then remembered in ${connectionFileFor(certFile)}.`,
    );
  }
  return {
    infoUrl: checkHttpsUrl(infoUrl, 'The management info URL'),
    network: {
      caFile: req.caFile ?? remembered?.caFile,
      insecure: req.insecure,
      timeoutMs: req.timeoutMs,
      signal: req.signal,
      proxy: req.proxy,
    },
    remembered,
  };
}

/** What management/info tells a certificate holder (spec §4). */
export interface ManagementAnswer {
  subject: DnAttribute[];
  renewCertUrl: string;
  revokeCertUrl: string;
}

/** Calls management/info and checks that the answer has what renewal and revocation need. */
export async function askForSubject(client: ConnectorClient, infoUrl: string): Promise<ManagementAnswer> {
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
  return { subject, renewCertUrl, revokeCertUrl };
}
