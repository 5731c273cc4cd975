"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Issuer = void 0;
exports.certificateResponse = certificateResponse;
exports.expectedSubject = expectedSubject;
const node_crypto_1 = require("node:crypto");
const dn_1 = require("../core/dn");
const keys_1 = require("../core/keys");
const pki_1 = require("./pki");
const options_1 = require("./options");
const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
function certificateResponse(clientPem, caPem, crtPem = clientPem + caPem) {
    return { crt: b64(crtPem), clientCrt: b64(clientPem), caCrt: b64(caPem) };
}
/** The connector subject for an application: the configured defaults plus CN, in the service's string order. */
function expectedSubject(defaults, application) {
    return [
        { type: 'O', value: defaults.O },
        { type: 'OU', value: defaults.OU },
        { type: 'L', value: defaults.L },
        { type: 'ST', value: defaults.ST },
        { type: 'C', value: defaults.C },
        { type: 'CN', value: application },
    ];
}
/**
 * Signs client certificates with the client CA, and produces the broken variants the certificate faults ask for.
 * The foreign key and foreign CA are generated on first use only (key generation costs ~100 ms).
 */
class Issuer {
    ca;
    validityMs;
    now;
    foreignKey;
    foreignCa;
    constructor(ca, validityMs, now) {
        this.ca = ca;
        this.validityMs = validityMs;
        this.now = now;
    }
    get caPem() {
        return this.ca.certPem;
    }
    /** Issues for an accepted CSR, applying `fault` if one is due. */
    async issue(input, fault) {
        const notBefore = this.now();
        let request = { ...input, notBefore, notAfter: new Date(notBefore.getTime() + this.validityMs) };
        let ca = this.ca;
        let reportedCaPem = this.ca.certPem;
        switch (fault?.kind) {
            case 'foreign-key':
                request = { ...request, spki: (0, keys_1.spkiDer)(await this.getForeignKey()) };
                break;
            case 'wrong-subject':
                request = { ...request, subjectName: (0, dn_1.nameDerFromAttributes)([{ type: 'CN', value: 'wrong-subject' }, { type: 'O', value: 'Elsewhere' }]) };
                break;
            case 'expired':
                request = { ...request, notBefore: new Date(notBefore.getTime() - 2 * options_1.DAY_MS), notAfter: new Date(notBefore.getTime() - options_1.DAY_MS) };
                break;
            case 'foreign-ca':
                ca = await this.getForeignCa();
                if (fault.caCrt !== 'real')
                    reportedCaPem = ca.certPem;
                break;
            default:
                break;
        }
        const clientPem = (0, pki_1.issueClientCertificate)(ca, request);
        const crtPem = fault?.kind === 'bad-chain' ? reportedCaPem + clientPem : clientPem + reportedCaPem;
        return certificateResponse(clientPem, reportedCaPem, crtPem);
    }
    /** Direct issuance (tests, demos): any public key, any subject, any validity window. */
    issueFor(options) {
        const notBefore = options.notBefore ?? this.now();
        const certPem = (0, pki_1.issueClientCertificate)(this.ca, {
            subjectName: (0, dn_1.nameDerFromAttributes)(options.subject),
            spki: (0, keys_1.spkiDer)(typeof options.publicKey === 'string' ? (0, node_crypto_1.createPublicKey)(options.publicKey) : options.publicKey),
            notBefore,
            notAfter: new Date(notBefore.getTime() + (options.validityMs ?? this.validityMs)),
            hash: 'sha256',
        });
        return { certPem, caPem: this.ca.certPem };
    }
    getForeignKey() {
        this.foreignKey ??= (0, pki_1.generateRsaKeyPair)(2048).then((pair) => pair.key);
        return this.foreignKey;
    }
    getForeignCa() {
        this.foreignCa ??= (0, pki_1.generateRsaKeyPair)(2048).then((pair) => (0, pki_1.loadAuthority)((0, pki_1.createAuthorityCertificate)('Kyma', pair.key, this.now(), 365 * options_1.DAY_MS), pair.keyPem));
        return this.foreignCa;
    }
}
exports.Issuer = Issuer;
//# sourceMappingURL=issuer.js.map