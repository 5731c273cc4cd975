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
exports.registerRequestCertificateWithTokenCommand = registerRequestCertificateWithTokenCommand;
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const commandSupport_1 = require("../features/commandSupport");
const certificate_1 = require("../core/certificate");
const fileNames_1 = require("../views/fileNames");
const presentation_1 = require("../views/presentation");
/**
 * "Kyma Certificates: Request Certificate with Token…": redeems a one-time token for a new key and certificate
 * (`issueCertificate`), written next to each other with the remembered connection, so that renewal works without
 * questions afterwards. Refused in Restricted Mode.
 */
function registerRequestCertificateWithTokenCommand(index, settings, log, runner) {
    return vscode.commands.registerCommand(constants_1.CommandId.requestCertificateWithToken, async (arg) => {
        const t = vscode.l10n.t;
        if ((0, commandSupport_1.refusedInRestrictedMode)(t('Requesting a certificate is disabled in Restricted Mode: it would contact a server and write a private key into this folder. Trust the workspace to request certificates.'))) {
            return 'refused';
        }
        const args = (0, commandSupport_1.optionsArg)(arg);
        const tokenUrl = args.tokenUrl ?? (await askForTokenUrl());
        if (!tokenUrl)
            return 'cancelled';
        const outDir = args.outDir ?? (await askForFolder());
        if (!outDir)
            return 'cancelled';
        // Without a name the user is asked once the token has been redeemed, with the application's name as suggestion.
        const name = args.name;
        const chooseName = name === undefined ? (application) => askForName(outDir, application) : undefined;
        const certFile = path.join(outDir, `${name}.crt`);
        const existing = name === undefined ? [] : [certFile, path.join(outDir, `${name}.key`)].filter((f) => (0, node_fs_1.existsSync)(f));
        let force = false;
        if (existing.length > 0) {
            if (!args.replace) {
                void vscode.window.showErrorMessage(t('{0} already exists. Choose another name.', index.displayPath(existing[0])));
                return 'refused';
            }
            const replace = t('Replace');
            const answer = args.confirm
                ? replace
                : await vscode.window.showWarningMessage(t('Replace {0} with a new certificate and key?', index.displayPath(certFile)), { modal: true, detail: t('The current key is overwritten. Earlier certificates in the backups belong to that key and can no longer be restored.') }, replace);
            if (answer !== replace)
                return 'cancelled';
            force = true;
        }
        const title = name ? t('Requesting a certificate for {0}', name) : t('Requesting a certificate');
        const spec = { title, certFile, insecure: settings.current.insecure };
        const attempt = await runner.runAskingForCa(spec, settings.current.caFile || undefined, async ({ signal, progress, log }, caFile) => {
            // The connector stack (axios) loads on first use, not at activation.
            const { issueCertificate } = await Promise.resolve().then(() => __importStar(require('../lifecycle/issue')));
            return issueCertificate({ tokenUrl, outDir, name, chooseName, force, caFile, insecure: spec.insecure, signal, onProgress: progress, log });
        });
        if (!attempt.ok)
            return attempt.cancelled ? 'cancelled' : 'failed';
        const issued = attempt.value;
        log.info(`Issued ${(0, certificate_1.certificateLogLabel)(issued.certificate)} into ${issued.certFile}`);
        await index.refresh(vscode.Uri.file(issued.certFile));
        const showDetails = t('Show Details');
        void vscode.window
            .showInformationMessage(t('New certificate {0} written to {1}: valid until {2}.', issued.certificate.commonName ?? path.parse(issued.certFile).name, index.displayPath(issued.certFile), (0, presentation_1.formatUtc)(issued.certificate.notAfter)), showDetails)
            .then((choice) => {
            if (choice === showDetails)
                void vscode.commands.executeCommand(constants_1.CommandId.showCertificateDetails, vscode.Uri.file(issued.certFile));
        });
        return 'done';
    });
}
async function askForTokenUrl() {
    const t = vscode.l10n.t;
    const answer = await vscode.window.showInputBox({
        title: t('Request Certificate with Token'),
        prompt: t('The one-time token URL from Kyma (valid for 5 minutes, usable once).'),
        placeHolder: 'https://connector-service.example.com/v1/applications/signingRequests/info?token=…',
        ignoreFocusOut: true,
        validateInput: (value) => {
            try {
                return new URL(value.trim()).protocol === 'https:' ? undefined : t('The Connector Service is only reachable over https.');
            }
            catch {
                return t('This is not a valid URL.');
            }
        },
    });
    return answer?.trim() || undefined;
}
async function askForFolder() {
    const t = vscode.l10n.t;
    const picked = await vscode.window.showOpenDialog({
        title: t('Folder for the new certificate and key'),
        openLabel: t('Use this folder'),
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    return picked?.[0]?.fsPath;
}
async function askForName(outDir, application) {
    const t = vscode.l10n.t;
    const answer = await vscode.window.showInputBox({
        title: t('File name for the new certificate of {0}', application),
        prompt: t('Writes <name>.crt, <name>.key (mode 600), <name>-ca.crt and <name>.kyma.json into {0}.', outDir),
        value: (0, fileNames_1.suggestedFileName)(application, (name) => (0, node_fs_1.existsSync)(path.join(outDir, `${name}.crt`)) || (0, node_fs_1.existsSync)(path.join(outDir, `${name}.key`))),
        ignoreFocusOut: true,
        validateInput: (value) => {
            const name = value.trim();
            if (name === '' || name !== path.basename(name) || name === '.' || name === '..')
                return t('Enter a plain file name without a folder.');
            return (0, node_fs_1.existsSync)(path.join(outDir, `${name}.crt`)) ? t('{0}.crt already exists in this folder.', name) : undefined;
        },
    });
    return answer?.trim() || undefined;
}
//# sourceMappingURL=requestCertificateWithToken.js.map