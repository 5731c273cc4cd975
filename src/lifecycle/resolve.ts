/**
 * The one answer to "which key file, which management/info URL, which server CA file" for a certificate, shared by
 * the CLI, the editor commands, auto-renew and the index (they used to decide it each in their own way).
 *
 * Precedence, highest first:
 *   1. explicit: what the user named for this certificate: CLI flags (`--key`, `--info-url`/`--domain`,
 *      `--ca-file`), the editor's per-certificate `kymaCert.keyFiles` setting, or an answer just given in a prompt;
 *   2. remembered: `<name>.kyma.json` next to the certificate, whose paths must stay inside the certificate's folder
 *      (checked by `readConnection`; a violation is a `config` error naming the file, and the file is then not used);
 *   3. defaults: workspace-wide editor settings (`managementInfoUrl`/`clusterDomain`, `caFile`). They rank below the
 *      remembered connection because one workspace may hold certificates of several clusters;
 *   4. pairing rules (`core/pairing.ts`) for the key: `app.key`, `app-key.pem`, `app.key.pem` next to `app.crt`.
 * An explicit key is the only key candidate: when the user names a key, a mismatch is reported, not papered over.
 */
import * as path from 'node:path';
import { KymaCertError, isKymaCertError } from '../core/errors';
import { keyDataMatchesCertificate } from '../core/keys';
import { connectionFileFor, keyCandidates } from '../core/pairing';
import { parseCryptoFile, type CryptoBlock } from '../core/pem';
import { readRegularFile, readRegularFileIfExists } from '../io/boundedRead';
import type { FolderListing } from '../io/folderListing';
import { readConnection, type RememberedConnection } from './connection';
import { precedence, type ExplicitChoices, type WorkspaceDefaults } from './precedence';

export { defaultsFromSettings, infoUrlForDomain, precedence, type ExplicitChoices, type WorkspaceDefaults } from './precedence';

export type KeySource = 'flag' | 'setting' | 'connection' | 'naming' | 'same-file';

export interface KeyCandidate {
  file: string;
  source: KeySource;
}

/** How the private key of a certificate was found (the index shows it; the workflows use `file` when `match`). */
export interface KeyPairing {
  /** `encrypted`: an encrypted key that cannot be compared without its passphrase (checked once unlocked). */
  status: 'match' | 'mismatch' | 'missing' | 'unreadable' | 'encrypted';
  /** Absolute path of the key file (the certificate file itself for a combined PEM). */
  file?: string;
  /** Why a key file could not be used (never key material). */
  problem?: string;
  source?: KeySource;
}

export interface CertificateInputs {
  certFile: string;
  /** Key files to try, in order (see `pairKey`). */
  keyCandidates: KeyCandidate[];
  infoUrl?: string;
  caFile?: string;
  /** The remembered connection, when it could be read and every path in it is inside the folder. */
  remembered?: RememberedConnection;
  /** Why the remembered connection was not used (not JSON, a path outside the folder, …). */
  rememberedProblem?: KymaCertError;
}

/**
 * Applies the precedence rules above. Never throws for a bad connection file: it lands in `rememberedProblem`.
 * `listing` (the index's, one per pass) saves probing for a connection file the folder does not hold.
 */
export async function resolveCertificateInputs(
  certFile: string,
  explicit: ExplicitChoices = {},
  defaults: WorkspaceDefaults = {},
  listing?: FolderListing,
): Promise<CertificateInputs> {
  const abs = path.resolve(certFile);
  let remembered: RememberedConnection | undefined;
  let rememberedProblem: KymaCertError | undefined;
  try {
    if (!listing || (await listing.mayExist(connectionFileFor(abs)))) remembered = await readConnection(abs);
  } catch (e) {
    rememberedProblem = isKymaCertError(e) ? e : new KymaCertError('config', `Could not read the remembered connection of ${abs}.`, undefined, { cause: e });
  }
  const keyCandidatesList: KeyCandidate[] = explicit.keyFile
    ? [{ file: path.resolve(explicit.keyFile), source: explicit.keyFileFrom ?? 'flag' }]
    : [
        ...(remembered?.keyFile ? [{ file: remembered.keyFile, source: 'connection' as const }] : []),
        ...keyCandidates(abs)
          .filter((file) => file !== remembered?.keyFile)
          .map((file) => ({ file, source: 'naming' as const })),
      ];
  return { certFile: abs, keyCandidates: keyCandidatesList, ...precedence(explicit, remembered, defaults), remembered, rememberedProblem };
}

/**
 * Finds the key among `candidates` that belongs to one of `certificates` (DER): a key block inside the certificate
 * file itself first (`sameFileKeys`), then the candidates in order. The first match wins; without a match, the
 * first candidate that exists decides the status (`mismatch` or `unreadable`), else `missing`. Reads are bounded
 * and refuse pipes and devices (`readRegularFile`); `listing` skips naming-rule candidates that are not there.
 */
export async function pairKey(
  candidates: readonly KeyCandidate[],
  certificates: readonly Buffer[],
  sameFile?: { file: string; keyBlocks: readonly CryptoBlock[] },
  listing?: FolderListing,
): Promise<KeyPairing> {
  // Public halves compared as SPKI, each computed once per distinct key / certificate (cached in core/keys).
  const matches = (key: Buffer | CryptoBlock): boolean => certificates.some((der) => keyDataMatchesCertificate(key, der));
  let firstFound: KeyPairing | undefined;
  for (const block of sameFile?.keyBlocks ?? []) {
    if (block.kind === 'encrypted-private-key') {
      firstFound ??= { status: 'encrypted', file: sameFile!.file, source: 'same-file' };
      continue;
    }
    try {
      if (matches(block)) return { status: 'match', file: sameFile!.file, source: 'same-file' };
    } catch {
      // A damaged key block in the certificate file: the separate key files may still do.
    }
  }
  for (const candidate of candidates) {
    // A file named by the rules may simply not be there; one named by the user or the connection must be.
    if (candidate.source === 'naming' && listing && !(await listing.mayExist(candidate.file))) continue;
    let data: Buffer | undefined;
    try {
      data = candidate.source === 'naming' ? await readRegularFileIfExists(candidate.file) : await readRegularFile(candidate.file);
    } catch (e) {
      firstFound ??= { status: 'unreadable', file: candidate.file, problem: messageOf(e), source: candidate.source };
      continue;
    }
    if (data === undefined) continue;
    let outcome: KeyPairing;
    try {
      outcome = { status: matches(data) ? 'match' : 'mismatch', file: candidate.file, source: candidate.source };
    } catch (e) {
      // An encrypted key's public half is encrypted too: without the passphrase it cannot be compared.
      outcome = isKymaCertError(e, 'passphrase-required')
        ? { status: 'encrypted', file: candidate.file, source: candidate.source }
        : { status: 'unreadable', file: candidate.file, problem: messageOf(e), source: candidate.source };
    }
    if (outcome.status === 'match') return outcome;
    firstFound ??= outcome;
  }
  return firstFound ?? { status: 'missing' };
}

/**
 * The key file a workflow should use for `inputs.certFile` (CLI, commands): the matching candidate, else the first
 * one that exists (the workflow then reports the mismatch precisely), else a `config` error listing what was tried.
 */
export async function chooseKeyFile(inputs: CertificateInputs): Promise<string> {
  const certData = await readRegularFileIfExists(inputs.certFile).catch(() => undefined);
  let ders: Buffer[] = [];
  let keyBlocks: CryptoBlock[] = [];
  if (certData) {
    try {
      const blocks = parseCryptoFile(certData).blocks;
      ders = blocks.filter((b) => b.kind === 'certificate').map((b) => b.der);
      keyBlocks = blocks.filter((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key');
    } catch {
      // The workflow reads the certificate again and reports what is wrong with it.
    }
  }
  const explicit = inputs.keyCandidates.find((c) => c.source === 'flag' || c.source === 'setting');
  // A named key is the only candidate and is used whatever pairing would say of it; only a key inside the
  // certificate file could still win, so without one the key file need not be read here (the workflow reads it).
  if (explicit && keyBlocks.length === 0) return explicit.file;
  const pairing = await pairKey(inputs.keyCandidates, ders, { file: inputs.certFile, keyBlocks }).catch(() => undefined);
  if (pairing?.file) return pairing.file;
  if (explicit) return explicit.file;
  // A remembered connection that was refused may be why no key turned up: that is the error worth reading.
  if (inputs.rememberedProblem) throw inputs.rememberedProblem;
  throw new KymaCertError(
    'config',
    `No private key found for ${inputs.certFile} (tried ${inputs.keyCandidates.map((c) => path.basename(c.file)).join(', ')}).`,
    undefined,
    { remedy: { kind: 'check-key-file' } },
  );
}

/** The info URL, or a `config` error: the remembered connection's problem if that is why there is none. */
export function requireInfoUrl(inputs: CertificateInputs, connectionFile: string): string {
  if (inputs.infoUrl !== undefined) return inputs.infoUrl;
  if (inputs.rememberedProblem) throw inputs.rememberedProblem;
  throw new KymaCertError('config', `No management info URL is known for ${inputs.certFile}.`, undefined, {
    remedy: { kind: 'set-management-url', data: { connectionFile } },
  });
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
