/**
 * What the index knows about one certificate file, and the pure helpers around it. No `vscode` import (unit-tested
 * in plain Node), and only light imports: the parser and crypto stack (node-forge) sit behind
 * {@link loadCertificateReader}, so activation does not pay for loading them.
 */
import * as path from 'node:path';
import type { CertificateFacts } from '../core/certificate';
import { safeDisplayText } from '../core/displayText';
import { isKymaCertError } from '../core/errors';
import { ExpiryThresholds, assessExpiry } from '../core/expiry';
import type { RememberedConnection } from '../lifecycle/connection';
import { CertificateView, KeyView } from './presentation';

type CertificateReader = typeof import('./certificateReader');
let reader: Promise<CertificateReader> | undefined;

/** Loads the file reader and parser once, on first use (after activation). */
export function loadCertificateReader(): Promise<CertificateReader> {
  reader ??= import('./certificateReader');
  return reader;
}

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

/** The key file a workflow can use: a matching key, or an encrypted one (checked against the certificate when unlocked). */
export function usableKeyFile(key: KeyPairing): string | undefined {
  return key.status === 'match' || key.status === 'encrypted' ? key.file : undefined;
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

/** Error text for the log and the UI; core errors never carry key material. */
/**
 * The text of an error for a notification, a quick pick or the log: escaped and capped (it may quote a server or a
 * file: control characters, bidi overrides, a forged second line) with token values masked. See core/displayText.
 */
export function messageOf(e: unknown): string {
  return safeDisplayText(isKymaCertError(e) || e instanceof Error ? e.message : String(e));
}

/** `a/b.crt` relative to `root` when inside it, else the absolute path. */
export function relativeTo(root: string | undefined, file: string): string {
  if (!root) return file;
  const rel = path.relative(root, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
