/**
 * The emulator's wire contract, checked with raw HTTPS requests (no client library in between): status codes,
 * exact error bodies, Content-Type, field order, trailing newline, token rules and revocation
 * (connector-service-api.md §2–§6, §10).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createCsr } from '../../../src/core/csr';
import type { DnAttribute } from '../../../src/core/dn';
import { startEmulator, Emulator } from '../../../src/emulator';
import { keyNamed, kymaSubject } from '../helpers/certs';
import { csrBody, errorBody, JSON_CONTENT_TYPE, jsonBody, rawRequest, RawResponse, REORDERED_SUBJECT_WITH_EXTRAS } from './support';

const INFO_PATH = '/v1/applications/signingRequests/info';
const CERTS_PATH = '/v1/applications/certificates';

let emulator: Emulator;
let clockMs = Date.now();

before(async () => {
  emulator = await startEmulator({ now: () => new Date(clockMs) });
});
after(() => emulator.close());

const key = () => keyNamed('wire-app-key');
const get = (url: string) => rawRequest(url, { ca: emulator.serverCaPem });
const post = (url: string, body?: string) => rawRequest(url, { method: 'POST', body, ca: emulator.serverCaPem });

function assertError(response: RawResponse, status: number, message: string): void {
  assert.equal(response.status, status, response.body);
  assert.equal(response.headers['content-type'], JSON_CONTENT_TYPE);
  assert.equal(response.body, errorBody(status, message));
}

/** Subject from the Kyma defaults with some attributes replaced or removed (undefined). */
function subjectWith(changes: Record<string, string | undefined>): DnAttribute[] {
  return kymaSubject('my-app')
    .filter((a) => !(a.type in changes) || changes[a.type] !== undefined)
    .map((a) => (a.type in changes ? { type: a.type, value: changes[a.type] as string } : a));
}

async function csrUrlFor(application = 'my-app'): Promise<string> {
  const info = await get(emulator.mintToken(application).url);
  assert.equal(info.status, 200);
  return JSON.parse(info.body).csrUrl as string;
}

describe('signingRequests/info', () => {
  it('answers 200 with the documented fields in Go order, JSON content type and a trailing newline', async () => {
    const { url, token } = emulator.mintToken('my-app');
    const body = jsonBody(await get(url), 200);
    assert.deepEqual(Object.keys(body), ['csrUrl', 'api', 'certificate']);
    assert.deepEqual(Object.keys(body.api), ['eventsInfoUrl', 'eventsUrl', 'metadataUrl', 'infoUrl', 'certificatesUrl']);
    assert.deepEqual(body.certificate, {
      subject: 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app',
      extensions: '',
      'key-algorithm': 'rsa2048',
    });
    assert.deepEqual(Object.keys(body.certificate), ['subject', 'extensions', 'key-algorithm']);
    assert.equal(body.api.infoUrl, emulator.infoUrl);
    assert.equal(body.api.eventsUrl, `${emulator.gatewayUrl}/my-app/v1/events`);
    assert.equal(body.api.eventsInfoUrl, `${emulator.gatewayUrl}/my-app/v1/events/subscribed`);
    assert.equal(body.api.metadataUrl, `${emulator.gatewayUrl}/my-app/v1/metadata/services`);
    assert.equal(body.api.certificatesUrl, `${emulator.connectorUrl}${CERTS_PATH}`);
    const csrUrl = new URL(body.csrUrl);
    assert.equal(`${csrUrl.origin}${csrUrl.pathname}`, `${emulator.connectorUrl}${CERTS_PATH}`);
    assert.notEqual(csrUrl.searchParams.get('token'), token, 'csrUrl carries a NEW token');
  });

  it('mints 88-character URL-safe base64 tokens with padding, unencoded in the URL', () => {
    const { url, token } = emulator.mintToken('my-app');
    assert.match(token, /^[A-Za-z0-9_-]{86}==$/);
    assert.equal(url, `${emulator.connectorUrl}${INFO_PATH}?token=${token}`);
  });

  it('rejects a missing token and an unknown token with the 403 messages', async () => {
    assertError(await get(`${emulator.connectorUrl}${INFO_PATH}`), 403, 'Token not provided.');
    assertError(await get(`${emulator.connectorUrl}${INFO_PATH}?token=`), 403, 'Token not provided.');
    assertError(await get(`${emulator.connectorUrl}${INFO_PATH}?token=nope`), 403, 'Invalid token.');
  });

  it('is single use: the same token URL answers 403 the second time', async () => {
    const { url } = emulator.mintToken('my-app');
    assert.equal((await get(url)).status, 200);
    assertError(await get(url), 403, 'Invalid token.');
  });

  it('keeps the token when the answer was not 200 (a failed attempt can be retried)', async () => {
    const { url } = emulator.mintToken('my-app');
    emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'status', status: 500 });
    assert.equal((await get(url)).status, 500);
    assert.equal((await get(url)).status, 200);
  });

  it('expires tokens after the TTL (5 minutes by the injected clock), valid up to the last millisecond', async () => {
    const start = clockMs;
    try {
      const first = emulator.mintToken('my-app');
      const second = emulator.mintToken('my-app');
      clockMs = start + 5 * 60_000;
      assert.equal((await get(first.url)).status, 200, 'valid exactly at the TTL');
      clockMs = start + 5 * 60_000 + 1;
      assertError(await get(second.url), 403, 'Invalid token.');
    } finally {
      clockMs = start;
    }
  });

  it('gives the csrUrl token the same TTL, counted from the info call', async () => {
    const start = clockMs;
    try {
      const csrUrl = await csrUrlFor();
      clockMs = start + 5 * 60_000 + 1;
      assertError(await post(csrUrl, csrBody(createCsr(kymaSubject(), key()))), 403, 'Invalid token.');
    } finally {
      clockMs = start;
    }
  });
});

describe('POST certificates?token=', () => {
  it('answers 201 {crt, clientCrt, caCrt}: base64 PEM, crt = client PEM + CA PEM', async () => {
    const body = jsonBody(await post(await csrUrlFor(), csrBody(createCsr(kymaSubject(), key()))), 201);
    assert.deepEqual(Object.keys(body), ['crt', 'clientCrt', 'caCrt']);
    const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
    assert.equal(decode(body.caCrt), emulator.clientCaPem);
    assert.match(decode(body.clientCrt), /^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    assert.equal(decode(body.crt), decode(body.clientCrt) + decode(body.caCrt));
  });

  it('consumes the csrUrl token on 201 only: a failed attempt can be retried, a used one cannot', async () => {
    const csrUrl = await csrUrlFor();
    const wrong = await post(csrUrl, csrBody(createCsr(subjectWith({ CN: 'other-app' }), key())));
    assertError(wrong, 400, 'CSR: Invalid common name provided.');
    assert.equal((await post(csrUrl, 'not json')).status, 500);
    assert.equal((await post(csrUrl, csrBody(createCsr(kymaSubject(), key())))).status, 201);
    assertError(await post(csrUrl, csrBody(createCsr(kymaSubject(), key()))), 403, 'Invalid token.');
  });

  it('checks the token before the body', async () => {
    assertError(await post(`${emulator.connectorUrl}${CERTS_PATH}`, 'not json'), 403, 'Token not provided.');
    assertError(await post(`${emulator.connectorUrl}${CERTS_PATH}?token=x`, 'not json'), 403, 'Invalid token.');
  });

  it('answers invalid JSON (empty body included) with 500 "Error while unmarshalling request body: …"', async () => {
    const csrUrl = await csrUrlFor();
    assertError(await post(csrUrl, ''), 500, 'Error while unmarshalling request body: unexpected end of JSON input');
    assertError(await post(csrUrl, 'x'), 500, "Error while unmarshalling request body: invalid character 'x' looking for beginning of value");
    const wrapped = `{"csr":"${Buffer.from(createCsr(kymaSubject(), key()))
      .toString('base64')
      .replace(/(.{76})/g, '$1\n')}"}`;
    const response = await post(csrUrl, wrapped);
    assert.equal(response.status, 500, 'raw newlines inside a JSON string make the JSON invalid');
    assert.match(JSON.parse(response.body).error, /^Error while unmarshalling request body: /);
    const typed = await post(csrUrl, '{"csr": 5}');
    assertError(typed, 500, 'Error while unmarshalling request body: json: cannot unmarshal number into Go struct field certRequest.csr of type string');
  });

  it('accepts base64 wrapped with escaped newlines, and a case-insensitive field name, like Go', async () => {
    const b64 = Buffer.from(createCsr(kymaSubject(), key()))
      .toString('base64')
      .replace(/(.{76})/g, '$1\n');
    assert.equal((await post(await csrUrlFor(), JSON.stringify({ csr: b64 }))).status, 201);
    assert.equal((await post(await csrUrlFor(), JSON.stringify({ CSR: Buffer.from(createCsr(kymaSubject(), key())).toString('base64') }))).status, 201);
  });

  it('answers 400 for base64, PEM, CSR parse and signature errors with the service messages', async () => {
    const csrUrl = await csrUrlFor();
    assertError(await post(csrUrl, '{"csr":"%%%"}'), 400, 'There was an error while parsing the base64 content. An incorrect value was provided.');
    assertError(await post(csrUrl, '{"csr":"QUJD"}'), 400, 'Error while decoding pem block.');
    assertError(await post(csrUrl, '{"csr":""}'), 400, 'Error while decoding pem block.');
    assertError(await post(csrUrl, '{}'), 400, 'Error while decoding pem block.');
    const notCsr = `-----BEGIN CERTIFICATE REQUEST-----\n${Buffer.from('0\x03\x02\x01\x00', 'latin1').toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    const parse = await post(csrUrl, csrBody(notCsr));
    assert.equal(parse.status, 400);
    assert.match(JSON.parse(parse.body).error, /^Error while parsing CSR: /);
    const csrDer = Buffer.from(createCsr(kymaSubject(), key()).replace(/-----[^-]+-----|\s/g, ''), 'base64');
    csrDer[csrDer.length - 1] ^= 0xff; // flip bits of the signature
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${csrDer.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    assertError(await post(csrUrl, csrBody(tampered)), 400, 'CSR signature invalid: crypto/rsa: verification error');
  });

  it('checks the CSR subject in the service order: CN, C, O, OU, L, ST (first value of each)', async () => {
    const csrUrl = await csrUrlFor();
    const cases: Array<[Record<string, string | undefined>, string]> = [
      [{ CN: 'x', C: undefined, O: undefined }, 'CSR: Invalid common name provided.'],
      [{ CN: undefined }, 'CSR: Invalid common name provided.'],
      [{ C: undefined, O: 'x' }, 'CSR: No country provided.'],
      [{ C: 'PL', O: 'x' }, 'CSR: Invalid country provided.'],
      [{ O: undefined, OU: 'x' }, 'CSR: No organization provided.'],
      [{ O: 'x', OU: undefined }, 'CSR: Invalid organization provided.'],
      [{ OU: undefined, L: 'x' }, 'CSR: No organizational unit provided.'],
      [{ OU: 'x' }, 'CSR: Invalid organizational unit provided.'],
      [{ L: undefined, ST: 'x' }, 'CSR: No locality provided.'],
      [{ L: 'x' }, 'CSR: Invalid locality provided.'],
      [{ ST: undefined }, 'CSR: No province provided.'],
      [{ ST: 'x' }, 'CSR: Invalid province provided.'],
    ];
    for (const [changes, message] of cases) {
      assertError(await post(csrUrl, csrBody(createCsr(subjectWith(changes), key()))), 400, message);
    }
  });

  it('ignores RDN order, a second OU and extra attributes', async () => {
    const response = await post(await csrUrlFor(), csrBody(createCsr(REORDERED_SUBJECT_WITH_EXTRAS, key())));
    assert.equal(response.status, 201, response.body);
  });
});

describe('internal API', () => {
  it('POST /v1/applications/tokens: 201 {url, token} with header Application, 400 without', async () => {
    const ok = await rawRequest(`${emulator.internalUrl}/v1/applications/tokens`, {
      method: 'POST',
      headers: { Application: 'demo', 'Content-Type': 'application/json' },
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.headers['content-type'], JSON_CONTENT_TYPE);
    const body = JSON.parse(ok.body);
    assert.deepEqual(Object.keys(body), ['url', 'token']);
    assert.equal(body.url, `${emulator.connectorUrl}${INFO_PATH}?token=${body.token}`);
    const info = JSON.parse((await get(body.url)).body);
    assert.equal(info.certificate.subject, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=demo');
    assertError(
      await rawRequest(`${emulator.internalUrl}/v1/applications/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }),
      400,
      'Required headers for ApplicationContext not specified.',
    );
  });

  it('POST /v1/applications/certificates/revocations: 201 empty body, case-insensitive field, 400s', async () => {
    const url = `${emulator.internalUrl}/v1/applications/certificates/revocations`;
    const headers = { 'Content-Type': 'application/json' };
    const ok = await rawRequest(url, { method: 'POST', headers, body: '{"Hash":"abc123"}' });
    assert.equal(ok.status, 201);
    assert.equal(ok.body, '');
    assert.equal(ok.headers['content-type'], JSON_CONTENT_TYPE);
    assert.ok(emulator.isRevoked('abc123'));
    assertError(
      await rawRequest(url, { method: 'POST', headers, body: '{}' }),
      400,
      'Error while unmarshalling request body: certificate hash value not provided.',
    );
    const bad = await rawRequest(url, { method: 'POST', headers, body: '{hash: x}' });
    assert.equal(bad.status, 400);
    assert.match(JSON.parse(bad.body).error, /^Error while unmarshalling request body: /);
  });
});

describe('routing', () => {
  it('answers unknown paths 404 and wrong methods 405 with the service messages', async () => {
    assertError(await get(`${emulator.connectorUrl}/v1/health`), 404, 'Requested resource could not be found.');
    assertError(await get(`${emulator.connectorUrl}${CERTS_PATH}`), 405, 'Method not allowed.');
    assertError(await post(`${emulator.connectorUrl}${INFO_PATH}`), 405, 'Method not allowed.');
    assertError(await rawRequest(`${emulator.internalUrl}/v1/applications/tokens`), 405, 'Method not allowed.');
    assertError(await rawRequest(`${emulator.internalUrl}/nothing`), 404, 'Requested resource could not be found.');
  });

  it('serves the mTLS routes on the gateway only', async () => {
    assertError(await get(`${emulator.connectorUrl}/v1/applications/management/info`), 404, 'Requested resource could not be found.');
  });
});
