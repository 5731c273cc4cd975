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
exports.confirmRevocation = confirmRevocation;
const vscode = __importStar(require("vscode"));
const presentation_1 = require("../views/presentation");
/**
 * The modal confirmation before an irreversible revocation. VS Code's modal dialog focuses its first non-cancel
 * button, so Enter presses it, and the `isCloseAffordance` item always becomes the last button (Escape and the
 * close box return it): "Cancel" cannot be first. So the first button is the harmless "Show Details" — Enter opens
 * the details page and revokes nothing — and "Revoke" must be clicked.
 */
async function confirmRevocation(name, leaf) {
    const t = vscode.l10n.t;
    const showDetails = { title: t('Show Details') };
    const revoke = { title: t('Revoke') };
    const cancel = { title: t('Cancel'), isCloseAffordance: true };
    const answer = await vscode.window.showWarningMessage(t('Revoke {0}?', name), {
        modal: true,
        detail: t('Subject: {0}\nSHA-256: {1}\n\nThe Connector Service will refuse to renew this certificate; it keeps working until it expires ({2}). This cannot be undone: afterwards only a new one-time token gets a certificate.', leaf.subjectText, leaf.fingerprint256, (0, presentation_1.formatUtc)(leaf.notAfter)),
    }, showDetails, revoke, cancel);
    return answer === revoke ? 'revoke' : answer === showDetails ? 'show-details' : 'cancel';
}
//# sourceMappingURL=revokeConfirmation.js.map