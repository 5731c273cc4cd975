/**
 * Reads one certificate file for the index: parse once, pair with the private key and CA file, read the
 * remembered connection. No `vscode` import. Loaded lazily through `loadCertificateReader()`: it pulls in the
 * parser and node-forge, which activation should not wait for.
 */
import { stat } from 'node:fs/promises';
import { certificateFacts } from '../core/certificate';
import { caFileFor } from '../core/pairing';
import { CryptoBlock, parseCryptoFile } from '../core/pem';
import { CertificateBlock, ReadEntryOptions, ReadEntryResult } from './certificateEntry';
import { isKymaCertError, messageOf } from '../core/errors';
import { isNotFound, readRegularFile } from '../io/boundedRead';
import { pairKey, resolveCertificateInputs } from './resolve';

export { MAX_INPUT_BYTES } from '../core/pem';
export { FolderListing } from '../io/folderListing';
export { isCompanionOf } from './companions';

/** Reads and pairs one file. Never throws: problems become `skipped` or a key status. */
export async function readCertificateEntry(file: string, options: ReadEntryOptions): Promise<ReadEntryResult> {
  let data: Buffer;
  try {
    // Never blocks (a named pipe), never reads past the cap (/dev/zero, a sparse 1.5 GB file): see boundedRead.ts.
    data = await readRegularFile(file, options.maxFileSizeBytes);
  } catch (e) {
    if (isKymaCertError(e, 'too-large')) return { skipped: 'too-large', detail: e.message };
    // A pipe, device or directory named like a certificate is not one of ours: skipped like a missing file.
    if (isNotFound(e) || isKymaCertError(e, 'not-a-file')) return { skipped: 'missing', detail: messageOf(e) };
    return { skipped: 'unreadable', detail: messageOf(e) };
  }
  const parsed = parseBlocks(data);
  if ('problem' in parsed) return { skipped: 'unreadable', detail: parsed.problem };
  if (parsed.certificates.length === 0) return { skipped: 'no-certificate' };

  // The one resolver decides which key files to try (setting, then remembered connection, then naming rules).
  const { listing } = options;
  const inputs = await resolveCertificateInputs(file, { keyFile: options.keyFileOverride, keyFileFrom: 'setting' }, {}, listing);
  const connection = inputs.remembered;
  const connectionProblem = inputs.rememberedProblem?.message;
  const leaf = parsed.certificates[0].facts;
  const key = await pairKey(inputs.keyCandidates, [leaf.der], { file, keyBlocks: parsed.keyBlocks }, listing);
  const caFile = caFileFor(file);
  const hasCaFile = caFile !== file && (!listing || (await listing.mayExist(caFile))) && (await isFile(caFile));
  return {
    entry: {
      file,
      format: parsed.format,
      certificates: parsed.certificates,
      key,
      caFile: hasCaFile ? caFile : undefined,
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

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
