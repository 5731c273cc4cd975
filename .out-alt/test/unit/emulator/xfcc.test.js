"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/** The XFCC parser written as §8.1 describes the service's headerparser.go, and the header the emulator synthesises. */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const emulator_1 = require("../../../src/emulator");
const xfcc_1 = require("../../../src/emulator/xfcc");
const KYMA_EXAMPLE = 'Hash=f4cf22fb633d4df500e371daf703d4b4d14a0ea9d69cd631f95f9e6ba840f8ad;Subject="CN=test-application,OU=OrgUnit,O=Organization,L=Waldorf,ST=Waldorf,C=DE";URI=,By=spiffe://cluster.local/ns/kyma-integration/sa/default;Hash=6d1f9f3a413226;Subject="";URI=spiffe://cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account';
(0, node_test_1.describe)('parseXfcc', () => {
    (0, node_test_1.it)('reads the Kyma example header: application from CN, hash of the matching element', () => {
        strict_1.default.deepEqual((0, xfcc_1.parseXfcc)(KYMA_EXAMPLE, emulator_1.DEFAULT_SUBJECT), {
            kind: 'identity',
            application: 'test-application',
            hash: 'f4cf22fb633d4df500e371daf703d4b4d14a0ea9d69cd631f95f9e6ba840f8ad',
        });
    });
    (0, node_test_1.it)('takes the first element whose O/OU/C/L/ST match, zipping Subjects and Hashes by index', () => {
        const header = 'Hash=aa;Subject="CN=wrong,O=Other,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE",Hash=bb;Subject="C=DE,ST=Waldorf,L=Waldorf,O=Organization,OU=OrgUnit,CN=right"';
        strict_1.default.deepEqual((0, xfcc_1.parseXfcc)(header, emulator_1.DEFAULT_SUBJECT), { kind: 'identity', application: 'right', hash: 'bb' });
    });
    (0, node_test_1.it)('reports the service messages for an empty header, no matching subject and an empty CN', () => {
        strict_1.default.deepEqual((0, xfcc_1.parseXfcc)('', emulator_1.DEFAULT_SUBJECT), { kind: 'error', message: 'Invalid certificate: Certificate header is empty' });
        strict_1.default.deepEqual((0, xfcc_1.parseXfcc)('Hash=aa;Subject="CN=x,O=Other"', emulator_1.DEFAULT_SUBJECT), {
            kind: 'error',
            message: 'Invalid certificate: Failed to get certificate subject from header.',
        });
        strict_1.default.deepEqual((0, xfcc_1.parseXfcc)('Hash=aa;Subject="O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE"', emulator_1.DEFAULT_SUBJECT), {
            kind: 'error',
            message: 'Invalid certificate: Empty Common Name in certificate header',
        });
    });
    (0, node_test_1.it)('models the Go index-out-of-range when there are more Subjects than Hashes', () => {
        strict_1.default.deepEqual((0, xfcc_1.parseXfcc)('Subject="CN=a";Hash=aa;Subject="CN=b"', emulator_1.DEFAULT_SUBJECT), { kind: 'panic' });
    });
    (0, node_test_1.it)('round-trips what the emulator synthesises, including the sidecar element', () => {
        const header = (0, xfcc_1.synthesizeXfcc)('0a1b', 'CN=my-app,C=DE,ST=Waldorf,L=Waldorf,OU=OrgUnit,O=Organization', 'ffee');
        strict_1.default.match(header, /^Hash=0a1b;Subject="CN=my-app,[^"]+";URI=,By=spiffe:[^;]+;Hash=ffee;Subject="";URI=spiffe:/);
        strict_1.default.deepEqual((0, xfcc_1.parseXfcc)(header, emulator_1.DEFAULT_SUBJECT), { kind: 'identity', application: 'my-app', hash: '0a1b' });
    });
});
//# sourceMappingURL=xfcc.test.js.map