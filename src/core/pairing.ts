/**
 * File naming conventions, in one place. For `dir/app.crt`:
 * key `dir/app.key` (also `dir/app-key.pem`, `dir/app.key.pem`), issuing CA `dir/app-ca.crt`,
 * remembered connection `dir/app.kyma.json`, backups `dir/.kyma-backups/app/`.
 */
import * as path from 'node:path';

export const CERTIFICATE_EXTENSIONS: readonly string[] = ['.crt', '.pem', '.cer', '.der'];
export const BACKUP_DIR_NAME = '.kyma-backups';
export const CONNECTION_SUFFIX = '.kyma.json';
export const CA_SUFFIX = '-ca.crt';
const KEY_SUFFIXES: readonly string[] = ['.key', '-key.pem', '.key.pem'];

/** True for names that hold a private key by our conventions (`.key`, `-key.pem`, `.key.pem`, `key.pem`). */
export function isKeyFileName(name: string): boolean {
  const lower = path.basename(name).toLowerCase();
  return lower === 'key.pem' || KEY_SUFFIXES.some((s) => lower.endsWith(s) && lower.length > s.length);
}

/** True for names that may hold a certificate: `.crt .pem .cer .der`, except key files. */
export function isCertificateFileName(name: string): boolean {
  const lower = path.basename(name).toLowerCase();
  return CERTIFICATE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length) && !isKeyFileName(lower);
}

/** True for the CA file renewal writes next to a certificate (`app-ca.crt`). */
export function isCaFileName(name: string): boolean {
  const lower = path.basename(name).toLowerCase();
  return lower.endsWith(CA_SUFFIX) && lower.length > CA_SUFFIX.length;
}

/** `app` for `dir/app.crt`: the file name without its certificate extension. */
export function certificateBaseName(certPath: string): string {
  const name = path.basename(certPath);
  const lower = name.toLowerCase();
  const ext = CERTIFICATE_EXTENSIONS.find((e) => lower.endsWith(e) && lower.length > e.length);
  return ext ? name.slice(0, name.length - ext.length) : name;
}

function sibling(certPath: string, name: string): string {
  return path.join(path.dirname(certPath), name);
}

/** Where the private key of `certPath` may be, most likely first: `app.key`, `app-key.pem`, `app.key.pem`. */
export function keyCandidates(certPath: string): string[] {
  const base = certificateBaseName(certPath);
  return KEY_SUFFIXES.map((s) => sibling(certPath, base + s));
}

/** The issuing CA written by renewal: `dir/app-ca.crt`. */
export function caFileFor(certPath: string): string {
  return sibling(certPath, certificateBaseName(certPath) + CA_SUFFIX);
}

/** The remembered connection (URLs etc.): `dir/app.kyma.json`. */
export function connectionFileFor(certPath: string): string {
  return sibling(certPath, certificateBaseName(certPath) + CONNECTION_SUFFIX);
}

/** Where backups of `certPath` and its key go: `dir/.kyma-backups/app/`. */
export function backupDirFor(certPath: string): string {
  return path.join(path.dirname(certPath), BACKUP_DIR_NAME, certificateBaseName(certPath));
}

/** The inverse of keyCandidates: certificate files a key file may belong to (`app.key` → `app.crt`, `app.pem`, …). */
export function certificateCandidatesForKey(keyPath: string): string[] {
  const name = path.basename(keyPath);
  const suffix = [...KEY_SUFFIXES].sort((a, b) => b.length - a.length).find((s) => name.toLowerCase().endsWith(s) && name.length > s.length);
  if (!suffix) return [];
  const base = name.slice(0, name.length - suffix.length);
  return CERTIFICATE_EXTENSIONS.map((ext) => path.join(path.dirname(keyPath), base + ext));
}
