/**
 * What the index knows about one certificate file, and how it learns it: parse once, pair with the private
 * key and CA file, read the remembered connection. No `vscode` import, so it runs (and is tested) in plain Node;
 * the index (certificateIndex.ts) only decides *when* to call it.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { CertificateFacts, certificateFacts } from '../core/certificate';
import { isKymaCertError } from '../core/errors';
import { ExpiryThresholds, assessExpiry } from '../core/expiry';
import { keyMatchesCertificate, loadPrivateKey } from '../core/keys';
import { caFileFor, keyCandidates } from '../core/pairing';
import { CryptoBlock, parseCryptoFile } from '../core/pem';
import { RememberedConnection, readConnection } from '../lifecycle/connection';
import { CertificateView, KeyView } from './presentation';

/** One certificate block of a file, with the lines it spans (for hovers). */
export interface CertificateBlock {
  facts: CertificateFacts;
  /** 0-based, inclusive; DER files: 0/0. */
  startLine: number;
  endLine: number;
}

/** How the private key of a certificate was found. */
export interface KeyPairing {
  status: KeyView['status'];
  /** Absolute path of the key file (the certificate file itself for a combined PEM). */
  file?: string;
  /** Why a key file could not be used (never key material). */
  problem?: string;
  /** Where the path came from: a setting, the remembered connection, the naming rules, or the same file. */
  source?: 'setting' | 'connection' | 'naming' | 'same-file';
}

/** Everything the editor shows about one certificate file. */
export interface CertificateEntry {
  /** Absolute path. */
  file: string;
  format: 'pem' | 'der';
  /** Every certificate in the file, in file order; never empty. The first is the one the file is about. */
  certificates: CertificateBlock[];
  key: KeyPairing;
  /** The issuing CA file next to the certificate (`app-ca.crt`), when it exists. */
  caFile?: string;
  connection?: RememberedConnection;
  /** Why the remembered connection file could not be read. */
  connectionProblem?: string;
  /** The remembered connection says this very certificate was revoked. */
  revoked: boolean;
}

export interface ReadEntryOptions {
  maxFileSizeBytes: number;
  /** A key file chosen in the settings (absolute), tried first. */
  keyFileOverride?: string;
}

/** Outcome of reading a file: an entry, or why there is none (for the log). */
export type ReadEntryResult =
  | { entry: CertificateEntry }
  | { skipped: 'missing' | 'too-large' | 'no-certificate' | 'unreadable'; detail?: string };

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
  return { format: format === 'der' ? 'der' : 'pem', certificates, keyBlocks: blocks.filter((b) => b.kind === 'private-key') };
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
  for (const block of sameFileKeys) {
    if (keyBlockMatches(block.der, leaf)) return { status: 'match', file: certFile, source: 'same-file' };
  }
  const candidates: Array<{ file: string; source: KeyPairing['source'] }> = [
    ...(override ? [{ file: override, source: 'setting' as const }] : []),
    ...(connection?.keyFile ? [{ file: connection.keyFile, source: 'connection' as const }] : []),
    ...keyCandidates(certFile).map((file) => ({ file, source: 'naming' as const })),
  ];
  let firstFound: KeyPairing | undefined;
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
      const ok = keyMatchesCertificate(loadPrivateKey(data), leaf.der);
      outcome = { status: ok ? 'match' : 'mismatch', file: candidate.file, source: candidate.source };
    } catch (e) {
      outcome = { status: 'unreadable', file: candidate.file, problem: messageOf(e), source: candidate.source };
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

/** The presentation view of one block of an entry at `now`. `displayFile` is the path shown to the user. */
export function viewOf(
  entry: CertificateEntry,
  block: CertificateBlock,
  now: Date,
  thresholds: ExpiryThresholds,
  displayPath: (file: string) => string,
): CertificateView {
  const isLeaf = block === entry.certificates[0];
  return {
    facts: block.facts,
    expiry: assessExpiry(block.facts, now, thresholds),
    revoked: isLeaf && entry.revoked,
    file: displayPath(entry.file),
    key: isLeaf ? keyViewOf(entry.key, displayPath) : undefined,
  };
}

/** The key pairing as shown to the user. */
export function keyViewOf(key: KeyPairing, displayPath: (file: string) => string): KeyView {
  return { status: key.status, file: key.file ? displayPath(key.file) : undefined, problem: key.problem };
}

/** The certificate block that spans `line` (0-based), if any. */
export function blockAtLine<T extends { startLine: number; endLine: number }>(blocks: readonly T[], line: number): T | undefined {
  return blocks.find((b) => line >= b.startLine && line <= b.endLine);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT';
}

/** Error text for the log and the UI; core errors never carry key material. */
export function messageOf(e: unknown): string {
  if (isKymaCertError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** `a/b.crt` relative to `root` when inside it, else the absolute path. */
export function relativeTo(root: string | undefined, file: string): string {
  if (!root) return file;
  const rel = path.relative(root, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
