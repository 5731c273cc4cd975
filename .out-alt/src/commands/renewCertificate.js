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
exports.registerRenewCertificateCommand = registerRenewCertificateCommand;
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const commandSupport_1 = require("../features/commandSupport");
const certificatePicker_1 = require("../features/certificatePicker");
/**
 * "Kyma Certificates: Renew Certificate". Refused in Restricted Mode: renewal sends the client certificate to a
 * server and rewrites files, which an untrusted folder must not be able to trigger. Resolves to the outcome.
 */
function registerRenewCertificateCommand(flow, index, settings) {
    return vscode.commands.registerCommand(constants_1.CommandId.renewCertificate, async (arg) => {
        const t = vscode.l10n.t;
        const refusal = t('Renewal is disabled in Restricted Mode: it would send your client certificate to a server and rewrite files in this folder. Trust the workspace to renew certificates.');
        if ((0, commandSupport_1.refusedInRestrictedMode)(refusal))
            return 'refused';
        const target = await (0, certificatePicker_1.resolveCertificateTarget)(arg, index, settings, {
            placeHolder: t('Which certificate should be renewed?'),
            clientOnly: true,
        });
        return target ? flow.renew(target) : undefined;
    });
}
//# sourceMappingURL=renewCertificate.js.map