import type { KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { KymaCertError } from '../core/errors';
import { exportPrivateKey } from '../core/keyFileFormat';
import { describeKey, generateKeyLike, privateKeyPem } from '../core/keys';
import type { CertificateMaterial } from './material';

/**
 * A new key for a renewal with key rotation, held in memory until the certificate for it has been verified: then it
 * is written together with the certificate, in one atomic step (see renew.ts).
 */
export interface KeyRotation {
  key: KeyObject;
  /** Plain PKCS#8 PEM for the TLS handshake of the post-write check. Memory only. */
  keyPem: string;
  /** The bytes for the key file: the old file's format, encrypted with the same passphrase and cipher if it was. */
  fileData: Buffer | string;
  /** `rsa 2048`, `ec P-256`: for the log (never key material). */
  description: string;
}

/** Generates the replacement of `material.key`: same type and size, stored the way the old key file is stored. */
export async function prepareKeyRotation(material: CertificateMaterial, keyFile: string, passphrase: string | undefined): Promise<KeyRotation> {
  if (path.resolve(keyFile) === path.resolve(material.certFile)) {
    throw new KymaCertError(
      'config',
      'Key rotation needs the private key in a file of its own; this key is inside the certificate file.',
      'Split the key into <name>.key (openssl pkey -in FILE -out NAME.key), or renew without --new-key.',
    );
  }
  const key = await generateKeyLike(material.key);
  const info = describeKey(key);
  return {
    key,
    keyPem: privateKeyPem(key),
    fileData: exportPrivateKey(key, material.keyFormat, material.keyFormat.cipher ? passphrase : undefined),
    description: [info.type, info.curve ?? info.bits].filter((x) => x !== undefined).join(' '),
  };
}
