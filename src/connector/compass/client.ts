import { HINT_NEW_CERTIFICATE, KymaCertError } from '../../core/errors';
import { ConnectorClient, decodeCertificates, parseJsonObject, type ConnectorClientOptions } from '../client';
import { errorFromResponse, HINT_CSR_SUBJECT, unusableResponse } from '../errors';
import type { IssuedCertificates } from '../types';

/**
 * Client of the Compass Connector's GraphQL API (compass-connector-api.md §2–§6, §12): `Connector-Token` header on
 * the token host, the client certificate on `certificateSecuredConnectorURL`, the CSR always as a GraphQL variable.
 * Every failure is a KymaCertError; tokens, keys and CSRs never appear in messages.
 */

/** `configuration` as the first call of the tutorial asks for it (everything in one round trip, §12). */
const CONFIGURATION_QUERY =
  'query { result: configuration { token { token } certificateSigningRequestInfo { subject keyAlgorithm } managementPlaneInfo { directorURL certificateSecuredConnectorURL } } }';
const SIGN_MUTATION = 'mutation($csr: String!) { result: signCertificateSigningRequest(csr: $csr) { certificateChain caCertificate clientCertificate } }';
const REVOKE_MUTATION = 'mutation { result: revokeCertificate }';

export const HINT_COMPASS_TOKEN =
  'Compass one-time tokens work once (they are spent the moment they are presented, even when the call fails) and expire after 5 minutes: ask for a new token (Compass console "Connect Application", or requestOneTimeTokenForApplication) and use it right away.';
export const HINT_COMPASS_CERTIFICATE = `The certificate was revoked or is unknown to Compass (a revoked certificate loses its identity on every route). ${HINT_NEW_CERTIFICATE}`;

/** The answer of `configuration`. */
export interface CompassConfiguration {
  /** A fresh one-time token on the same identity (minted by every call, also over mTLS). */
  token?: string;
  /** `O=…,OU=…,L=…,ST=…,C=…,CN=<SystemAuth id>` */
  subject: string;
  keyAlgorithm?: string;
  directorUrl?: string;
  certificateSecuredConnectorUrl?: string;
}

type Json = Record<string, unknown>;

function field(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Json)[key] : undefined), value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export class CompassClient {
  private readonly http: ConnectorClient;

  constructor(options: ConnectorClientOptions = {}) {
    this.http = new ConnectorClient(options);
  }

  /** `configuration` with a one-time token (token host) or, without one, with the client certificate (mTLS host). */
  async configuration(url: string, token?: string): Promise<CompassConfiguration> {
    const operation = token === undefined ? 'Reading the Compass configuration' : 'Redeeming the one-time token';
    const { status, result } = await this.call(operation, url, { query: CONFIGURATION_QUERY }, token);
    const subject = optionalString(field(result, 'certificateSigningRequestInfo', 'subject'));
    if (subject === undefined) throw unusableResponse(operation, status, 'missing field "certificateSigningRequestInfo.subject"');
    return {
      token: optionalString(field(result, 'token', 'token')),
      subject,
      keyAlgorithm: optionalString(field(result, 'certificateSigningRequestInfo', 'keyAlgorithm')),
      directorUrl: optionalString(field(result, 'managementPlaneInfo', 'directorURL')),
      certificateSecuredConnectorUrl: optionalString(field(result, 'managementPlaneInfo', 'certificateSecuredConnectorURL')),
    };
  }

  /** `signCertificateSigningRequest` with the token from `configuration`, or over mTLS for a renewal. */
  async signCsr(url: string, csrPem: string, token?: string): Promise<IssuedCertificates> {
    const operation = token === undefined ? 'Renewing the certificate' : 'Requesting a certificate with the one-time token';
    if (token === undefined) this.http.requireClientCertificate(operation);
    // Base64 of the PEM text, as a variable: no escaping or newline problems (§12).
    const variables = { csr: Buffer.from(csrPem, 'utf8').toString('base64') };
    const { status, result } = await this.call(operation, url, { query: SIGN_MUTATION, variables }, token);
    try {
      // The chain is client → CA (→ root): the same check as the REST answer's crt = clientCrt + caCrt.
      return decodeCertificates({
        crt: field(result, 'certificateChain'),
        clientCrt: field(result, 'clientCertificate'),
        caCrt: field(result, 'caCertificate'),
      });
    } catch (e) {
      throw unusableResponse(operation, status, (e as Error).message);
    }
  }

  /** `revokeCertificate` over mTLS: revokes the presented certificate. Not idempotent: a second call is "not authenticated". */
  async revoke(url: string): Promise<void> {
    const operation = 'Revoking the certificate';
    this.http.requireClientCertificate(operation);
    const { status, result } = await this.call(operation, url, { query: REVOKE_MUTATION });
    if (result !== true) throw unusableResponse(operation, status, 'revokeCertificate did not answer true');
  }

  /** One GraphQL POST; returns `data.result` or throws the mapped error. */
  private async call(operation: string, url: string, payload: Json, token?: string): Promise<{ status: number; result: unknown }> {
    const headers: Record<string, string> = token === undefined ? {} : { 'Connector-Token': token };
    const { status, body } = await this.http.request(operation, 'POST', url, JSON.stringify(payload), [200, 400, 406, 422], headers);
    if (status === 400 && body.trim() === '') throw notAuthenticated(operation, token !== undefined);
    let json: Json;
    try {
      json = parseJsonObject(body);
    } catch (e) {
      if (status !== 200) throw errorFromResponse(operation, status, body);
      throw unusableResponse(operation, status, (e as Error).message);
    }
    const message = optionalString(field(json, 'errors', '0', 'message'));
    if (message !== undefined) throw graphqlError(operation, status, message, token !== undefined);
    if (status !== 200) throw unusableResponse(operation, status, 'an error status without GraphQL errors');
    return { status, result: field(json, 'data', 'result') };
  }
}

/**
 * Through Oathkeeper every authentication failure arrives as HTTP 400 with an empty body (§3.3): a used, expired or
 * unknown token, or a revoked, foreign or unknown certificate.
 */
function notAuthenticated(operation: string, withToken: boolean): KymaCertError {
  if (withToken) {
    return new KymaCertError(
      'invalid-token',
      `${operation}: Compass did not accept the one-time token (used, expired or unknown; HTTP 400, not authenticated).`,
      HINT_COMPASS_TOKEN,
      {
        status: 400,
        remedy: { kind: 'new-token' },
      },
    );
  }
  return new KymaCertError('revoked', `${operation}: Compass did not accept the client certificate (HTTP 400, not authenticated).`, HINT_COMPASS_CERTIFICATE, {
    status: 400,
    remedy: { kind: 'new-certificate-with-token', data: { reason: 'revoked' } },
  });
}

/** A GraphQL error (200 from a resolver, 4xx from the transport) → the KymaCertError kind that says what to do. */
function graphqlError(operation: string, status: number, message: string, withToken: boolean): KymaCertError {
  const options = { status, serverMessage: message };
  const said = `${operation} failed (HTTP ${status}): ${message}`;
  if (message.includes('CSR: ') || message.includes('Certificate Signing Request')) return new KymaCertError('bad-request', said, HINT_CSR_SUBJECT, options);
  if (message.startsWith('Failed to authenticate')) {
    return withToken
      ? new KymaCertError('invalid-token', said, HINT_COMPASS_TOKEN, { ...options, remedy: { kind: 'new-token' } })
      : new KymaCertError('revoked', said, HINT_COMPASS_CERTIFICATE, {
          ...options,
          remedy: { kind: 'new-certificate-with-token', data: { reason: 'revoked' } },
        });
  }
  if (status === 422 || status === 406 || message === 'transport not supported') {
    return new KymaCertError('server', said, 'The Compass Connector refused the request itself; this is a bug in kyma-cert, please report it.', options);
  }
  return new KymaCertError('server', said, undefined, { ...options, remedy: { kind: 'retry-later' } });
}
