/**
 * The names in folders, each folder listed once per pass. The index reads every certificate's companions (the
 * remembered connection `app.kyma.json`, the CA file `app-ca.crt`, the key by the naming rules), most of which do
 * not exist: probing each with an open or a stat that fails cost more than reading the certificate. One readdir
 * per folder answers "not there" for all of them.
 *
 * Only ever a hint to skip work: a name that may exist is still opened and checked as before (bounded read,
 * regular files only). A listing is a snapshot, so make a new one per pass (the index does, per scan and per
 * flush of changes); a file created after the listing is seen by the watcher's next pass.
 */
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';

export class FolderListing {
  private readonly folders = new Map<string, Promise<ReadonlySet<string> | undefined>>();

  /**
   * False only when the file's folder was listed and holds no such name. Names are compared case-insensitively
   * and Unicode-normalized: on a case-insensitive or normalizing file system, `App.key` opens `app.key`.
   */
  async mayExist(file: string): Promise<boolean> {
    const folder = path.dirname(file);
    let names = this.folders.get(folder);
    if (!names) {
      names = readdir(folder).then(
        (entries) => new Set(entries.map(comparable)),
        () => undefined, // not listable (permissions, gone): no hint, the reader finds out itself
      );
      this.folders.set(folder, names);
    }
    const listed = await names;
    return listed === undefined || listed.has(comparable(path.basename(file)));
  }
}

function comparable(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
