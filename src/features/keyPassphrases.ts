import * as path from 'node:path';
import * as vscode from 'vscode';
import { KymaCertError, messageOf } from '../core/errors';
import { readRegularFile } from '../io/boundedRead';
import { SettingsService } from './settings';

/** How often a wrong passphrase may be typed before the operation gives up. */
const MAX_ATTEMPTS = 3;

/**
 * Passphrases of encrypted private keys in the editor. Asked with a password box when a key is about to be used
 * (never by the index), checked against the key file at once, and kept in SecretStorage (the OS keychain) only
 * when `kymaCert.rememberKeyPassphrase` is on, keyed by the key file's absolute path. A stored passphrase that no
 * longer decrypts the key is forgotten. Passphrases never reach a log line or a message.
 */
export class KeyPassphrases {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * The passphrase to use for `keyFile`: `{ passphrase: undefined }` for a plain key (or an encrypted key when
   * `interactive` is false and nothing is stored; the workflow then fails with `passphrase-required`), `undefined`
   * when the user dismissed the question. Throws `bad-passphrase` after MAX_ATTEMPTS wrong answers.
   */
  async unlock(keyFile: string, name: string, interactive: boolean): Promise<{ passphrase?: string } | undefined> {
    const keys = await import('../core/keys');
    let data: Buffer;
    try {
      data = await readRegularFile(keyFile);
    } catch {
      return {}; // the workflow reports the unreadable file itself
    }
    if (!keys.isEncryptedPrivateKey(data)) return {};
    const decrypts = (passphrase: string): boolean => {
      try {
        keys.loadPrivateKey(data, passphrase);
        return true;
      } catch {
        return false;
      }
    };

    const id = secretId(keyFile);
    if (this.settings.current.rememberKeyPassphrase) {
      const stored = await this.secrets.get(id).then(undefined, () => undefined);
      if (stored !== undefined && decrypts(stored)) return { passphrase: stored };
      if (stored !== undefined) {
        await this.forget(keyFile);
        this.log.warn(`The stored passphrase of ${keyFile} no longer decrypts it; it was forgotten.`);
      }
    }
    if (!interactive) return {};

    const t = vscode.l10n.t;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const answer = await vscode.window.showInputBox({
        title: t('Passphrase of the private key of {0}', name),
        prompt:
          attempt === 1
            ? t('{0} is encrypted. The passphrase is used in memory only; the key stays encrypted on disk.', path.basename(keyFile))
            : t('That passphrase does not decrypt {0}. Try again ({1} of {2}).', path.basename(keyFile), attempt, MAX_ATTEMPTS),
        password: true,
        ignoreFocusOut: true,
      });
      if (answer === undefined) return undefined;
      if (!decrypts(answer)) continue;
      if (this.settings.current.rememberKeyPassphrase) {
        await this.secrets.store(id, answer).then(undefined, (e: unknown) => this.log.warn(`Could not store the passphrase of ${keyFile}: ${messageOf(e)}`));
      }
      return { passphrase: answer };
    }
    throw new KymaCertError('bad-passphrase', t('The passphrase does not decrypt {0}.', path.basename(keyFile)));
  }

  /** Drops a stored passphrase (after the workflow found it wrong). */
  async forget(keyFile: string): Promise<void> {
    await this.secrets.delete(secretId(keyFile)).then(undefined, () => undefined);
  }
}

function secretId(keyFile: string): string {
  return `kymaCert.keyPassphrase:${path.resolve(keyFile)}`;
}
