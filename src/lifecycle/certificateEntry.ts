/**
 * What the index knows about one certificate file (the model; how it is shown lives in `src/views/entryView.ts`).
 * Only type imports: the parser and crypto stack (node-forge) sit behind {@link loadCertificateReader}, so
 * activation does not pay for loading them.
 */
import type { CertificateFacts } from '../core/certificate';
import type { RememberedConnection } from './connection';
import type { KeyPairing } from './resolve';
import type { FolderListing } from '../io/folderListing';

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

/** How the private key of a certificate was found: decided by the one resolver (`resolve.ts`). */
export type { KeyPairing };

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
  /** The folders' names, listed once per pass: companion files that are not there are not probed. */
  listing?: FolderListing;
}

/** Outcome of reading a file: an entry, or why there is none (for the log). */
export type ReadEntryResult = { entry: CertificateEntry } | { skipped: 'missing' | 'too-large' | 'no-certificate' | 'unreadable'; detail?: string };

/** The key file a workflow can use: a matching key, or an encrypted one (checked against the certificate when unlocked). */
export function usableKeyFile(key: KeyPairing): string | undefined {
  return key.status === 'match' || key.status === 'encrypted' ? key.file : undefined;
}
