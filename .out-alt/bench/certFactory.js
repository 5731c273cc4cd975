"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createCertificateFactory = createCertificateFactory;
/**
 * Certificates for the bench, made with the tests' one certificate factory (test/unit/helpers/certs.ts): a
 * cluster-like client CA and client certificates with Kyma subjects. RSA-2048 keys come from a small named pool
 * (key generation would otherwise dominate the set-up time); each certificate still gets its own serial.
 */
const certs_1 = require("../test/unit/helpers/certs");
/** A CA plus `keyPoolSize` RSA-2048 keys shared by the client certificates. */
function createCertificateFactory(keyPoolSize = 8) {
    const now = Date.now();
    const ca = (0, certs_1.makeCa)({ subject: (0, certs_1.kymaSubject)('application-connector-ca'), notBefore: new Date(now - 10 * certs_1.DAY_MS), validDays: 3660, keyName: 'bench-ca' });
    return {
        caPem: ca.certPem,
        client(i, variant = 0) {
            // Some valid, some expiring, some expired: the index and inspect do the same work for each, but it is realistic.
            const notBefore = new Date(now - ((i * 37) % 190) * certs_1.DAY_MS + variant * 1000);
            const key = (0, certs_1.keyNamed)(`bench-${i % keyPoolSize}`);
            const { certPem, keyPem } = (0, certs_1.makeLeaf)(ca, { subject: (0, certs_1.kymaSubject)(`bench-app-${i}`), notBefore, validDays: 92, key });
            return { certPem, keyPem };
        },
    };
}
//# sourceMappingURL=certFactory.js.map