"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.keyIdentifier = keyIdentifier;
exports.buildCertificate = buildCertificate;
/**
 * The one X.509 v3 certificate builder: the emulator's CAs, server certificate and client certificates (issued from
 * CSRs the way the Connector Service issues them), and the test fixtures. Structure with forge.asn1, keys and
 * signatures with node:crypto, so RSA, EC and Ed25519 keys all work (forge's own certificate code handles RSA
 * only, and its JS RSA signs ~60× slower).
 */
const node_crypto_1 = require("node:crypto");
const node_net_1 = require("node:net");
const der_1 = require("./der");
const dn_1 = require("./dn");
const keys_1 = require("./keys");
const signing_1 = require("./signing");
const KEY_USAGE_BITS = {
    digitalSignature: 0,
    nonRepudiation: 1,
    keyEncipherment: 2,
    dataEncipherment: 3,
    keyAgreement: 4,
    keyCertSign: 5,
    cRLSign: 6,
};
const EXT_KEY_USAGE_OIDS = { serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2' };
const EXTENSION_OIDS = {
    subjectKeyIdentifier: '2.5.29.14',
    keyUsage: '2.5.29.15',
    subjectAltName: '2.5.29.17',
    basicConstraints: '2.5.29.19',
    authorityKeyIdentifier: '2.5.29.35',
    extKeyUsage: '2.5.29.37',
};
function spkiOf(key) {
    return Buffer.isBuffer(key) ? key : (0, keys_1.spkiDer)(key);
}
/**
 * SHA-1 of the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1), as Go and OpenSSL compute key identifiers.
 * Throws `parse` for SPKI DER that is not a SubjectPublicKeyInfo.
 */
function keyIdentifier(key) {
    const [, subjectPublicKey] = (0, der_1.childrenOf)((0, der_1.forgeFromDer)(spkiOf(key), 'public key'), 'public key');
    return (0, node_crypto_1.createHash)('sha1').update((0, der_1.bitStringBytes)(subjectPublicKey, 'public key')).digest();
}
function nameNode(name) {
    return Buffer.isBuffer(name) ? (0, der_1.exactDerTree)(name, 'distinguished name') : (0, dn_1.nameNodeFromAttributes)(name);
}
function extension(id, critical, value) {
    return (0, der_1.sequence)([(0, der_1.oid)(id), ...(critical ? [(0, der_1.booleanTrue)()] : []), (0, der_1.octetString)((0, der_1.forgeToDer)(value))]);
}
/** KeyUsage is a named BIT STRING: bit 0 is the most significant bit of the first byte; trailing zero bits are dropped. */
function keyUsageNode(usages) {
    const bits = usages.map((u) => KEY_USAGE_BITS[u]);
    const highest = Math.max(...bits);
    const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
    for (const bit of bits)
        bytes[bit >> 3] |= 0x80 >> (bit & 7);
    return (0, der_1.bitString)(bytes, bytes.length * 8 - (highest + 1));
}
function ipBytes(ip) {
    if ((0, node_net_1.isIP)(ip) === 4)
        return Buffer.from(ip.split('.').map(Number));
    // IPv6: expand "::" and write 8 big-endian groups
    const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
    const headGroups = head ? head.split(':') : [];
    const tailGroups = tail ? tail.split(':') : [];
    const zeros = tail === undefined ? [] : new Array(8 - headGroups.length - tailGroups.length).fill('0');
    const groups = [...headGroups, ...zeros, ...tailGroups];
    const out = Buffer.alloc(16);
    groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
    return out;
}
/** GeneralNames: iPAddress [7] for IP literals, dNSName [2] otherwise. */
function subjectAltNameNode(names) {
    return (0, der_1.sequence)(names.map((n) => ((0, node_net_1.isIP)(n) ? (0, der_1.contextPrimitive)(7, ipBytes(n)) : (0, der_1.contextPrimitive)(2, Buffer.from(n, 'latin1')))));
}
function serialBytes(hex) {
    let bytes = hex ? Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex') : (0, node_crypto_1.randomBytes)(16);
    if (bytes.length === 0)
        bytes = Buffer.from([1]);
    if (!hex)
        bytes[0] &= 0x7f; // random serials: positive and as long as requested
    if (bytes[0] & 0x80)
        bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return bytes;
}
/** The extensions in the order Go's crypto/x509 writes them: KU, EKU, BC, SKI, AKI, SAN. */
function extensionsFor(spec) {
    const isCA = spec.isCA ?? false;
    const usages = spec.keyUsage ?? (isCA ? ['keyCertSign', 'cRLSign'] : ['digitalSignature']);
    const extensions = [];
    if (usages.length > 0)
        extensions.push(extension(EXTENSION_OIDS.keyUsage, true, keyUsageNode(usages)));
    if (spec.extKeyUsage && spec.extKeyUsage.length > 0) {
        const purposes = spec.extKeyUsage.map((u) => (0, der_1.oid)(EXT_KEY_USAGE_OIDS[u]));
        extensions.push(extension(EXTENSION_OIDS.extKeyUsage, false, (0, der_1.sequence)(purposes)));
    }
    if (spec.basicConstraints ?? true) {
        extensions.push(extension(EXTENSION_OIDS.basicConstraints, true, (0, der_1.sequence)(isCA ? [(0, der_1.booleanTrue)()] : [])));
    }
    if (spec.subjectKeyIdentifier ?? true) {
        extensions.push(extension(EXTENSION_OIDS.subjectKeyIdentifier, false, (0, der_1.octetString)(keyIdentifier(spec.publicKey))));
    }
    if (spec.authorityKeyIdentifier ?? true) {
        const issuerKeyId = keyIdentifier(spec.issuerPublicKey ?? spec.signingKey);
        extensions.push(extension(EXTENSION_OIDS.authorityKeyIdentifier, false, (0, der_1.sequence)([(0, der_1.contextPrimitive)(0, issuerKeyId)])));
    }
    if (spec.subjectAltNames && spec.subjectAltNames.length > 0) {
        extensions.push(extension(EXTENSION_OIDS.subjectAltName, false, subjectAltNameNode(spec.subjectAltNames)));
    }
    return extensions;
}
/** Builds and signs a certificate; returns its DER and PEM. */
function buildCertificate(spec) {
    const alg = (0, signing_1.signatureAlgorithmFor)(spec.signingKey, spec.signatureHash);
    const tbs = (0, der_1.sequence)([
        (0, der_1.contextConstructed)(0, [(0, der_1.integer)(Buffer.from([2]))]), // version v3
        (0, der_1.integer)(serialBytes(spec.serialNumberHex)),
        (0, signing_1.algorithmIdentifierNode)(alg),
        nameNode(spec.issuer ?? spec.subject),
        (0, der_1.sequence)([(0, der_1.time)(spec.notBefore), (0, der_1.time)(spec.notAfter)]),
        nameNode(spec.subject),
        (0, der_1.exactDerTree)(spkiOf(spec.publicKey), 'public key'),
        (0, der_1.contextConstructed)(3, [(0, der_1.sequence)(extensionsFor(spec))]),
    ]);
    const signature = (0, signing_1.signWith)(alg, (0, der_1.forgeToDer)(tbs), spec.signingKey);
    const der = (0, der_1.forgeToDer)((0, der_1.sequence)([tbs, (0, signing_1.algorithmIdentifierNode)(alg), (0, der_1.bitString)(signature)]));
    return { der, pem: (0, der_1.toPem)('CERTIFICATE', der) };
}
//# sourceMappingURL=certificate-builder.js.map