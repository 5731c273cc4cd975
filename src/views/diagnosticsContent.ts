/**
 * What the Problems panel says about an indexed certificate file, as pure functions (no `vscode` import): the
 * index entry's blocks and pairing go through core's `findProblems`, without parsing the file again.
 */
import * as path from 'node:path';
import type { ExpiryThresholds } from '../core/expiry';
import type { CryptoBlock } from '../core/pem';
import { findProblems, Problem, ProblemFacts, Translate } from '../core/problems';
import type { CertificateEntry } from '../lifecycle/certificateEntry';

/** The problems of one indexed certificate file. `displayPath` shortens the key file name for messages. */
export function problemsOfEntry(
  entry: CertificateEntry,
  now: Date,
  thresholds: ExpiryThresholds,
  t: Translate,
  displayPath: (file: string) => string = (f) => path.basename(f),
): Problem[] {
  // The index keeps only readable certificate blocks, with their line ranges: that is all findProblems needs.
  const blocks: CryptoBlock[] = entry.certificates.map((c) => ({
    kind: 'certificate',
    label: 'CERTIFICATE',
    der: c.facts.der,
    startLine: c.startLine,
    endLine: c.endLine,
  }));
  const facts: ProblemFacts[] = entry.certificates.map((c) => c.facts);
  // A key in the certificate file itself needs no name; a key elsewhere is named as the user sees it.
  const keyFile = entry.key.file && entry.key.file !== entry.file ? displayPath(entry.key.file) : undefined;
  // The index pairs the key with the file's first certificate; when that is a CA (a bundle in the wrong order)
  // the pairing says nothing about the client certificate, and the bundle-order problem says what to fix.
  const pairedWithClient = !entry.certificates[0].facts.isCA;
  return findProblems({
    blocks,
    facts,
    now,
    thresholds,
    key: pairedWithClient ? { status: entry.key.status, file: keyFile, problem: entry.key.problem } : undefined,
    revoked: entry.connection?.revoked,
    translate: t,
  });
}

/** The private key file whose hygiene (permissions, git) should be checked for this entry, if any. */
export function keyFileOf(entry: CertificateEntry): string | undefined {
  return entry.key.status === 'missing' ? undefined : entry.key.file;
}
