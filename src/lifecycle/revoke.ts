import * as path from 'node:path';
import { connectionWrite } from './connection';
import { atomicWriteFiles } from './files';
import { withCertificateLock } from './lock';
import { resolveConnection } from './management';
import { loadCertificateMaterial, type KeyPassphraseOption } from './material';
import type { WorkflowHooks } from './renew';
import { createBackendClient, throwIfCancelled, type NetworkOptions } from './tls-options';

export interface RevokeRequest extends NetworkOptions, WorkflowHooks, KeyPassphraseOption {
  certFile: string;
  keyFile: string;
  /** management/info URL. Default: the remembered connection. */
  infoUrl?: string;
}

export interface RevokeResult {
  certFile: string;
  /** SHA-256 of the revoked certificate's DER (lower-case hex): the service's revocation key. */
  sha256Hex: string;
  revokedAt: string;
  infoUrl: string;
}

/**
 * Revokes the certificate itself: Kyma (spec §6.1) management/info gives `urls.revokeCertUrl`, a POST over mTLS revokes it
 * (201; only renewal is blocked afterwards). Compass: `revokeCertificate` over mTLS; the certificate then loses its
 * identity on every route, and a second revocation fails.
 * Records `revoked: { at, sha256Hex }` in the remembered connection so that the editor can show it.
 */
export async function revokeCertificate(req: RevokeRequest): Promise<RevokeResult> {
  const certFile = path.resolve(req.certFile);
  const keyFile = path.resolve(req.keyFile);
  return withCertificateLock(certFile, async () => {
    const now = req.now ?? (() => new Date());
    const progress = req.onProgress ?? (() => undefined);
    progress('Reading the certificate and key');
    const material = await loadCertificateMaterial(certFile, keyFile, now(), req.keyPassphrase);
    const connection = await resolveConnection(certFile, req);
    throwIfCancelled(req.signal);

    const backend = await createBackendClient(connection.location.backend, connection.network, { certPem: material.clientPem, keyPem: material.keyPem });
    progress('Asking the Connector Service for the revocation URL');
    const management = await backend.management(connection.location);
    throwIfCancelled(req.signal);

    progress('Revoking the certificate');
    await management.revoke();
    const revokedAt = now().toISOString();
    req.log?.(`revoked certificate SHA-256 ${material.clientFacts.fingerprint256}`);

    // The service is the truth about revocation; this record only lets the editor show it without a round trip.
    await atomicWriteFiles([
      connectionWrite(certFile, {
        backend: connection.location.backend,
        infoUrl: connection.infoUrl,
        directorUrl: connection.location.directorUrl,
        keyFile,
        caFile: connection.network.caFile,
        revoked: { at: revokedAt, sha256Hex: material.clientFacts.sha256Hex },
      }),
    ]);
    return { certFile, sha256Hex: material.clientFacts.sha256Hex, revokedAt, infoUrl: connection.infoUrl };
  });
}
