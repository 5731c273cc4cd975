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
exports.askForInfoUrl = askForInfoUrl;
exports.askForFile = askForFile;
exports.validateInfoUrlOrDomain = validateInfoUrlOrDomain;
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
/**
 * The questions renewal asks when the remembered connection and the settings don't answer them. Each is asked once;
 * the renewal flow remembers the answers next to the certificate.
 */
/** Asks for the management-info URL or the cluster domain; returns the URL, undefined when dismissed. */
async function askForInfoUrl(name) {
    const t = vscode.l10n.t;
    const answer = await vscode.window.showInputBox({
        title: t('Where is the Connector Service of {0}?', name),
        prompt: t('The management info URL, or the cluster domain (then https://gateway.<domain>/v1/applications/management/info is used).'),
        placeHolder: 'https://gateway.example.com/v1/applications/management/info',
        ignoreFocusOut: true,
        validateInput: (value) => validateInfoUrlOrDomain(value, t),
    });
    if (!answer)
        return undefined;
    const value = answer.trim();
    const { infoUrlForDomain } = await Promise.resolve().then(() => __importStar(require('../lifecycle/management')));
    return /^https?:\/\//i.test(value) ? value : infoUrlForDomain(value);
}
/** Asks for a file, starting in the certificate's folder; undefined when dismissed. */
async function askForFile(certFile, title, openLabel) {
    const picked = await vscode.window.showOpenDialog({
        title,
        openLabel,
        canSelectFiles: true,
        canSelectFolders: false,
        canSelectMany: false,
        defaultUri: vscode.Uri.file(path.dirname(certFile)),
    });
    return picked?.[0]?.fsPath;
}
/** Input box validation: an https URL or a domain name. Returns the problem, or undefined when fine. */
function validateInfoUrlOrDomain(value, t) {
    const text = value.trim();
    if (text === '')
        return t('Enter a URL or a domain.');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
        try {
            return new URL(text).protocol === 'https:' ? undefined : t('The Connector Service is only reachable over https.');
        }
        catch {
            return t('This is not a valid URL.');
        }
    }
    return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}(:\d{1,5})?$/i.test(text)
        ? undefined
        : t('Enter https://… or a domain such as example.com.');
}
//# sourceMappingURL=renewalPrompts.js.map