import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { BackendKind } from '../connector/tokenInput';
import { KymaCertError, Remedy } from '../core/errors';
import { connectionFileFor } from '../core/pairing';
import { readRegularFileIfExists } from '../io/boundedRead';
import { atomicWriteFiles, type FileWrite } from './files';
import { withCertificateLock } from './lock';
import { allInOrder } from './settle';

/**
 * What we remember about where a certificate belongs, so that the next renewal needs no flags.
 * Stored as JSON in pairing's `connectionFileFor(certFile)`. Holds no secrets: URLs and file names only.
 *
 * The file sits in the certificate's folder, which may be a cloned repository: anyone could have written it. So the
 * paths it names must stay inside that folder (relative, no `..`, no symlink leading out), or a planted file could
 * make renewal sign with, or read, a key from anywhere on the disk. A path the user gives explicitly (flag, setting)
 * is not subject to this, and for the same reason is only remembered when it lies inside the folder.
 */
export interface RememberedConnection {
  /** Absent = `kyma` (files written before Compass support). `kyma` also covers the Compass connectivity adapter. */
  backend?: BackendKind;
  /**
   * Where management calls go. Kyma/adapter: `https://gateway.<domain>/v1/applications/management/info`.
   * Compass: the `certificateSecuredConnectorURL` (`https://compass-gateway-mtls.<domain>/connector/graphql`).
   */
  infoUrl: string;
  /** Compass only: `managementPlaneInfo.directorURL` (the Director for this certificate). */
  directorUrl?: string;
  /** The private key file, relative to the certificate's directory in the file, absolute in memory. */
  keyFile?: string;
  /** The server CA file used for TLS, relative in the file, absolute in memory. */
  caFile?: string;
  /** Set by `revokeCertificate`: when, and which certificate (SHA-256 of its DER, lower-case hex). */
  revoked?: { at: string; sha256Hex: string };
}

/** A remembered connection holds a few short strings; anything bigger is not ours. */
const MAX_CONNECTION_BYTES = 64 * 1024;

/** The folder whose files a certificate's remembered connection may name. */
function folderOf(certFile: string): string {
  return path.dirname(path.resolve(certFile));
}

/** `inner` is `outer` itself or below it (both absolute, normalised). */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Resolves a path named in the connection file, or throws `config` when it leaves the certificate's folder:
 * absolute, with a `..` segment, or (once symlinks are followed) outside the folder's real path.
 */
async function pathInsideFolder(file: string, base: string, field: string, value: string): Promise<string> {
  const segments = value.split(/[\\/]+/);
  if (path.isAbsolute(value) || path.win32.isAbsolute(value) || segments.includes('..') || value === '' || value.includes('\0')) {
    throw outsideError(file, field, value);
  }
  const resolved = path.resolve(base, value);
  const [real, realBase] = await Promise.all([realpathOfExisting(resolved), realpathOfExisting(base)]);
  if (real !== undefined && realBase !== undefined && !isInside(realBase, real)) throw outsideError(file, field, value);
  return resolved;
}

/** The real path of `p`, or of its nearest existing ancestor joined with the rest, or undefined on other errors. */
async function realpathOfExisting(p: string): Promise<string | undefined> {
  try {
    return await fs.realpath(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
    const parent = path.dirname(p);
    if (parent === p) return undefined;
    const realParent = await realpathOfExisting(parent);
    return realParent === undefined ? undefined : path.join(realParent, path.basename(p));
  }
}

function fixFile(file: string): Remedy {
  return { kind: 'fix-connection-file', data: { file } };
}

function outsideError(file: string, field: string, value: string): KymaCertError {
  return new KymaCertError('config', `${file} names ${field} "${value}", which is outside the certificate's folder; it was not used.`, undefined, {
    remedy: fixFile(file),
  });
}

function optionalString(file: string, json: Record<string, unknown>, field: string): string | undefined {
  const v = json[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new KymaCertError('config', `${file}: ${field} is not a string.`, undefined, { remedy: fixFile(file) });
  return v;
}

/**
 * Reads the remembered connection of a certificate (paths made absolute), or `undefined` if there is none.
 * Anything wrong with it (not a regular file, too big, not JSON, no infoUrl, a path outside the folder) is a
 * `KymaCertError` naming the file; never anything else.
 */
export async function readConnection(certFile: string): Promise<RememberedConnection | undefined> {
  const file = connectionFileFor(certFile);
  const data = await readRegularFileIfExists(file, MAX_CONNECTION_BYTES);
  return data === undefined ? undefined : parseConnection(certFile, data);
}

/** The checks of `readConnection` on the bytes of the connection file (also what the property test drives). */
export async function parseConnection(certFile: string, data: Buffer): Promise<RememberedConnection> {
  const file = connectionFileFor(certFile);
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch (e) {
    throw new KymaCertError('config', `${file} is not valid JSON.`, undefined, { cause: e, remedy: fixFile(file) });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new KymaCertError('config', `${file} is not a JSON object.`, undefined, { remedy: fixFile(file) });
  }
  const json = parsed as Record<string, unknown>;
  const infoUrl = optionalString(file, json, 'infoUrl');
  if (infoUrl === undefined || infoUrl === '') throw new KymaCertError('config', `${file} has no infoUrl.`, undefined, { remedy: fixFile(file) });
  const base = folderOf(certFile);
  const keyFile = optionalString(file, json, 'keyFile');
  const caFile = optionalString(file, json, 'caFile');
  const directorUrl = optionalString(file, json, 'directorUrl');
  const revoked = json.revoked as { at?: unknown; sha256Hex?: unknown } | null | undefined;
  const [keyPath, caPath] = await allInOrder([
    keyFile === undefined ? undefined : pathInsideFolder(file, base, 'keyFile', keyFile),
    caFile === undefined ? undefined : pathInsideFolder(file, base, 'caFile', caFile),
  ]);
  return {
    ...(json.backend === 'compass' ? { backend: 'compass' as const } : {}),
    infoUrl,
    ...(directorUrl === undefined ? {} : { directorUrl }),
    keyFile: keyPath,
    caFile: caPath,
    revoked:
      typeof revoked === 'object' && revoked !== null && typeof revoked.at === 'string' && typeof revoked.sha256Hex === 'string'
        ? { at: revoked.at, sha256Hex: revoked.sha256Hex }
        : undefined,
  };
}

/** Relative to the folder when inside it; `undefined` (not remembered) when outside: readConnection would refuse it. */
function toRelative(base: string, p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  const abs = path.resolve(p);
  // Relative paths keep the folder portable (a workspace moved or checked out elsewhere still works).
  return isInside(base, abs) && abs !== base ? path.relative(base, abs) : undefined;
}

/** Paths of `connection` that `serializeConnection` leaves out because they lie outside the certificate's folder. */
export function unrememberedPaths(certFile: string, connection: RememberedConnection): string[] {
  const base = folderOf(certFile);
  return [connection.keyFile, connection.caFile].filter((p): p is string => p !== undefined && toRelative(base, p) === undefined);
}

/** The file contents `writeConnection` would write: stable key order, relative paths, trailing newline. */
export function serializeConnection(certFile: string, connection: RememberedConnection): string {
  const base = folderOf(certFile);
  // Kyma files keep their old shape (no `backend` key), so older versions of kyma-cert still read them.
  const json: RememberedConnection = {
    backend: connection.backend === 'compass' ? 'compass' : undefined,
    infoUrl: connection.infoUrl,
    directorUrl: connection.directorUrl,
    keyFile: toRelative(base, connection.keyFile),
    caFile: toRelative(base, connection.caFile),
    revoked: connection.revoked,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The write of the remembered connection, for callers that already hold the certificate's lock. */
export function connectionWrite(certFile: string, connection: RememberedConnection): FileWrite {
  return { path: connectionFileFor(certFile), data: serializeConnection(certFile, connection) };
}

/** Writes the remembered connection atomically, under the certificate's lock (it is one of the set's files). */
export async function writeConnection(certFile: string, connection: RememberedConnection): Promise<void> {
  await withCertificateLock(certFile, () => atomicWriteFiles([connectionWrite(certFile, connection)]));
}
