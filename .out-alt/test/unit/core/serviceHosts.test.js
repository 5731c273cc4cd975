"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const serviceHosts_1 = require("../../../src/core/serviceHosts");
const INFO = 'https://gateway.kyma.example/v1/applications/management/info';
const TOKEN = 'https://connector-service.kyma.example/v1/applications/signingRequests/info?token=SECRET';
(0, node_test_1.describe)('server-handed URLs stay on the configured host or its documented partner', () => {
    (0, node_test_1.it)('accepts the same host (any port, any case, trailing dot) and the documented pair on the same domain', () => {
        strict_1.default.ok((0, serviceHosts_1.isSameServiceUrl)(INFO, 'https://gateway.kyma.example/v1/applications/certificates/renewals'));
        strict_1.default.ok((0, serviceHosts_1.isSameServiceUrl)(INFO, 'https://GATEWAY.kyma.example.:8443/v1/applications/certificates/renewals'));
        strict_1.default.ok((0, serviceHosts_1.isSameServiceUrl)(TOKEN, 'https://connector-service.kyma.example/v1/applications/certificates?token=T2'));
        strict_1.default.ok((0, serviceHosts_1.isSameServiceUrl)(TOKEN, 'https://gateway.kyma.example/v1/applications/management/info'));
        strict_1.default.ok((0, serviceHosts_1.isSameServiceUrl)(INFO, 'https://connector-service.kyma.example/x'));
        strict_1.default.ok((0, serviceHosts_1.isSameServiceUrl)('https://compass-gateway.d.io/connector/graphql', 'https://compass-gateway-mtls.d.io/connector/graphql'));
        strict_1.default.ok((0, serviceHosts_1.isSameServiceUrl)('https://adapter-gateway.d.io/v1/x?token=a', 'https://adapter-gateway-mtls.d.io/v1/y'));
        // The emulator: one loopback address, two ports (ports are deliberately not compared).
        strict_1.default.ok((0, serviceHosts_1.isSameServiceUrl)('https://127.0.0.1:4001/v1/x', 'https://127.0.0.1:4002/v1/y'));
    });
    (0, node_test_1.it)('refuses other hosts, other domains, mixed pairs, http, credentials and garbage', () => {
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
            strict_1.default.equal((0, serviceHosts_1.isSameServiceUrl)(INFO, handed), false, handed);
        }
        strict_1.default.equal((0, serviceHosts_1.isSameServiceUrl)('https://127.0.0.1:1/x', 'https://localhost:1/x'), false);
        strict_1.default.equal((0, serviceHosts_1.isSameServiceUrl)('https://gateway.d.io/x', 'https://compass-gateway.d.io/x'), false);
    });
    (0, node_test_1.it)('requireSameServiceUrl names the field and the host, never the path or the query', () => {
        strict_1.default.throws(() => (0, serviceHosts_1.requireSameServiceUrl)(TOKEN, 'https://evil.example:444/v1/applications/certificates?token=NEWSECRET', 'csrUrl'), (e) => (0, errors_1.isKymaCertError)(e, 'server') &&
            /csrUrl/.test(e.message) &&
            /evil\.example:444/.test(e.message) &&
            !/NEWSECRET|SECRET|certificates/.test(e.message));
        strict_1.default.equal((0, serviceHosts_1.requireSameServiceUrl)(INFO, 'https://gateway.kyma.example/r', 'renewCertUrl'), 'https://gateway.kyma.example/r');
    });
});
//# sourceMappingURL=serviceHosts.test.js.map