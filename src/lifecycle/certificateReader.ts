/**
 * Reads one certificate file for the index: parse once, pair with the private key and CA file, read the
 * remembered connection. No `vscode` import. Loaded lazily through `loadCertificateReader()`: it pulls in the
 * parser and node-forge, which activation should not wait for.
 */
import { readFile, stat } from 'node:fs/promises';
import { CertificateFacts, certificateFacts } from '../core/certificate';
import { isKymaCertError } from '../core/errors';
import { keyDataMatchesCertificate, keyMatchesCertificate, loadPrivateKey } from '../core/keys';
import { caFileFor, keyCandidates } from '../core/pairing';
import { CryptoBlock, parseCryptoFile } from '../core/pem';
import { RememberedConnection, readConnection } from './connection';
import { CertificateBlock, KeyPairing, ReadEntryOptions, ReadEntryResult } from './certificateEntry';
import { messageOf } from '../core/errors';

export { MAX_INPUT_BYTES } from '../core/pem';

/** Reads and pairs one file. Never throws: problems become `skipped` or a key status. */
export async function readCertificateEntry(file: string, options: ReadEntryOptions): Promise<ReadEntryResult> {
  let data: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { skipped: 'missing' };
    if (info.size > options.maxFileSizeBytes) return { skipped: 'too-large', detail: `${info.size} bytes` };
    data = await readFile(file);
  } catch (e) {
    return { skipped: isNotFound(e) ? 'missing' : 'unreadable', detail: messageOf(e) };
  }
  const parsed = parseBlocks(data);
  if ('problem' in parsed) return { skipped: 'unreadable', detail: parsed.problem };
  if (parsed.certificates.length === 0) return { skipped: 'no-certificate' };

  let connection: RememberedConnection | undefined;
  let connectionProblem: string | undefined;
  try {
    connection = await readConnection(file);
  } catch (e) {
    connectionProblem = messageOf(e);
  }
  const leaf = parsed.certificates[0].facts;
  const key = await pairKey(file, leaf, parsed.keyBlocks, connection, options.keyFileOverride);
  const caFile = caFileFor(file);
  return {
    entry: {
      file,
      format: parsed.format,
      certificates: parsed.certificates,
      key,
      caFile: caFile !== file && (await isFile(caFile)) ? caFile : undefined,
      connection,
      connectionProblem,
      revoked: connection?.revoked?.sha256Hex === leaf.sha256Hex,
    },
  };
}

/** The certificates (and private-key blocks) of a file or editor text; damaged blocks are left out. */
export function parseBlocks(
  data: Buffer | string,
): { format: 'pem' | 'der'; certificates: CertificateBlock[]; keyBlocks: CryptoBlock[] } | { problem: string } {
  let blocks: CryptoBlock[];
  let format: 'pem' | 'der' | 'none';
  try {
    ({ format, blocks } = parseCryptoFile(data));
  } catch (e) {
    return { problem: messageOf(e) };
  }
  const certificates: CertificateBlock[] = [];
  for (const block of blocks) {
    if (block.kind !== 'certificate') continue;
    try {
      certificates.push({ facts: certificateFacts(block.der), startLine: block.startLine, endLine: block.endLine });
    } catch {
      // A damaged block is simply not a certificate we can describe; the rest of the file still is.
    }
  }
  const keyBlocks = blocks.filter((b) => b.kind === 'private-key' || b.kind === 'encrypted-private-key');
  return { format: format === 'der' ? 'der' : 'pem', certificates, keyBlocks };
}

/**
 * Finds the private key of `certFile`: a setting, then the remembered connection, then a key in the same file,
 * then the naming rules. The first candidate that exists decides, unless a later one matches.
 */
async function pairKey(
  certFile: string,
  leaf: CertificateFacts,
  sameFileKeys: readonly CryptoBlock[],
  connection: RememberedConnection | undefined,
  override: string | undefined,
): Promise<KeyPairing> {
  let firstFound: KeyPairing | undefined;
  for (const block of sameFileKeys) {
    if (block.kind === 'encrypted-private-key') firstFound ??= { status: 'encrypted', file: certFile, source: 'same-file' };
    else if (keyBlockMatches(block.der, leaf)) return { status: 'match', file: certFile, source: 'same-file' };
  }
  const candidates: Array<{ file: string; source: KeyPairing['source'] }> = [
    ...(override ? [{ file: override, source: 'setting' as const }] : []),
    ...(connection?.keyFile ? [{ file: connection.keyFile, source: 'connection' as const }] : []),
    ...keyCandidates(certFile).map((file) => ({ file, source: 'naming' as const })),
  ];
  for (const candidate of candidates) {
    let data: Buffer;
    try {
      data = await readFile(candidate.file);
    } catch (e) {
      if (candidate.source !== 'naming' && !firstFound) {
        firstFound = { status: 'unreadable', file: candidate.file, problem: messageOf(e), source: candidate.source };
      }
      continue;
    }
    let outcome: KeyPairing;
    try {
      const ok = keyDataMatchesCertificate(data, leaf);
      outcome = { status: ok ? 'match' : 'mismatch', file: candidate.file, source: candidate.source };
    } catch (e) {
      // An encrypted key's public half is encrypted too: without asking for the passphrase it cannot be compared.
      outcome = isPassphraseNeeded(e)
        ? { status: 'encrypted', file: candidate.file, source: candidate.source }
        : { status: 'unreadable', file: candidate.file, problem: messageOf(e), source: candidate.source };
    }
    if (outcome.status === 'match') return outcome;
    firstFound ??= outcome;
  }
  return firstFound ?? { status: 'missing' };
}

function keyBlockMatches(der: Buffer, leaf: CertificateFacts): boolean {
  try {
    return keyMatchesCertificate(loadPrivateKey(der), leaf.der);
  } catch {
    return false;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function isPassphraseNeeded(e: unknown): boolean {
  return isKymaCertError(e, 'passphrase-required');
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT';
}

