"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CompassPaths = void 0;
exports.faultEndpointFor = faultEndpointFor;
exports.CompassPaths = {
    connector: '/connector/graphql',
    director: '/director/graphql',
};
/**
 * The Kyma flavor's fault endpoint names, reused so that one fault matrix drives both flavors: the token-host
 * `configuration` is "signingRequestInfo", its `signCertificateSigningRequest` "certificates"; over mTLS they are
 * "managementInfo" and "renewals"; `revokeCertificate` is "revocations".
 */
function faultEndpointFor(rootField, mtls) {
    switch (rootField) {
        case 'configuration':
            return mtls ? 'managementInfo' : 'signingRequestInfo';
        case 'signCertificateSigningRequest':
            return mtls ? 'renewals' : 'certificates';
        case 'revokeCertificate':
            return 'revocations';
        default:
            return undefined;
    }
}
//# sourceMappingURL=context.js.map