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
exports.registerRestoreCertificateCommand = registerRestoreCertificateCommand;
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const errors_1 = require("../core/errors");
const certificatePicker_1 = require("../features/certificatePicker");
const commandSupport_1 = require("../features/commandSupport");
const certificate_1 = require("../core/certificate");
const presentation_1 = require("../views/presentation");
const boundedRead_1 = require("../io/boundedRead");
/**
 * "Kyma Certificates: Restore Previous Certificate": a quick pick of the backups renewal kept (newest first, with
 * each one's validity), then `restoreCertificate`, which puts the chosen one back and keeps the current one as a
 * backup (restoring twice undoes). Refused in Restricted Mode (it writes files).
 */
function registerRestoreCertificateCommand(index, settings, log, runner) {
    return vscode.commands.registerCommand(constants_1.CommandId.restoreCertificate, async (arg, options) => {
        const t = vscode.l10n.t;
        if ((0, commandSupport_1.refusedInRestrictedMode)(t('Restoring is disabled in Restricted Mode: it rewrites files in this folder. Trust the workspace to restore certificates.'))) {
            return 'refused';
        }
        const target = await (0, certificatePicker_1.resolveCertificateTarget)(arg, index, settings, { placeHolder: t('Which certificate should be restored?'), clientOnly: true });
        if (!target)
            return 'cancelled';
        const shown = index.displayPath(target.fsPath);
        const { listBackups, restoreCertificate } = await Promise.resolve().then(() => __importStar(require('../lifecycle/restore')));
        let backups;
        try {
            backups = await listBackups(target.fsPath);
        }
        catch (error) {
            runner.reportFailure(t('Listing the backups of {0}', shown), error, { certFile: target.fsPath });
            return 'failed';
        }
        if (backups.length === 0) {
            void vscode.window.showInformationMessage(t('There is no earlier version of {0}. Renewal keeps the previous certificates in .kyma-backups.', shown));
            return 'refused';
        }
        const wanted = (0, commandSupport_1.optionsArg)(options).backup;
        const backup = wanted ? backups.find((b) => b.id === wanted) : await pickBackup(backups, shown);
        if (!backup)
            return wanted ? 'refused' : 'cancelled';
        // The key the index paired (the resolver's answer, including the keyFiles setting): a backup must fit it.
        const paired = index.get(target)?.key;
        const keyFile = paired?.status === 'match' ? paired.file : undefined;
        const outcome = await runner.run({ title: t('Restoring {0}', shown), certFile: target.fsPath }, ({ log }) => restoreCertificate({ certFile: target.fsPath, backup: backup.id, keyFile, log }));
        if (!outcome.ok)
            return outcome.cancelled ? 'cancelled' : 'failed';
        const restored = outcome.value.restored;
        log.info(`Restored ${(0, certificate_1.certificateLogLabel)(restored)} into ${shown} from backup ${backup.id}`);
        await index.refresh(target);
        void vscode.window.showInformationMessage(t('Restored {0} from {1}: valid until {2}.', (0, presentation_1.displayName)(restored), (0, presentation_1.formatUtc)(backup.createdAt), (0, presentation_1.formatUtc)(restored.notAfter)));
        return 'done';
    });
}
/** Quick pick of the backups, each described by the certificate it holds. */
async function pickBackup(backups, shown) {
    const t = vscode.l10n.t;
    const { certificateFacts } = await Promise.resolve().then(() => __importStar(require('../core/certificate')));
    const items = await Promise.all(backups.map(async (backup) => {
        let description;
        let detail;
        try {
            const facts = certificateFacts(await (0, boundedRead_1.readRegularFile)(backup.certBackup));
            description = t('{0}, valid until {1}', (0, presentation_1.displayName)(facts), (0, presentation_1.formatUtc)(facts.notAfter));
            detail = `SHA-256 ${facts.fingerprint256}`;
        }
        catch (e) {
            description = t('unreadable: {0}', (0, errors_1.messageOf)(e));
        }
        return { label: `$(history) ${(0, presentation_1.formatUtc)(backup.createdAt)}`, description, detail, backup };
    }));
    const picked = await vscode.window.showQuickPick(items, {
        title: t('Restore Previous Certificate'),
        placeHolder: t('Which earlier version of {0} should be put back? (The current one is kept as a backup.)', shown),
        matchOnDescription: true,
    });
    return picked?.backup;
}
//# sourceMappingURL=restoreCertificate.js.map