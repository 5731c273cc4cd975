/**
 * Shared helpers for the emulator and connector tests: raw HTTP(S) requests (to see bytes, headers and status
 * exactly as the wire carries them) and CSR bodies.
 */
import assert from 'node:assert/strict';
import type { KeyObject } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { createCsr } from '../../../src/core/csr';
import type { DnAttribute } from '../../../src/core/dn';
import { kymaSubject } from '../helpers/certs';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequestOptions {
  method?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  ca?: string;
  cert?: string;
  key?: string;
}

/** One request on a fresh connection; resolves with the exact status, headers and body text. */
export function rawRequest(url: string, options: RawRequestOptions = {}): Promise<RawResponse> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
        ca: options.ca,
        cert: options.cert,
        key: options.key,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `{"csr": base64(PEM)}` exactly as the tutorial and our client send it. */
export function csrBody(csrPem: string): string {
  return JSON.stringify({ csr: Buffer.from(csrPem).toString('base64') });
}

/** A CSR for `subject` (default: the Kyma default subject of `my-app`). */
export function csrFor(key: KeyObject, subject: readonly DnAttribute[] = kymaSubject()): string {
  return createCsr(subject, key);
}

/** The service's error body, byte for byte (Go json.Encoder adds the newline). */
export function errorBody(status: number, message: string): string {
  return `${JSON.stringify({ code: status, error: message })}\n`;
}

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/**
 * Asserts a JSON answer as Go writes it (status, content type, json.Encoder's trailing newline) and returns the
 * parsed body, untyped as JSON.parse gives it: the tests check its shape.
 */
export function jsonBody(response: RawResponse, status: number): ReturnType<typeof JSON.parse> {
  assert.equal(response.status, status, response.body);
  assert.equal(response.headers['content-type'], JSON_CONTENT_TYPE);
  assert.ok(response.body.endsWith('}\n'));
  return JSON.parse(response.body);
}

/**
 * The Kyma default subject of `my-app` in another RDN order, with a second OU and an emailAddress: the service
 * ignores order and extras, and copies the subject into the certificate verbatim.
 */
export const REORDERED_SUBJECT_WITH_EXTRAS: readonly DnAttribute[] = [
  { type: 'CN', value: 'my-app' },
  { type: 'C', value: 'DE' },
  { type: 'ST', value: 'Waldorf' },
  { type: 'L', value: 'Waldorf' },
  { type: 'OU', value: 'OrgUnit' },
  { type: 'OU', value: 'Second' },
  { type: 'O', value: 'Organization' },
  { type: 'emailAddress', value: 'ops@example.com' },
];
