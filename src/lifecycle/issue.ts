import { promises as fs } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import * as path from 'node:path';
import type { Onboarding } from '../connector/backend';
import { describeTokenSource, parseTokenInput, type BackendKind, type ConnectorToken } from '../connector/tokenInput';
import { type CertificateFacts, certificateLogLabel } from '../core/certificate';
import { createCsr, parseCsr } from '../core/csr';
import { firstValue, formatConnectorSubject, subjectMismatch, type DnAttribute } from '../core/dn';
import { KymaCertError } from '../core/errors';
import { exportPrivateKey, NEW_ENCRYPTED_KEY_FORMAT } from '../core/keyFileFormat';
import { generateRsaKeyAsync, spkiDer } from '../core/keys';
import { caFileFor, certificateBaseName, connectionFileFor } from '../core/pairing';
import { ensureDirectory } from './backups';
import { serializeConnection } from './connection';
import { atomicWriteFiles, PRIVATE_KEY_MODE } from './files';
import { withCertificateLock } from './lock';
import type { KeyPassphraseOption } from './material';
import type { WorkflowHooks } from './renew';
import { createBackendClient, throwIfCancelled, type NetworkOptions } from './tls-options';
import { verifyIssuedCertificates } from './verify';

export interface IssueRequest extends NetworkOptions, WorkflowHooks, KeyPassphraseOption {
  /**
   * What the user was given, in any form (connector/tokenInput.ts): a Kyma token URL, a Compass legacyConnectorURL,
   * the Compass `rawEncoded` token data, or a raw token (with `connectorUrl`).
   */
  token?: string;
  /** Old name of `token` (a Kyma token URL); still accepted. */
  tokenUrl?: string;
  /** The connector URL that goes with a raw token. */
  connectorUrl?: string;
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
  /** Builds the CSR; default core/csr createCsr. For callers with their own CSR rules (and tests that break them). */
  csrFactory?: (subject: readonly DnAttribute[], key: KeyObject) => string;
}

export interface IssueResult {
  certFile: string;
  keyFile: string;
  caFile: string;
  connectionFile: string;
  certificate: CertificateFacts;
  /** Which backend issued it (remembered for renewals). */
  backend: BackendKind;
  /** Where renewals go (remembered): management/info (Kyma, adapter) or certificateSecuredConnectorURL (Compass). */
  infoUrl: string;
}

function checkName(name: string): string {
  if (name === '' || name !== path.basename(name) || name === '.' || name === '..') {
    throw new KymaCertError('config', `The name "${name}" must be a plain file name without a directory.`);
  }
  return name;
}

/**
 * The token that signs is single-shot (Compass spends it even when signing fails), so the CSR is checked here first:
 * it parses, its signature verifies, it carries our key, and its subject satisfies the service's rule.
 */
function checkCsrLocally(csrPem: string, subject: readonly DnAttribute[], key: KeyObject): void {
  const refuse = (why: string): never => {
    throw new KymaCertError(
      'verification',
      `The certificate signing request was not sent: ${why} The one-time token was not spent on it; nothing was written.`,
      'This is a bug in the CSR builder; report it. The same token can still be used once the CSR is right.',
    );
  };
  let parsed;
  try {
    parsed = parseCsr(csrPem);
  } catch {
    return refuse('it cannot be parsed.');
  }
  if (!parsed.signatureValid) refuse('its signature does not verify.');
  if (!spkiDer(parsed.publicKey).equals(spkiDer(key))) refuse('it does not carry the new public key.');
  const mismatch = subjectMismatch(subject, parsed.subject);
  if (mismatch !== undefined) refuse(`its subject does not satisfy ${formatConnectorSubject(subject)} (${mismatch.replace(/^CSR: /, '')}).`);
}

/**
 * Gets a first certificate from a one-time token in any form (Kyma spec §3; Compass §4): redeem the token (subject,
 * management URL) → new RSA 2048 key → CSR checked locally → signed with the follow-up token → verify → write key
 * (0600), certificate, CA and the remembered connection (backend + URLs) atomically. Refuses to replace existing
 * files unless `force`, and checks that before spending the token. On any failure nothing is written.
 */
export async function issueCertificate(req: IssueRequest): Promise<IssueResult> {
  const outDir = path.resolve(req.outDir);
  const token = parseTokenInput(req.token ?? req.tokenUrl ?? '', req.connectorUrl);
  // Asking for the name needs the application's name, which only the token's answer tells.
  let redeemed: Onboarding | undefined;
  let name = req.name;
  if (name === undefined && req.chooseName) {
    redeemed = await redeem(req, token);
    name = await req.chooseName(firstValue(redeemed.subject, 'CN') ?? 'client');
    if (name === undefined) throw new KymaCertError('cancelled', 'Cancelled before a key was generated; nothing was written.');
  }
  const certFile = path.join(outDir, `${checkName(name ?? 'client')}.crt`);
  // The lock lives next to the certificate, so the folder must exist first; a failed run removes what it created.
  const undoDir = await ensureDirectory(outDir);
  try {
    return await withCertificateLock(certFile, () => issueLocked(req, token, outDir, certFile, redeemed));
  } catch (e) {
    await undoDir();
    throw e;
  }
}

/**
 * Spends the user's token: the subject, the management location and a signer for the follow-up token. The backend
 * holds every URL the server hands back to the token URL's host or its partner (core/serviceHosts.ts). A used or
 * expired token is `invalid-token` with the `new-token` remedy.
 */
async function redeem(req: IssueRequest, token: ConnectorToken): Promise<Onboarding> {
  const progress = req.onProgress ?? (() => undefined);
  const backend = await createBackendClient(token.backend, req);
  progress('Redeeming the one-time token');
  req.log?.(`token: ${describeTokenSource(token.source)} (${token.backend} backend)`);
  return backend.redeemToken(token);
}

async function issueLocked(req: IssueRequest, token: ConnectorToken, outDir: string, certFile: string, redeemedEarlier?: Onboarding): Promise<IssueResult> {
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

  const onboarding = redeemedEarlier ?? (await redeem(req, token));
  const { subject, location } = onboarding;
  log(`subject ${formatConnectorSubject(subject)}`);
  throwIfCancelled(req.signal);

  progress('Generating a new RSA 2048 key');
  const { key, pem: plainKeyPem } = await generateRsaKeyAsync(2048);
  // With a passphrase the new key is written encrypted (PKCS#8, AES-256-CBC): it never touches the disk in plain text.
  const keyPem = req.keyPassphrase === undefined ? plainKeyPem : exportPrivateKey(key, NEW_ENCRYPTED_KEY_FORMAT, req.keyPassphrase);
  throwIfCancelled(req.signal);

  const csrPem = (req.csrFactory ?? createCsr)(subject, key);
  checkCsrLocally(csrPem, subject, key);
  progress('Requesting the certificate');
  const issued = await onboarding.sign(csrPem);

  progress('Verifying the certificate');
  const verified = verifyIssuedCertificates({ issued, key, expectedSubject: subject, now: now() });
  log(`certificate ${certificateLogLabel(verified.clientFacts)}`);

  progress('Writing the key and certificate');
  const remembered = { backend: location.backend, infoUrl: location.url, directorUrl: location.directorUrl, keyFile, caFile: req.caFile };
  await atomicWriteFiles([
    { path: keyFile, data: keyPem, mode: PRIVATE_KEY_MODE },
    { path: certFile, data: verified.clientPem },
    { path: caFile, data: verified.caPem },
    { path: connectionFile, data: serializeConnection(certFile, remembered) },
  ]);
  return { certFile, keyFile, caFile, connectionFile, certificate: verified.clientFacts, backend: location.backend, infoUrl: location.url };
}

/** Anything at that path, even a dangling link or a pipe (never opened: existence is all that matters here). */
async function pathExists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
