"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DAY_MS = void 0;
exports.kymaSubject = kymaSubject;
exports.makeKey = makeKey;
exports.keyNamed = keyNamed;
exports.makeCa = makeCa;
exports.makeLeaf = makeLeaf;
exports.certValid = certValid;
/**
 * Test certificates made at test time: a CA and leaf certificates with chosen subject, validity and key type.
 * Structure via forge.asn1 (src/core/certificate-builder), keys and signatures via node:crypto.
 */
const node_crypto_1 = require("node:crypto");
const certificate_builder_1 = require("../../../src/core/certificate-builder");
const dn_1 = require("../../../src/core/dn");
const keys_1 = require("../../../src/core/keys");
exports.DAY_MS = 86_400_000;
/** The Kyma default subject for an application: O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=<app>. */
function kymaSubject(application = 'my-app') {
    return (0, dn_1.parseConnectorSubject)(`O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=${application}`);
}
/** A fresh private key of the requested type. */
function makeKey(opts = {}) {
    switch (opts.keyType ?? 'rsa') {
        case 'rsa':
            return (0, node_crypto_1.generateKeyPairSync)('rsa', { modulusLength: opts.bits ?? 2048 }).privateKey;
        case 'ec':
            return (0, node_crypto_1.generateKeyPairSync)('ec', { namedCurve: opts.curve ?? 'P-256' }).privateKey;
        case 'ed25519':
            return (0, node_crypto_1.generateKeyPairSync)('ed25519').privateKey;
    }
}
const namedKeys = new Map();
/** The key generated under `name` (generated on first use with `opts`; later calls return the same key). */
function keyNamed(name, opts = {}) {
    let key = namedKeys.get(name);
    if (!key) {
        key = makeKey(opts);
        namedKeys.set(name, key);
    }
    return key;
}
function keyFor(opts) {
    if (opts.key)
        return opts.key;
    return opts.keyName !== undefined ? keyNamed(opts.keyName, opts) : makeKey(opts);
}
function subjectOf(subject, fallback) {
    if (subject === undefined)
        return fallback;
    return typeof subject === 'string' ? (0, dn_1.parseConnectorSubject)(subject) : [...subject];
}
function validity(opts) {
    const notBefore = opts.notBefore ?? new Date(Date.now() - exports.DAY_MS);
    const notAfter = opts.notAfter ?? new Date(notBefore.getTime() + (opts.validDays ?? 90) * exports.DAY_MS);
    return { notBefore, notAfter };
}
/** The certificate `opts` describe for `subject`, signed by `issuer`'s key (self-signed without an issuer). */
function certify(opts, subject, issuer, defaults) {
    const key = keyFor(opts);
    const { der, pem } = (0, certificate_builder_1.buildCertificate)({
        subject,
        issuer: issuer?.subject,
        publicKey: key,
        signingKey: issuer?.key ?? key,
        isCA: opts.isCA ?? defaults.isCA,
        extKeyUsage: opts.extKeyUsage ?? defaults.extKeyUsage,
        subjectAltNames: opts.subjectAltNames,
        serialNumberHex: opts.serialNumberHex,
        ...validity(opts),
    });
    return { certPem: pem, certDer: der, keyPem: (0, keys_1.privateKeyPem)(key), key, subject };
}
/** A self-signed CA (default subject CN=Kyma, RSA 2048, valid from yesterday for 90 days). */
function makeCa(opts = {}) {
    return certify(opts, subjectOf(opts.subject, [{ type: 'CN', value: 'Kyma' }]), undefined, { isCA: true });
}
/** A certificate issued by `ca` (default subject: the Kyma default for `my-app`, clientAuth). */
function makeLeaf(ca, opts = {}) {
    return certify(opts, subjectOf(opts.subject, kymaSubject()), ca, { isCA: false, extKeyUsage: ['clientAuth'] });
}
/**
 * PEM of a certificate valid from `startDays` to `endDays` around `now` (fractions allowed), for tests that only
 * care about validity: a leaf `O=Organization,CN=<commonName>` of the shared test CA, or (isCA) a self-signed CA.
 * Every such certificate shares one RSA key, so each costs a signature, not a key generation.
 */
function certValid(now, startDays, endDays, extra = {}) {
    const notBefore = new Date(now.getTime() + startDays * exports.DAY_MS);
    const notAfter = new Date(now.getTime() + endDays * exports.DAY_MS);
    const subject = `O=Organization,CN=${extra.commonName ?? (extra.isCA ? 'Test CA' : 'my-app')}`;
    if (extra.isCA)
        return makeCa({ subject, notBefore, notAfter, keyName: 'cert-valid', extKeyUsage: [] }).certPem;
    return makeLeaf(sharedTestCa(), { subject, notBefore, notAfter, keyName: 'cert-valid' }).certPem;
}
let testCa;
/** One CA (`O=Organization,CN=Test CA`, long-lived) shared by the certificates of {@link certValid}. */
function sharedTestCa() {
    testCa ??= makeCa({ subject: 'O=Organization,CN=Test CA', keyName: 'cert-valid', validDays: 36500, notBefore: new Date(0) });
    return testCa;
}
//# sourceMappingURL=certs.js.map