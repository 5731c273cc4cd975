import * as path from 'node:path';
import type { BackendKind } from '../connector/tokenInput';
import { KymaCertError } from '../core/errors';
import { connectionFileFor } from '../core/pairing';
import { atomicWriteFiles, readFileIfExists } from './files';

/**
 * What we remember about where a certificate belongs, so that the next renewal needs no flags.
 * Stored as JSON in pairing's `connectionFileFor(certFile)`. Holds no secrets: URLs and file names only.
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

function toAbsolute(base: string, p: string | undefined): string | undefined {
  return p === undefined ? undefined : path.resolve(base, p);
}

function toRelative(base: string, p: string | undefined): string | undefined {
  // Relative paths keep the folder portable (a workspace moved or checked out elsewhere still works).
  return p === undefined ? undefined : path.relative(base, path.resolve(p)) || '.';
}

/** Reads the remembered connection of a certificate (paths made absolute), or `undefined` if there is none. */
export async function readConnection(certFile: string): Promise<RememberedConnection | undefined> {
  const file = connectionFileFor(certFile);
  const data = await readFileIfExists(file);
  if (data === undefined) return undefined;
  let json: Partial<RememberedConnection>;
  try {
    json = JSON.parse(data.toString('utf8')) as Partial<RememberedConnection>;
  } catch (e) {
    throw new KymaCertError('config', `${file} is not valid JSON.`, 'Fix or delete the file and pass --info-url again.', {
      cause: e,
    });
  }
  if (typeof json.infoUrl !== 'string' || json.infoUrl === '') {
    throw new KymaCertError('config', `${file} has no infoUrl.`, 'Fix or delete the file and pass --info-url again.');
  }
  const base = path.dirname(path.resolve(certFile));
  return {
    ...(json.backend === 'compass' ? { backend: 'compass' as const } : {}),
    infoUrl: json.infoUrl,
    ...(typeof json.directorUrl === 'string' ? { directorUrl: json.directorUrl } : {}),
    keyFile: toAbsolute(base, typeof json.keyFile === 'string' ? json.keyFile : undefined),
    caFile: toAbsolute(base, typeof json.caFile === 'string' ? json.caFile : undefined),
    revoked:
      json.revoked && typeof json.revoked.at === 'string' && typeof json.revoked.sha256Hex === 'string'
        ? { at: json.revoked.at, sha256Hex: json.revoked.sha256Hex }
        : undefined,
  };
}

/** The file contents `writeConnection` would write: stable key order, relative paths, trailing newline. */
export function serializeConnection(certFile: string, connection: RememberedConnection): string {
  const base = path.dirname(path.resolve(certFile));
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

/** Writes the remembered connection atomically. */
export async function writeConnection(certFile: string, connection: RememberedConnection): Promise<void> {
  await atomicWriteFiles([{ path: connectionFileFor(certFile), data: serializeConnection(certFile, connection) }]);
}
