import { parseConnectorSubject, type DnAttribute } from '../core/dn';
import { KymaCertError } from '../core/errors';
import { requireSameServiceUrl } from '../core/serviceHosts';
import { ConnectorClient, type ConnectorClientOptions } from './client';
import { CompassClient } from './compass/client';
import { backendOfUrl, type BackendKind, type ConnectorToken } from './tokenInput';
import type { IssuedCertificates } from './types';

/**
 * The one seam between the certificate workflows and the two wire contracts: Kyma 1.x REST (which the Compass
 * connectivity adapter also speaks) and the Compass Connector's GraphQL. The workflows (verify before write, atomic
 * write, backups, lock, rollback) only ever talk to this interface.
 *
 * Every URL a server hands back is held to the URL the user gave or remembered (its host or the documented partner
 * host, core/serviceHosts.ts) before anything is sent there: a CSR, a token, or the client certificate.
 */

/** Where a certificate is managed: what `<name>.kyma.json` remembers so renewals need no flags. */
export interface ManagementLocation {
  readonly backend: BackendKind;
  /** Kyma/adapter: management/info URL. Compass: `certificateSecuredConnectorURL` (…/connector/graphql on the mTLS host). */
  readonly url: string;
  /** Compass only: the Director for this certificate (`managementPlaneInfo.directorURL`). */
  readonly directorUrl?: string;
}

/** A redeemed one-time token: the subject to request, and one chance to have a CSR signed. */
export interface Onboarding {
  readonly subject: DnAttribute[];
  readonly location: ManagementLocation;
  /** Spends the follow-up token: call at most once, with a CSR already checked locally. */
  sign(csrPem: string): Promise<IssuedCertificates>;
}

/** What a valid certificate may do over mTLS. */
export interface Management {
  readonly subject: DnAttribute[];
  renew(csrPem: string): Promise<IssuedCertificates>;
  revoke(): Promise<void>;
}

export interface ConnectorBackend {
  readonly kind: BackendKind;
  /** Spends the user's token: subject + management location + a signer for the next token. */
  redeemToken(token: ConnectorToken): Promise<Onboarding>;
  /** Asks with the client certificate of this backend's TLS options. */
  management(location: ManagementLocation): Promise<Management>;
}

/** Guesses the backend of a remembered or configured URL when the file does not say (older `.kyma.json`). */
export function locationFor(url: string, backend?: BackendKind, directorUrl?: string): ManagementLocation {
  return { backend: backend ?? backendOfUrl(url), url, directorUrl };
}

function readSubject(text: string, where: string): DnAttribute[] {
  let subject: DnAttribute[];
  try {
    subject = parseConnectorSubject(text);
  } catch (e) {
    throw new KymaCertError('server', `${where} returned a subject we cannot read: ${text}`, undefined, { cause: e });
  }
  if (!subject.some((a) => a.type === 'CN')) throw new KymaCertError('server', `${where} returned a subject without CN: ${text}`);
  return subject;
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new KymaCertError('server', `The answer lacks ${what}.`);
  return value;
}

/** Kyma 1.x REST and the connectivity adapter (compass-connector-api.md §10.4: CN ≠ application name is fine here). */
class RestBackend implements ConnectorBackend {
  readonly kind = 'kyma' as const;
  constructor(private readonly client: ConnectorClient) {}

  async redeemToken(token: ConnectorToken): Promise<Onboarding> {
    if (token.backend !== 'kyma') throw new KymaCertError('config', 'This token is for the Compass Connector, not a Kyma REST endpoint.');
    const info = await this.client.getSigningRequestInfo(token.tokenUrl);
    const csrUrl = requireSameServiceUrl(token.tokenUrl, requireString(info?.csrUrl, 'csrUrl'), 'csrUrl');
    const infoUrl = requireSameServiceUrl(token.tokenUrl, requireString(info?.api?.infoUrl, 'api.infoUrl'), 'api.infoUrl');
    const subject = readSubject(requireString(info?.certificate?.subject, 'certificate.subject'), 'The token answer');
    return { subject, location: { backend: 'kyma', url: infoUrl }, sign: (csrPem) => this.client.signCsrWithToken(csrUrl, csrPem) };
  }

  async management(location: ManagementLocation): Promise<Management> {
    const info = await this.client.getManagementInfo(location.url);
    const renewUrl = requireString(info?.urls?.renewCertUrl, 'urls.renewCertUrl');
    const revokeUrl = requireString(info?.urls?.revokeCertUrl, 'urls.revokeCertUrl');
    const subject = readSubject(requireString(info?.certificate?.subject, 'certificate.subject'), 'management/info');
    // Only the URL a workflow is about to use is checked, so the error names that one.
    return {
      subject,
      renew: (csrPem) => this.client.renew(requireSameServiceUrl(location.url, renewUrl, 'renewCertUrl'), csrPem),
      revoke: () => this.client.revoke(requireSameServiceUrl(location.url, revokeUrl, 'revokeCertUrl')),
    };
  }
}

/** Compass GraphQL (compass-connector-api.md §4, §12): renewal = configuration + sign over mTLS on the secured URL. */
class CompassBackend implements ConnectorBackend {
  readonly kind = 'compass' as const;
  constructor(private readonly client: CompassClient) {}

  async redeemToken(token: ConnectorToken): Promise<Onboarding> {
    if (token.backend !== 'compass') throw new KymaCertError('config', 'This token URL is for a Kyma REST endpoint, not the Compass Connector.');
    const configuration = await this.client.configuration(token.connectorUrl, token.token);
    const next = requireString(configuration.token, 'token.token (the token for the signing request)');
    const secured = requireSameServiceUrl(
      token.connectorUrl,
      requireString(configuration.certificateSecuredConnectorUrl, 'managementPlaneInfo.certificateSecuredConnectorURL'),
      'certificateSecuredConnectorURL',
    );
    const director = configuration.directorUrl && requireSameServiceUrl(token.connectorUrl, configuration.directorUrl, 'directorURL');
    return {
      subject: readSubject(configuration.subject, 'configuration'),
      location: { backend: 'compass', url: secured, directorUrl: director },
      sign: (csrPem) => this.client.signCsr(token.connectorUrl, csrPem, next),
    };
  }

  async management(location: ManagementLocation): Promise<Management> {
    const configuration = await this.client.configuration(location.url);
    return {
      subject: readSubject(configuration.subject, 'configuration'),
      renew: (csrPem) => this.client.signCsr(location.url, csrPem),
      revoke: () => this.client.revoke(location.url),
    };
  }
}

export function createBackend(kind: BackendKind, options: ConnectorClientOptions): ConnectorBackend {
  return kind === 'compass' ? new CompassBackend(new CompassClient(options)) : new RestBackend(new ConnectorClient(options));
}
