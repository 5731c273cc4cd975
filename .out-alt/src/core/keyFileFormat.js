"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NEW_ENCRYPTED_KEY_FORMAT = void 0;
exports.keyFileFormatOf = keyFileFormatOf;
exports.exportPrivateKey = exportPrivateKey;
/**
 * How a private key file is stored (PEM or DER; PKCS#1, PKCS#8 or SEC1; encrypted with which cipher), so that a key
 * we write in its place (a rotated key) is stored the same way: an encrypted key stays encrypted, with the same
 * passphrase and the same kind of encryption.
 */
const node_crypto_1 = require("node:crypto");
const errors_1 = require("./errors");
const der_1 = require("./der");
/** What encrypted PKCS#8 gets when its cipher can't be told: never weaker than what OpenSSL 3 writes by default. */
const DEFAULT_PKCS8_CIPHER = 'aes-256-cbc';
const PBES2 = '1.2.840.113549.1.5.13';
/** PBES2 encryption schemes node can write back (RFC 8018 appendix B.2). */
const PBES2_CIPHERS = {
    '2.16.840.1.101.3.4.1.2': 'aes-128-cbc',
    '2.16.840.1.101.3.4.1.22': 'aes-192-cbc',
    '2.16.840.1.101.3.4.1.42': 'aes-256-cbc',
    '1.2.840.113549.3.7': 'des-ede3-cbc',
};
/** How a new key is written when the user gives a passphrase: encrypted PKCS#8 PEM, like `openssl genpkey -aes-256-cbc`. */
exports.NEW_ENCRYPTED_KEY_FORMAT = { container: 'pem', type: 'pkcs8', cipher: DEFAULT_PKCS8_CIPHER };
/** The storage format of a key block as `parseCryptoFile` found it in a file of the given container. */
function keyFileFormatOf(block, container) {
    const type = block.keyFormat ?? 'pkcs8';
    if (block.kind !== 'encrypted-private-key')
        return { container, type };
    if (block.pemHeaders)
        return { container: 'pem', type, cipher: legacyCipher(block.pemHeaders) };
    return { container, type: 'pkcs8', cipher: pkcs8Cipher(block.der) };
}
/** `DEK-Info: DES-EDE3-CBC,0123…` → `des-ede3-cbc` (when node knows the cipher; else the PKCS#8 default). */
function legacyCipher(headers) {
    const dekInfo = headers.find((h) => /^dek-info\s*:/i.test(h));
    const name = dekInfo?.slice(dekInfo.indexOf(':') + 1).split(',')[0].trim().toLowerCase();
    return name && (0, node_crypto_1.getCiphers)().includes(name) ? name : DEFAULT_PKCS8_CIPHER;
}
/** EncryptedPrivateKeyInfo → PBES2 → encryptionScheme OID → cipher name. PKCS#5 v1 / PKCS#12 schemes → the default. */
function pkcs8Cipher(der) {
    try {
        const [algorithm] = (0, der_1.childrenOf)((0, der_1.forgeFromDer)(der, 'encrypted key'), 'encrypted key');
        const [schemeOid, params] = (0, der_1.childrenOf)(algorithm, 'encryption algorithm');
        if ((0, der_1.oidOf)(schemeOid, 'encryption algorithm') !== PBES2)
            return DEFAULT_PKCS8_CIPHER;
        const [, encryptionScheme] = (0, der_1.childrenOf)(params, 'PBES2 parameters');
        const [cipherOid] = (0, der_1.childrenOf)(encryptionScheme, 'encryption scheme');
        return PBES2_CIPHERS[(0, der_1.oidOf)(cipherOid, 'encryption scheme')] ?? DEFAULT_PKCS8_CIPHER;
    }
    catch {
        return DEFAULT_PKCS8_CIPHER;
    }
}
/**
 * `key` in the given storage format; encrypted with `passphrase` when the format has a cipher. An EC key cannot be
 * PKCS#1, so a format that does not fit the key's type falls back to PKCS#8 (same container, same cipher).
 */
function exportPrivateKey(key, format, passphrase) {
    if (format.cipher !== undefined && passphrase === undefined) {
        throw new errors_1.KymaCertError('passphrase-required', 'A passphrase is needed to write the encrypted private key.');
    }
    const fits = format.type === 'pkcs8' || (format.type === 'pkcs1') === (key.asymmetricKeyType === 'rsa');
    const type = fits ? format.type : 'pkcs8';
    const encryption = format.cipher !== undefined ? { cipher: format.cipher, passphrase } : {};
    if (format.container === 'der' && format.cipher !== undefined) {
        // Only PKCS#8 can be encrypted in DER; the legacy Proc-Type encryption is a PEM feature.
        return key.export({ type: 'pkcs8', format: 'der', ...encryption });
    }
    return format.container === 'pem' ? key.export({ type, format: 'pem', ...encryption }) : key.export({ type, format: 'der' });
}
//# sourceMappingURL=keyFileFormat.js.map