import * as path from 'node:path';
import { listBackups } from '../lifecycle/backups';
import { restoreCertificate } from '../lifecycle/restore';
import { KEY_PASSPHRASE_OPTIONS, keyPassphrase, parse, requiredString, stringValue } from './args';
import { certificateJson, certificateSummary } from './facts';
import { isoSeconds, printResult, type Io } from './output';

export const RESTORE_USAGE = `Usage: kyma-cert restore --cert FILE [--backup ID] [--key FILE] [--list] [--json]

Puts the newest backup of FILE (or the one named by --backup) back into place. The certificate that was in
place joins the backups, so running restore again undoes it. --list shows the backups instead.
A backup for another key than the current one (--key, else the remembered or conventional key) is refused.
A backup made by \`renew --new-key\` holds the previous key too: certificate and key are restored together
(the key to that same key file). An encrypted key is checked with --key-passphrase-env/-file when given.`;

/** `kyma-cert restore …` */
export async function runRestore(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    cert: { type: 'string' },
    backup: { type: 'string' },
    key: { type: 'string' },
    ...KEY_PASSPHRASE_OPTIONS,
    list: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${RESTORE_USAGE}\n`);
    return 0;
  }
  const certFile = path.resolve(requiredString(values, 'cert'));
  const json = values.json === true;
  if (values.list) {
    const backups = await listBackups(certFile);
    printResult(
      io,
      json,
      {
        backups: backups.map((b) => ({
          id: b.id,
          createdAt: b.createdAt.toISOString(),
          certBackup: b.certBackup,
          caBackup: b.caBackup ?? null,
          keyBackup: b.keyBackup ?? null,
        })),
      },
      backups.length === 0
        ? [`No backups of ${certFile}.`]
        : backups.map((b) => `${b.id}  ${isoSeconds(b.createdAt)}  ${b.certBackup}${b.keyBackup ? ' (with the previous key)' : ''}`),
    );
    return 0;
  }
  const key = stringValue(values, 'key');
  const result = await restoreCertificate({
    certFile,
    backup: stringValue(values, 'backup'),
    keyFile: key ? path.resolve(key) : undefined,
    keyPassphrase: await keyPassphrase(values),
  });
  const now = new Date();
  printResult(
    io,
    json,
    {
      certFile: result.certFile,
      restoredFrom: result.restoredFrom.id,
      backupFile: result.backupFile ?? null,
      keyFile: result.keyFile ?? null,
      restored: certificateJson(result.restored, now),
    },
    [
      `Restored ${certificateSummary(result.restored, now)} from backup ${result.restoredFrom.id}.`,
      ...(result.keyFile ? [`  its key is back in ${result.keyFile}`] : []),
      ...(result.backupFile ? [`  the replaced certificate is in ${result.backupFile}`] : []),
    ],
  );
  return 0;
}
