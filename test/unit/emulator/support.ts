/**
 * Shared helpers for the emulator and connector tests: raw HTTP(S) requests (to see bytes, headers and status
 * exactly as the wire carries them) and CSR bodies.
 */
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
