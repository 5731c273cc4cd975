import axios, { AxiosResponse } from 'axios';
import { X509Certificate } from 'node:crypto';
import { parseCryptoFile } from '../core/pem';
import { KymaCertError } from '../core/errors';
import { describeUrl, errorFromResponse, errorFromTransport, isChainNotTrusted, MAX_RESPONSE_BYTES, unusableResponse } from './errors';
import type * as https from 'node:https';
import { agentFor, handshakeCompleted } from './agent';
import { firstTrust, widenTrust, type ConnectorTlsOptions, type Trust } from './tls';
import type { CertificateRequestBody, IssuedCertificates, ManagementInfo, SigningRequestInfo } from './types';

export interface ConnectorClientOptions {
  tls?: ConnectorTlsOptions;
  /** Whole-request deadline (connect + TLS + answer); default 30 s. */
  timeoutMs?: number;
  /** Cancels any request in flight → KymaCertError('cancelled'). */
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(value: Json, path: string): string {
  const found = path.split('.').reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), value);
  if (typeof found !== 'string' || found === '') throw new Error(`missing field "${path}"`);
  return found;
}

function decodePemField(body: Json, field: string): { pem: string; certificates: Buffer[] } {
  const value = requireString(body, field);
  const compact = value.replace(/[\r\n]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new Error(`"${field}" is not base64`);
  const pem = Buffer.from(compact, 'base64').toString('utf8');
  const certificates = parseCryptoFile(pem)
    .blocks.filter((b) => b.kind === 'certificate' && b.problem === undefined)
    .map((b) => b.der);
  if (certificates.length === 0) throw new Error(`"${field}" holds no PEM certificate`);
  for (const der of certificates) {
    try {
      new X509Certificate(der);
    } catch {
      throw new Error(`"${field}" holds a certificate that cannot be parsed`);
    }
  }
  return { pem, certificates };
}

/** Checks the 201 body: three base64 PEM texts, one client certificate, crt = clientCrt followed by caCrt. */
export function decodeCertificates(body: Json): IssuedCertificates {
  const crt = decodePemField(body, 'crt');
  const client = decodePemField(body, 'clientCrt');
  const ca = decodePemField(body, 'caCrt');
  if (client.certificates.length !== 1) throw new Error(`"clientCrt" holds ${client.certificates.length} certificates, expected 1`);
  const expected = [...client.certificates, ...ca.certificates];
  const consistent = crt.certificates.length === expected.length && crt.certificates.every((der, i) => der.equals(expected[i]));
  if (!consistent) throw new Error('"crt" is not the client certificate followed by the CA certificate(s)');
  return { crtPem: crt.pem, clientCrtPem: client.pem, caCrtPem: ca.pem };
}

export function parseJsonObject(text: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('body is not JSON');
  }
  if (!isObject(value)) throw new Error('body is not a JSON object');
  return value;
}

// The answer decoders: pure, text or JSON in, a typed value or KymaCertError('server') out. The client uses them,
// and the property test (test/unit/core/parsers.property.test.ts) feeds them mutated answers.

/** The JSON object of an answer body. */
export function answerBody(operation: string, status: number, text: string): Json {
  try {
    return parseJsonObject(text);
  } catch (e) {
    throw unusableResponse(operation, status, (e as Error).message);
  }
}

/** `body` as a T once every field in `paths` is a non-empty string. */
function withStringFields<T>(operation: string, status: number, body: Json, paths: readonly string[]): T {
  try {
    for (const path of paths) requireString(body, path);
    return body as unknown as T;
  } catch (e) {
    throw unusableResponse(operation, status, (e as Error).message);
  }
}

/** signingRequests/info (spec §3): csrUrl and the subject to request. */
export function signingRequestInfoFrom(operation: string, status: number, body: Json): SigningRequestInfo {
  return withStringFields(operation, status, body, ['csrUrl', 'certificate.subject']);
}

/** management/info (spec §4): the identity, the renewal and revocation URLs, the subject. */
export function managementInfoFrom(operation: string, status: number, body: Json): ManagementInfo {
  return withStringFields(operation, status, body, ['clientIdentity.application', 'urls.renewCertUrl', 'urls.revokeCertUrl', 'certificate.subject']);
}

/** A 201 certificate answer → { crtPem, clientCrtPem, caCrtPem }. */
export function certificatesFrom(operation: string, status: number, body: Json): IssuedCertificates {
  try {
    return decodeCertificates(body);
  } catch (e) {
    throw unusableResponse(operation, status, (e as Error).message);
  }
}

/**
 * Client of the Connector Service REST API (connector-service-api.md §3–§6). One instance per set of credentials;
 * every failure is a KymaCertError. Keys, CSRs and tokens never appear in messages.
 */
export class ConnectorClient {
  private readonly tls: ConnectorTlsOptions;
  private readonly timeoutMs: number;
  private readonly signal?: AbortSignal;

  constructor(options: ConnectorClientOptions = {}) {
    this.tls = options.tls ?? {};
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.signal = options.signal;
  }

  /** GET signingRequests/info?token=… (the URL is used exactly as given; the token is single-use). */
  async getSigningRequestInfo(tokenUrl: string): Promise<SigningRequestInfo> {
    const operation = 'Reading the signing request info';
    const { status, body } = await this.requestJson(operation, 'GET', tokenUrl, undefined, [200]);
    return signingRequestInfoFrom(operation, status, body);
  }

  /** POST certificates?token=… with the CSR; returns the decoded certificates. */
  async signCsrWithToken(csrUrl: string, csrPem: string): Promise<IssuedCertificates> {
    return this.postCsr('Requesting a certificate with the one-time token', csrUrl, csrPem);
  }

  /** GET management/info over mTLS (needs tls.certPem/keyPem). */
  async getManagementInfo(infoUrl: string): Promise<ManagementInfo> {
    const operation = 'Reading the management info';
    this.requireClientCertificate(operation);
    const { status, body } = await this.requestJson(operation, 'GET', infoUrl, undefined, [200]);
    return managementInfoFrom(operation, status, body);
  }

  /** POST certificates/renewals over mTLS with a CSR for the subject from management/info. */
  async renew(renewUrl: string, csrPem: string): Promise<IssuedCertificates> {
    const operation = 'Renewing the certificate';
    this.requireClientCertificate(operation);
    return this.postCsr(operation, renewUrl, csrPem);
  }

  /** POST certificates/revocations over mTLS: revokes the presented certificate (201, empty body; idempotent). */
  async revoke(revokeUrl: string): Promise<void> {
    const operation = 'Revoking the certificate';
    this.requireClientCertificate(operation);
    await this.send(operation, 'POST', revokeUrl, undefined, [200, 201, 204]);
  }

  /**
   * One request with this client's TLS settings, timeout and cancellation; other backends' clients (Compass GraphQL)
   * build on it. Statuses outside `expected` become a KymaCertError; the body is returned as text.
   */
  async request(
    operation: string,
    method: 'GET' | 'POST',
    url: string,
    data: string | undefined,
    expected: number[],
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: string }> {
    const response = await this.send(operation, method, url, data, expected, headers);
    return { status: response.status, body: String(response.data ?? '') };
  }

  /** True when this client presents a client certificate (mTLS calls). */
  get hasClientCertificate(): boolean {
    return Boolean(this.tls.certPem && this.tls.keyPem);
  }

  requireClientCertificate(operation: string): void {
    if (!this.tls.certPem || !this.tls.keyPem) {
      throw new KymaCertError('config', `${operation} needs the client certificate and its private key`);
    }
  }

  private async postCsr(operation: string, url: string, csrPem: string): Promise<IssuedCertificates> {
    // Base64 of the PEM text on ONE line: wrapped base64 inside JSON is a classic source of 500s.
    const payload: CertificateRequestBody = { csr: Buffer.from(csrPem, 'utf8').toString('base64') };
    const { status, body } = await this.requestJson(operation, 'POST', url, JSON.stringify(payload), [201]);
    return certificatesFrom(operation, status, body);
  }

  private async requestJson(
    operation: string,
    method: 'GET' | 'POST',
    url: string,
    data: string | undefined,
    expected: number[],
  ): Promise<{ status: number; body: Json }> {
    const response = await this.send(operation, method, url, data, expected);
    return { status: response.status, body: answerBody(operation, response.status, response.data) };
  }

  private async send(
    operation: string,
    method: 'GET' | 'POST',
    url: string,
    data: string | undefined,
    expected: number[],
    extraHeaders: Record<string, string> = {},
  ): Promise<AxiosResponse<string>> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new KymaCertError('config', `${operation}: not a valid URL`);
    }
    if (parsed.protocol !== 'https:') {
      throw new KymaCertError('config', `${operation}: ${describeUrl(url)} is not an https URL`, 'The Connector Service is only reachable over HTTPS.');
    }
    if (this.signal?.aborted) throw new KymaCertError('cancelled', `${operation} was cancelled`);

    const trust = firstTrust(this.tls, parsed.host);
    const agent = await this.agent(operation, parsed, trust);
    const controller = new AbortController();
    let timedOut = false;
    let cancelled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = (): void => {
      cancelled = true;
      controller.abort();
    };
    this.signal?.addEventListener('abort', onAbort, { once: true });
    const attempt = (httpsAgent: https.Agent): Promise<AxiosResponse<string>> =>
      axios.request<string>({
        url,
        method,
        data,
        headers: {
          ...(data === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' }),
          ...extraHeaders,
        },
        httpsAgent,
        proxy: false,
        maxRedirects: 0,
        timeout: this.timeoutMs,
        signal: controller.signal,
        responseType: 'text',
        transformResponse: [(raw: string) => raw],
        validateStatus: () => true,
        maxContentLength: MAX_RESPONSE_BYTES,
        maxBodyLength: MAX_RESPONSE_BYTES,
        transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
      });
    try {
      let response: AxiosResponse<string>;
      try {
        response = await attempt(agent);
      } catch (e) {
        // Verified against the CA file alone and the chain needs more: the handshake failed before any request was
        // sent, so the same request goes again, verified against the system roots plus the CA file.
        if (trust !== 'ca' || !isChainNotTrusted(e) || controller.signal.aborted) throw e;
        widenTrust(this.tls, parsed.host);
        response = await attempt(await this.agent(operation, parsed, 'roots-and-ca'));
      }
      if (!expected.includes(response.status)) throw errorFromResponse(operation, response.status, String(response.data ?? ''), Boolean(this.tls.certPem));
      return response;
    } catch (e) {
      if (e instanceof KymaCertError) throw e;
      throw errorFromTransport(e, {
        operation,
        url,
        withClientCertificate: Boolean(this.tls.certPem),
        handshakeCompleted: handshakeCompleted((e as { request?: unknown } | undefined)?.request),
        clientCertificateExpired: this.clientCertificateExpired(),
        timedOut,
        cancelled,
        timeoutMs: this.timeoutMs,
      });
    } finally {
      clearTimeout(timer);
      this.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The cached agent for these TLS settings; unusable settings become a config error that echoes none of them. */
  private async agent(operation: string, target: URL, trust: Trust): Promise<https.Agent> {
    try {
      return await agentFor(this.tls, target, trust);
    } catch (e) {
      if (e instanceof KymaCertError) throw e; // a proxy setting that is not a URL
      // Unreadable CA, certificate or key: say which kind of input, never echo it.
      throw new KymaCertError(
        'config',
        `${operation}: the TLS settings cannot be used (${(e as NodeJS.ErrnoException).code ?? 'invalid PEM'})`,
        'Check the CA file, client certificate and key.',
      );
    }
  }

  private clientCertificateExpired(): boolean {
    if (!this.tls.certPem) return false;
    try {
      return new Date(new X509Certificate(this.tls.certPem).validTo).getTime() < Date.now();
    } catch {
      return false;
    }
  }
}
