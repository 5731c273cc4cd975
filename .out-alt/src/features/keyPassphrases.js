"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.KeyPassphrases = void 0;
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const errors_1 = require("../core/errors");
const boundedRead_1 = require("../io/boundedRead");
/** How often a wrong passphrase may be typed before the operation gives up. */
const MAX_ATTEMPTS = 3;
/**
 * Passphrases of encrypted private keys in the editor. Asked with a password box when a key is about to be used
 * (never by the index), checked against the key file at once, and kept in SecretStorage (the OS keychain) only
 * when `kymaCert.rememberKeyPassphrase` is on, keyed by the key file's absolute path. A stored passphrase that no
 * longer decrypts the key is forgotten. Passphrases never reach a log line or a message.
 */
class KeyPassphrases {
    secrets;
    settings;
    log;
    constructor(secrets, settings, log) {
        this.secrets = secrets;
        this.settings = settings;
        this.log = log;
    }
    /**
     * The passphrase to use for `keyFile`: `{ passphrase: undefined }` for a plain key (or an encrypted key when
     * `interactive` is false and nothing is stored; the workflow then fails with `passphrase-required`), `undefined`
     * when the user dismissed the question. Throws `bad-passphrase` after MAX_ATTEMPTS wrong answers.
     */
    async unlock(keyFile, name, interactive) {
        const keys = await Promise.resolve().then(() => __importStar(require('../core/keys')));
        let data;
        try {
            data = await (0, boundedRead_1.readRegularFile)(keyFile);
        }
        catch {
            return {}; // the workflow reports the unreadable file itself
        }
        if (!keys.isEncryptedPrivateKey(data))
            return {};
        const decrypts = (passphrase) => {
            try {
                keys.loadPrivateKey(data, passphrase);
                return true;
            }
            catch {
                return false;
            }
        };
        const id = secretId(keyFile);
        if (this.settings.current.rememberKeyPassphrase) {
            const stored = await this.secrets.get(id).then(undefined, () => undefined);
            if (stored !== undefined && decrypts(stored))
                return { passphrase: stored };
            if (stored !== undefined) {
                await this.forget(keyFile);
                this.log.warn(`The stored passphrase of ${keyFile} no longer decrypts it; it was forgotten.`);
            }
        }
        if (!interactive)
            return {};
        const t = vscode.l10n.t;
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            const answer = await vscode.window.showInputBox({
                title: t('Passphrase of the private key of {0}', name),
                prompt: attempt === 1
                    ? t('{0} is encrypted. The passphrase is used in memory only; the key stays encrypted on disk.', path.basename(keyFile))
                    : t('That passphrase does not decrypt {0}. Try again ({1} of {2}).', path.basename(keyFile), attempt, MAX_ATTEMPTS),
                password: true,
                ignoreFocusOut: true,
            });
            if (answer === undefined)
                return undefined;
            if (!decrypts(answer))
                continue;
            if (this.settings.current.rememberKeyPassphrase) {
                await this.secrets.store(id, answer).then(undefined, (e) => this.log.warn(`Could not store the passphrase of ${keyFile}: ${(0, errors_1.messageOf)(e)}`));
            }
            return { passphrase: answer };
        }
        throw new errors_1.KymaCertError('bad-passphrase', t('The passphrase does not decrypt {0}.', path.basename(keyFile)));
    }
    /** Drops a stored passphrase (after the workflow found it wrong). */
    async forget(keyFile) {
        await this.secrets.delete(secretId(keyFile)).then(undefined, () => undefined);
    }
}
exports.KeyPassphrases = KeyPassphrases;
function secretId(keyFile) {
    return `kymaCert.keyPassphrase:${path.resolve(keyFile)}`;
}
//# sourceMappingURL=keyPassphrases.js.map