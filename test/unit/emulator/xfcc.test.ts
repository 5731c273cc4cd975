/** The XFCC parser written as §8.1 describes the service's headerparser.go, and the header the emulator synthesises. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SUBJECT } from '../../../src/emulator';
import { parseXfcc, synthesizeXfcc } from '../../../src/emulator/xfcc';

const KYMA_EXAMPLE =
  'Hash=f4cf22fb633d4df500e371daf703d4b4d14a0ea9d69cd631f95f9e6ba840f8ad;Subject="CN=test-application,OU=OrgUnit,O=Organization,L=Waldorf,ST=Waldorf,C=DE";URI=,By=spiffe://cluster.local/ns/kyma-integration/sa/default;Hash=6d1f9f3a413226;Subject="";URI=spiffe://cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account';

describe('parseXfcc', () => {
  it('reads the Kyma example header: application from CN, hash of the matching element', () => {
    assert.deepEqual(parseXfcc(KYMA_EXAMPLE, DEFAULT_SUBJECT), {
      kind: 'identity',
      application: 'test-application',
      hash: 'f4cf22fb633d4df500e371daf703d4b4d14a0ea9d69cd631f95f9e6ba840f8ad',
    });
  });

  it('takes the first element whose O/OU/C/L/ST match, zipping Subjects and Hashes by index', () => {
    const header =
      'Hash=aa;Subject="CN=wrong,O=Other,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE",Hash=bb;Subject="C=DE,ST=Waldorf,L=Waldorf,O=Organization,OU=OrgUnit,CN=right"';
    assert.deepEqual(parseXfcc(header, DEFAULT_SUBJECT), { kind: 'identity', application: 'right', hash: 'bb' });
  });

  it('reports the service messages for an empty header, no matching subject and an empty CN', () => {
    assert.deepEqual(parseXfcc('', DEFAULT_SUBJECT), { kind: 'error', message: 'Invalid certificate: Certificate header is empty' });
    assert.deepEqual(parseXfcc('Hash=aa;Subject="CN=x,O=Other"', DEFAULT_SUBJECT), {
      kind: 'error',
      message: 'Invalid certificate: Failed to get certificate subject from header.',
    });
    assert.deepEqual(parseXfcc('Hash=aa;Subject="O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE"', DEFAULT_SUBJECT), {
      kind: 'error',
      message: 'Invalid certificate: Empty Common Name in certificate header',
    });
  });

  it('models the Go index-out-of-range when there are more Subjects than Hashes', () => {
    assert.deepEqual(parseXfcc('Subject="CN=a";Hash=aa;Subject="CN=b"', DEFAULT_SUBJECT), { kind: 'panic' });
  });

  it('round-trips what the emulator synthesises, including the sidecar element', () => {
    const header = synthesizeXfcc('0a1b', 'CN=my-app,C=DE,ST=Waldorf,L=Waldorf,OU=OrgUnit,O=Organization', 'ffee');
    assert.match(header, /^Hash=0a1b;Subject="CN=my-app,[^"]+";URI=,By=spiffe:[^;]+;Hash=ffee;Subject="";URI=spiffe:/);
    assert.deepEqual(parseXfcc(header, DEFAULT_SUBJECT), { kind: 'identity', application: 'my-app', hash: '0a1b' });
  });
});
