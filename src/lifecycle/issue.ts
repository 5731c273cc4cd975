import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { type CertificateFacts, certificateLogLabel } from '../core/certificate';
import { createCsr } from '../core/csr';
import { firstValue, parseConnectorSubject, type DnAttribute } from '../core/dn';
import { KymaCertError } from '../core/errors';
import { exportPrivateKey, NEW_ENCRYPTED_KEY_FORMAT } from '../core/keyFileFormat';
import { generateRsaKeyAsync } from '../core/keys';
import { caFileFor, certificateBaseName, connectionFileFor } from '../core/pairing';
import { requireSameServiceUrl } from '../core/serviceHosts';
import { ensureDirectory } from './backups';
import { serializeConnection } from './connection';
import { atomicWriteFiles, PRIVATE_KEY_MODE } from './files';
import { withCertificateLock } from './lock';
import { checkHttpsUrl } from './management';
import type { KeyPassphraseOption } from './material';
import type { WorkflowHooks } from './renew';
import { createConnectorClient, throwIfCancelled, type NetworkOptions } from './tls-options';
import { verifyIssuedCertificates } from './verify';

export interface IssueRequest extends NetworkOptions, WorkflowHooks, KeyPassphraseOption {
  /** The one-time URL from Kyma: `https://connector-service.<domain>/v1/applications/signingRequests/info?token=…`. */
  tokenUrl: string;
  /** Directory for the new files (created if missing). */
  outDir: string;
  /** Base name of the files: `<name>.crt`, `<name>.key`, `<name>-ca.crt`, `<name>.kyma.json`. Default `client`. */
  name?: string;
  /** Replace existing files of that name. */
  force?: boolean;
  /**
   * Without `name`: asked for the file name once the token was redeemed, with the application's name (the
   * subject's CN) as the suggestion; undefined cancels before anything is generated, signed or written.
   */
  chooseName?: (applicationName: string) => Promise<string | undefined>;
}

export interface IssueResult {
  certFile: string;
  keyFile: string;
  caFile: string;
  connectionFile: string;
  certificate: CertificateFacts;
  /** management/info URL from the answer's `api.infoUrl`, remembered for renewals. */
  infoUrl: string;
}

function checkName(name: string): string {
  if (name === '' || name !== path.basename(name) || name === '.' || name === '..') {
    throw new KymaCertError('config', `The name "${name}" must be a plain file name without a directory.`);
  }
  return name;
}

/**
 * Gets a first certificate from a one-time token (spec §3): token info → new RSA 2048 key → CSR with the returned
 * subject → POST to csrUrl → verify → write key (0600), certificate, CA and the remembered connection atomically.
 * Refuses to replace existing files unless `force`, and checks that before spending the token. On any failure
 * nothing is written.
 */
export async function issueCertificate(req: IssueRequest): Promise<IssueResult> {
  const outDir = path.resolve(req.outDir);
  checkHttpsUrl(req.tokenUrl, 'The token URL');
  // Asking for the name needs the application's name, which only the token's answer tells.
  let redeemed: Redeemed | undefined;
  let name = req.name;
  if (name === undefined && req.chooseName) {
    redeemed = await redeem(req);
    name = await req.chooseName(firstValue(redeemed.subject, 'CN') ?? 'client');
    if (name === undefined) throw new KymaCertError('cancelled', 'Cancelled before a key was generated; nothing was written.');
  }
  const certFile = path.join(outDir, `${checkName(name ?? 'client')}.crt`);
  // The lock lives next to the certificate, so the folder must exist first; a failed run removes what it created.
  const undoDir = await ensureDirectory(outDir);
  try {
    return await withCertificateLock(certFile, () => issueLocked(req, outDir, certFile, redeemed));
  } catch (e) {
    await undoDir();
    throw e;
  }
}

/** What the one-time token's answer says: the subject to ask for and where to send the CSR and later renewals. */
interface Redeemed {
  client: Awaited<ReturnType<typeof createConnectorClient>>;
  subject: DnAttribute[];
  subjectText: string;
  csrUrl: string;
  infoUrl: string;
}

async function redeem(req: IssueRequest): Promise<Redeemed> {
  const progress = req.onProgress ?? (() => undefined);
  const client = await createConnectorClient(req);
  progress('Redeeming the one-time token');
  // A used or expired token is a plain 403 `invalid-token`; the connector's error carries the `new-token` remedy.
  const info = await client.getSigningRequestInfo(req.tokenUrl);
  const subjectText = info?.certificate?.subject;
  const infoUrl = info?.api?.infoUrl;
  if (typeof info?.csrUrl !== 'string' || typeof subjectText !== 'string' || typeof infoUrl !== 'string') {
    throw new KymaCertError('server', 'The token answer lacks csrUrl, certificate.subject or api.infoUrl.');
  }
  let subject: DnAttribute[];
  try {
    subject = parseConnectorSubject(subjectText);
  } catch (e) {
    throw new KymaCertError('server', `The token answer has a subject we cannot read: ${subjectText}`, undefined, { cause: e });
  }
  // Both URLs come from the server: the CSR goes, and later renewals present the certificate, only to the token
  // URL's host or its documented partner (connector-service.D ↔ gateway.D).
  const csrUrl = requireSameServiceUrl(req.tokenUrl, info.csrUrl, 'csrUrl');
  requireSameServiceUrl(req.tokenUrl, infoUrl, 'api.infoUrl');
  return { client, subject, subjectText, csrUrl, infoUrl };
}

async function issueLocked(req: IssueRequest, outDir: string, certFile: string, redeemedEarlier?: Redeemed): Promise<IssueResult> {
  const now = req.now ?? (() => new Date());
  const progress = req.onProgress ?? (() => undefined);
  const log = req.log ?? (() => undefined);
  const keyFile = path.join(outDir, `${certificateBaseName(certFile)}.key`);
  const caFile = caFileFor(certFile);
  const connectionFile = connectionFileFor(certFile);

  if (!req.force) {
    for (const file of [certFile, keyFile, caFile, connectionFile]) {
      if (await pathExists(file)) {
        throw new KymaCertError('config', `${file} already exists.`, undefined, { remedy: { kind: 'choose-other-name', data: { file } } });
      }
    }
  }

  const { client, subject, subjectText, csrUrl, infoUrl } = redeemedEarlier ?? (await redeem(req));
  log(`subject ${subjectText}`);
  throwIfCancelled(req.signal);

  progress('Generating a new RSA 2048 key');
  const { key, pem: plainKeyPem } = await generateRsaKeyAsync(2048);
  // With a passphrase the new key is written encrypted (PKCS#8, AES-256-CBC): it never touches the disk in plain text.
  const keyPem = req.keyPassphrase === undefined ? plainKeyPem : exportPrivateKey(key, NEW_ENCRYPTED_KEY_FORMAT, req.keyPassphrase);
  throwIfCancelled(req.signal);

  progress('Requesting the certificate');
  // A used or expired token is a 403 `invalid-token`; the connector's error carries the `new-token` remedy.
  const issued = await client.signCsrWithToken(csrUrl, createCsr(subject, key));

  progress('Verifying the certificate');
  const verified = verifyIssuedCertificates({ issued, key, expectedSubject: subject, now: now() });
  log(`certificate ${certificateLogLabel(verified.clientFacts)}`);

  progress('Writing the key and certificate');
  await atomicWriteFiles([
    { path: keyFile, data: keyPem, mode: PRIVATE_KEY_MODE },
    { path: certFile, data: verified.clientPem },
    { path: caFile, data: verified.caPem },
    { path: connectionFile, data: serializeConnection(certFile, { infoUrl, keyFile, caFile: req.caFile }) },
  ]);
  return { certFile, keyFile, caFile, connectionFile, certificate: verified.clientFacts, infoUrl };
}

/** Anything at that path, even a dangling link or a pipe (never opened: existence is all that matters here). */
async function pathExists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
