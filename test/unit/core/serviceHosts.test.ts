import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKymaCertError } from '../../../src/core/errors';
import { isSameServiceUrl, requireSameServiceUrl } from '../../../src/core/serviceHosts';

const INFO = 'https://gateway.kyma.example/v1/applications/management/info';
const TOKEN = 'https://connector-service.kyma.example/v1/applications/signingRequests/info?token=SECRET';

describe('server-handed URLs stay on the configured host or its documented partner', () => {
  it('accepts the same host (any port, any case, trailing dot) and the documented pair on the same domain', () => {
    assert.ok(isSameServiceUrl(INFO, 'https://gateway.kyma.example/v1/applications/certificates/renewals'));
    assert.ok(isSameServiceUrl(INFO, 'https://GATEWAY.kyma.example.:8443/v1/applications/certificates/renewals'));
    assert.ok(isSameServiceUrl(TOKEN, 'https://connector-service.kyma.example/v1/applications/certificates?token=T2'));
    assert.ok(isSameServiceUrl(TOKEN, 'https://gateway.kyma.example/v1/applications/management/info'));
    assert.ok(isSameServiceUrl(INFO, 'https://connector-service.kyma.example/x'));
    assert.ok(isSameServiceUrl('https://compass-gateway.d.io/connector/graphql', 'https://compass-gateway-mtls.d.io/connector/graphql'));
    assert.ok(isSameServiceUrl('https://adapter-gateway.d.io/v1/x?token=a', 'https://adapter-gateway-mtls.d.io/v1/y'));
    // The emulator: one loopback address, two ports (ports are deliberately not compared).
    assert.ok(isSameServiceUrl('https://127.0.0.1:4001/v1/x', 'https://127.0.0.1:4002/v1/y'));
  });

  it('refuses other hosts, other domains, mixed pairs, http, credentials and garbage', () => {
    for (const handed of [
      'https://evil.example/v1/applications/certificates/renewals',
      'https://gateway.kyma.example.evil.example/renewals',
      'https://gateway.other.example/renewals',
      'https://connector-service.other.example/renewals',
      'https://adapter-gateway.kyma.example/renewals',
      'https://compass-gateway-mtls.kyma.example/connector/graphql',
      'http://gateway.kyma.example/renewals',
      'https://user:pw@gateway.kyma.example/renewals',
      'https://localhost/renewals',
      'not a url',
      '',
    ]) {
      assert.equal(isSameServiceUrl(INFO, handed), false, handed);
    }
    assert.equal(isSameServiceUrl('https://127.0.0.1:1/x', 'https://localhost:1/x'), false);
    assert.equal(isSameServiceUrl('https://gateway.d.io/x', 'https://compass-gateway.d.io/x'), false);
  });

  it('requireSameServiceUrl names the field and the host, never the path or the query', () => {
    assert.throws(
      () => requireSameServiceUrl(TOKEN, 'https://evil.example:444/v1/applications/certificates?token=NEWSECRET', 'csrUrl'),
      (e: unknown) =>
        isKymaCertError(e, 'server') && /csrUrl/.test(e.message) && /evil\.example:444/.test(e.message) && !/NEWSECRET|SECRET|certificates/.test(e.message),
    );
    assert.equal(requireSameServiceUrl(INFO, 'https://gateway.kyma.example/r', 'renewCertUrl'), 'https://gateway.kyma.example/r');
  });
});
