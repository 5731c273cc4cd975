/**
 * Which indexed certificates a changed file can affect besides itself: those it is a companion of (a key they
 * would try, their CA file, their remembered connection). A certificate's entry depends on no other file, so
 * when a certificate file changes, its neighbours need not be read again. Pure; used by the editor's index.
 */
import { caFileFor, connectionFileFor, keyCandidates } from '../core/pairing';
import type { CertificateEntry } from './certificateEntry';

/**
 * True when `file` is one of the files `entry` was read with or would be paired with: its naming-rule key
 * candidates, the key it found, the key and CA its remembered connection names, its CA and connection files,
 * or `settingKey` (the key chosen for it in the settings). Case-insensitive: on such file systems a
 * differently-cased name is the same file, and a false "yes" only costs a re-read.
 */
export function isCompanionOf(entry: CertificateEntry, file: string, settingKey?: string): boolean {
  const wanted = file.toLowerCase();
  const companions = [
    ...keyCandidates(entry.file),
    entry.key.file,
    entry.connection?.keyFile,
    entry.connection?.caFile,
    caFileFor(entry.file),
    connectionFileFor(entry.file),
    settingKey,
  ];
  return companions.some((companion) => companion !== undefined && companion !== entry.file && companion.toLowerCase() === wanted);
}
