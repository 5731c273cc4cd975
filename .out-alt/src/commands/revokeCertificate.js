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
exports.registerRevokeCertificateCommand = registerRevokeCertificateCommand;
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const certificateEntry_1 = require("../lifecycle/certificateEntry");
const certificatePicker_1 = require("../features/certificatePicker");
const commandSupport_1 = require("../features/commandSupport");
const certificate_1 = require("../core/certificate");
const presentation_1 = require("../views/presentation");
const renewalPrompts_1 = require("../features/renewalPrompts");
const revokeConfirmation_1 = require("../features/revokeConfirmation");
/**
 * "Kyma Certificates: Revoke Certificate": after a modal confirmation naming the subject and SHA-256 fingerprint,
 * revokes the certificate with the Connector Service (`revokeCertificate`). The remembered connection records it,
 * so the status bar, hover, Problems and the Certificates view show it as revoked. Refused in Restricted Mode.
 */
function registerRevokeCertificateCommand(index, settings, log, passphrases, runner) {
    return vscode.commands.registerCommand(constants_1.CommandId.revokeCertificate, async (arg, options) => {
        const t = vscode.l10n.t;
        if ((0, commandSupport_1.refusedInRestrictedMode)(t('Revocation is disabled in Restricted Mode: it would send your client certificate to a server. Trust the workspace to revoke certificates.'))) {
            return 'refused';
        }
        const target = await (0, certificatePicker_1.resolveCertificateTarget)(arg, index, settings, { placeHolder: t('Which certificate should be revoked?'), clientOnly: true, askWhenSeveral: true });
        if (!target)
            return 'cancelled';
        const entry = index.get(target);
        const leaf = entry?.certificates[0].facts;
        if (!entry || !leaf || leaf.isCA) {
            void vscode.window.showErrorMessage(t('{0} holds no client certificate that can be revoked.', index.displayPath(target.fsPath)));
            return 'refused';
        }
        const name = (0, presentation_1.displayName)(leaf);
        if (entry.revoked) {
            void vscode.window.showInformationMessage(t('{0} is already revoked.', name));
            return 'refused';
        }
        const keyFile = (0, certificateEntry_1.usableKeyFile)(entry.key);
        if (!keyFile) {
            void vscode.window.showErrorMessage(t('Revoking {0} needs its private key (the request is signed in the TLS handshake), and no matching key was found.', name));
            return 'refused';
        }
        const current = settings.current;
        // The one resolver's precedence: the remembered connection, then the workspace settings.
        const { defaultsFromSettings, precedence } = await Promise.resolve().then(() => __importStar(require('../lifecycle/precedence')));
        const resolved = precedence({}, entry.connection, defaultsFromSettings(current));
        const infoUrl = resolved.infoUrl ?? (await (0, renewalPrompts_1.askForInfoUrl)(name));
        if (!infoUrl)
            return 'cancelled';
        let keyPassphrase;
        try {
            const unlocked = await passphrases.unlock(keyFile, name, true);
            if (!unlocked)
                return 'cancelled';
            keyPassphrase = unlocked.passphrase;
        }
        catch (error) {
            runner.reportFailure(t('Revoking {0}', name), error, { certFile: entry.file });
            return 'failed';
        }
        if (!(0, commandSupport_1.optionsArg)(options).confirm) {
            const answer = await (0, revokeConfirmation_1.confirmRevocation)(name, leaf);
            if (answer === 'show-details')
                void vscode.commands.executeCommand(constants_1.CommandId.showCertificateDetails, target);
            if (answer !== 'revoke')
                return 'cancelled';
        }
        const outcome = await runner.run({ title: t('Revoking {0}', name), certFile: entry.file }, async ({ signal, progress, log }) => {
            const { revokeCertificate } = await Promise.resolve().then(() => __importStar(require('../lifecycle/revoke')));
            const { caFile } = resolved;
            return revokeCertificate({ certFile: entry.file, keyFile, keyPassphrase, infoUrl, caFile, insecure: current.insecure, signal, onProgress: progress, log });
        });
        if (!outcome.ok)
            return outcome.cancelled ? 'cancelled' : 'failed';
        log.info(`Revoked ${(0, certificate_1.certificateLogLabel)(leaf)} in ${index.displayPath(entry.file)}`);
        await index.refresh(target);
        const requestNew = t('Request Certificate with Token…');
        void vscode.window.showInformationMessage(t('Revoked {0}. Renewal is no longer possible; request a new certificate with a one-time token.', name), requestNew).then((choice) => {
            if (choice === requestNew) {
                void vscode.commands.executeCommand(constants_1.CommandId.requestCertificateWithToken, { outDir: path.dirname(entry.file), name: path.parse(entry.file).name, replace: true });
            }
        });
        return 'done';
    });
}
//# sourceMappingURL=revokeCertificate.js.map