/**
 * Private keys: loading (PEM or DER; PKCS#1, PKCS#8, SEC1; plain or encrypted with a passphrase), matching against a certificate, generating.
 * Key material never goes into an error message.
 */
import { KeyObject, createHash, createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync } from 'node:crypto';
import { promisify } from 'node:util';
import { KymaCertError } from './errors';
import { keyFileFormatOf, type KeyFileFormat } from './keyFileFormat';
import { CryptoBlock, parseCryptoFile } from './pem';
import { certificateSpki, publicKeyOfPrivateKey, publicKeyOfSpki, samePublicKey, type PublicKeyBytes } from './publicKeyBytes';
import { CertificateInput, toX509 } from './x509';

const HINT_PASSPHRASE_REQUIRED = 'Give the passphrase: --key-passphrase-env VAR or --key-passphrase-file FILE on the command line; the editor asks for it.';
const HINT_BAD_PASSPHRASE = 'Check the passphrase; `openssl pkey -in KEY -noout` asks for it and tells whether it is right.';

/** Public-key summary for display: `rsa` 2048, `ec` P-256, `ed25519`. */
export interface PublicKeyInfo {
  /** node's asymmetricKeyType: 'rsa', 'rsa-pss', 'ec', 'ed25519', … */
  type: string;
  /** Modulus length for RSA; field size for EC. */
  bits?: number;
  /** NIST name for the common curves (P-256, P-384, P-521), else OpenSSL's name. */
  curve?: string;
}

const CURVES: Readonly<Record<string, { name: string; bits: number }>> = {
  prime256v1: { name: 'P-256', bits: 256 },
  secp384r1: { name: 'P-384', bits: 384 },
  secp521r1: { name: 'P-521', bits: 521 },
  secp256k1: { name: 'secp256k1', bits: 256 },
};

/** Type, size and curve of a (public or private) key. */
export function describeKey(key: KeyObject): PublicKeyInfo {
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (details.modulusLength !== undefined) return { type, bits: details.modulusLength };
  if (details.namedCurve !== undefined) {
    const known = CURVES[details.namedCurve];
    return known ? { type, bits: known.bits, curve: known.name } : { type, curve: details.namedCurve };
  }
  return { type };
}

/** A private key read from a file, with how the file stores it (to write a replacement the same way). */
export interface LoadedPrivateKey {
  key: KeyObject;
  format: KeyFileFormat;
}

/**
 * Loads the first private key in `data` (PEM with any surrounding text, or DER; PKCS#1, PKCS#8 or SEC1).
 * Encrypted keys (PKCS#8 `ENCRYPTED PRIVATE KEY` or legacy `Proc-Type: 4,ENCRYPTED`) are decrypted with `passphrase`:
 * none → `passphrase-required`, a wrong one → `bad-passphrase`. No key or a damaged one → `parse`; above the size
 * cap → `too-large`.
 */
export function loadPrivateKey(data: Buffer | string, passphrase?: string): KeyObject {
  return readPrivateKey(data, passphrase).key;
}

/** As loadPrivateKey, and also says how the key is stored (container, structure, cipher). */
export function readPrivateKey(data: Buffer | string, passphrase?: string): LoadedPrivateKey {
  const parsed = parseCryptoFile(data);
  const block = parsed.blocks.find((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key');
  if (!block) {
    const broken = parsed.blocks.find((b) => b.problem && b.label.includes('PRIVATE KEY'));
    throw new KymaCertError(
      'parse',
      broken ? `private key is damaged: ${broken.problem}` : 'no private key found',
      'Expected a PEM block such as -----BEGIN PRIVATE KEY----- or a DER key file.',
    );
  }
  return { key: keyFromBlock(block, passphrase), format: keyFileFormatOf(block, parsed.format === 'der' ? 'der' : 'pem') };
}

/** True when the first private key in `data` is encrypted (so using it needs a passphrase). Never throws. */
export function isEncryptedPrivateKey(data: Buffer | string): boolean {
  try {
    const block = parseCryptoFile(data).blocks.find((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key');
    return block?.kind === 'encrypted-private-key';
  } catch {
    return false;
  }
}

/** The KeyObject of a private-key block; an encrypted block is decrypted with `passphrase`. */
export function keyFromBlock(block: CryptoBlock, passphrase?: string): KeyObject {
  if (block.kind === 'encrypted-private-key') return decryptBlock(block, passphrase);
  if (block.kind !== 'private-key' || !block.keyFormat) throw new KymaCertError('parse', 'not a private key');
  try {
    return createPrivateKey({ key: block.der, format: 'der', type: block.keyFormat });
  } catch (e) {
    // No key bytes in the message: only the structure we expected.
    throw new KymaCertError('parse', `private key (${block.keyFormat}) is malformed`, undefined, { cause: e });
  }
}

function decryptBlock(block: CryptoBlock, passphrase: string | undefined): KeyObject {
  if (passphrase === undefined) {
    throw new KymaCertError('passphrase-required', 'The private key is encrypted and no passphrase was given.', HINT_PASSPHRASE_REQUIRED);
  }
  // A legacy key needs its DEK-Info header (cipher and IV) back, so it is handed to OpenSSL as PEM again.
  const source = block.pemHeaders ? { key: legacyPem(block), format: 'pem' as const } : { key: block.der, format: 'der' as const, type: 'pkcs8' as const };
  try {
    return createPrivateKey({ ...source, passphrase });
  } catch {
    // The cause is dropped on purpose: OpenSSL's error objects can carry the input they failed on.
    throw new KymaCertError('bad-passphrase', 'The passphrase does not decrypt the private key (or the key is damaged).', HINT_BAD_PASSPHRASE);
  }
}

function legacyPem(block: CryptoBlock): string {
  const body = block.der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${block.label}-----\n${(block.pemHeaders ?? []).join('\n')}\n\n${body}-----END ${block.label}-----\n`;
}

/** SPKI of keys already asked for: a renewal needs its key's for the pairing check, the CSR and the verification. */
const spkiOfKey = new WeakMap<KeyObject, Buffer>();

/** DER SubjectPublicKeyInfo of a private or public key (the same Buffer for the same KeyObject: do not modify it). */
export function spkiDer(key: KeyObject): Buffer {
  let spki = spkiOfKey.get(key);
  if (!spki) {
    const publicKey = key.type === 'public' ? key : createPublicKey(key);
    spki = publicKey.export({ type: 'spki', format: 'der' });
    spkiOfKey.set(key, spki);
  }
  return spki;
}

/**
 * True when `key` (private or public) is the key pair of the certificate's public key (SPKI DER comparison).
 * Throws `parse` for a non-certificate, `unsupported` when node cannot read the certificate's key algorithm.
 */
export function keyMatchesCertificate(key: KeyObject, cert: CertificateInput): boolean {
  const x509 = toX509(cert);
  let certSpki: Buffer;
  try {
    certSpki = x509.publicKey.export({ type: 'spki', format: 'der' });
  } catch (e) {
    throw new KymaCertError('unsupported', "the certificate's public key algorithm is not supported", undefined, { cause: e });
  }
  return spkiDer(key).equals(certSpki);
}

/** The public half of a key: its bytes when read without OpenSSL, its canonical SPKI once needed. */
interface KeyPublicHalf {
  bytes?: PublicKeyBytes;
  spki?: Buffer;
}

const publicHalves = new Map<string, KeyPublicHalf>();
const MAX_CACHED_KEYS = 4096;

/**
 * Whether the (unencrypted) private key belongs to the certificate, for the index, which pairs every certificate
 * on each change. The key is a key file's content (its first private key) or a key block of the certificate file.
 * Fast path: the public key stored in the key (RSA modulus and exponent, EC point) equals the one in the
 * certificate's SPKI, both read from the DER without OpenSSL (decoding an RSA key with OpenSSL costs more than
 * parsing the certificate). Any other outcome is decided as keyMatchesCertificate does: both public keys exported
 * by node:crypto as SPKI and compared. Only public halves are cached, by the SHA-256 of the key bytes. Throws like
 * loadPrivateKey (e.g. passphrase-required).
 */
export function keyDataMatchesCertificate(key: Buffer | CryptoBlock, certDer: Buffer): boolean {
  const load = (): KeyObject => (Buffer.isBuffer(key) ? loadPrivateKey(key) : keyFromBlock(key));
  const cacheKey = Buffer.isBuffer(key) ? sha256Hex(key) : `${key.kind}:${key.keyFormat}:${sha256Hex(key.der)}`;
  let half = publicHalves.get(cacheKey);
  if (!half) {
    const block = Buffer.isBuffer(key) ? parseCryptoFile(key).blocks.find((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key') : key;
    const bytes = block?.kind === 'private-key' && block.keyFormat ? publicKeyOfPrivateKey(block.der, block.keyFormat) : undefined;
    half = bytes ? { bytes } : { spki: spkiDer(load()) };
    publicHalves.set(cacheKey, half);
    if (publicHalves.size > MAX_CACHED_KEYS) publicHalves.delete(publicHalves.keys().next().value as string);
  }
  const certSpki = certificateSpki(certDer);
  const certKey = certSpki && publicKeyOfSpki(certSpki);
  if (half.bytes && certKey && samePublicKey(half.bytes, certKey)) return true;
  half.spki ??= spkiDer(load());
  let certCanonicalSpki: Buffer;
  try {
    certCanonicalSpki = toX509(certDer).publicKey.export({ type: 'spki', format: 'der' });
  } catch (e) {
    throw new KymaCertError('unsupported', "the certificate's public key algorithm is not supported", undefined, { cause: e });
  }
  return half.spki.equals(certCanonicalSpki);
}

function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), the form OpenSSL 3 writes. */
export function privateKeyPem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** A fresh RSA key (what the service advertises: `rsa2048`). Blocks for ~0.1–1 s; prefer the async form in the editor. */
export function generateRsaKey(bits = 2048): { key: KeyObject; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return { key: privateKey, pem: privateKeyPem(privateKey) };
}

const generateKeyPairAsync = promisify(generateKeyPair);

/** As generateRsaKey, on the libuv thread pool so the caller's event loop keeps running. */
export async function generateRsaKeyAsync(bits = 2048): Promise<{ key: KeyObject; pem: string }> {
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: bits });
  return { key: privateKey, pem: privateKeyPem(privateKey) };
}

/**
 * A fresh key of the same type and size as `like` (RSA: modulus length and public exponent; EC: curve; Ed25519/
 * Ed448), on the thread pool. Used by key rotation: the new certificate must look like the old one to the service.
 */
export async function generateKeyLike(like: KeyObject): Promise<KeyObject> {
  const details = like.asymmetricKeyDetails ?? {};
  switch (like.asymmetricKeyType) {
    case 'rsa': {
      const { privateKey } = await generateKeyPairAsync('rsa', {
        modulusLength: details.modulusLength ?? 2048,
        publicExponent: details.publicExponent === undefined ? undefined : Number(details.publicExponent),
      });
      return privateKey;
    }
    case 'ec':
      return (await generateKeyPairAsync('ec', { namedCurve: details.namedCurve ?? 'prime256v1' })).privateKey;
    case 'ed25519':
      return (await generateKeyPairAsync('ed25519')).privateKey;
    case 'ed448':
      return (await generateKeyPairAsync('ed448')).privateKey;
    default:
      throw new KymaCertError('unsupported', `Cannot generate a new ${like.asymmetricKeyType ?? 'unknown'} key for rotation.`, 'Renew without key rotation.');
  }
}

/** A fresh EC key on a named curve (P-256 by default). */
export function generateEcKey(curve: 'P-256' | 'P-384' | 'P-521' = 'P-256'): { key: KeyObject; pem: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: curve });
  return { key: privateKey, pem: privateKeyPem(privateKey) };
}
