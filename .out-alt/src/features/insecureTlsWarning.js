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
exports.InsecureTlsWarning = void 0;
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const settings_1 = require("./settings");
/**
 * While `kymaCert.insecure` is on (server certificates not verified), a warning stays visible in the status bar,
 * and a warning message appears once each time it is switched on.
 */
class InsecureTlsWarning {
    settings;
    log;
    item = vscode.window.createStatusBarItem(constants_1.StatusBarId.insecureTls, vscode.StatusBarAlignment.Left, 99);
    subscription;
    constructor(settings, log) {
        this.settings = settings;
        this.log = log;
        this.item.name = vscode.l10n.t('Kyma Certificates: TLS verification');
        this.item.text = `$(warning) ${vscode.l10n.t('Kyma TLS unverified')}`;
        this.item.tooltip = vscode.l10n.t('kymaCert.insecure is on: the cluster\'s server certificate is not verified, so renewal could talk to an impostor. Click to change the setting.');
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        this.item.command = { command: 'workbench.action.openSettings', title: '', arguments: [(0, settings_1.settingId)('insecure')] };
        this.subscription = settings.onDidChange((change) => {
            if (change.affects('insecure'))
                this.update();
        });
        this.update();
    }
    update() {
        if (!this.settings.current.insecure) {
            this.item.hide();
            return;
        }
        this.item.show();
        // Called at start-up and whenever the setting changes, so this message appears once per switch-on.
        this.log.warn(`${(0, settings_1.settingId)('insecure')} is on: server certificates are not verified.`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Kyma Certificates: {0} is on. Server certificates are not verified during renewal.', (0, settings_1.settingId)('insecure')));
    }
    dispose() {
        this.subscription.dispose();
        this.item.dispose();
    }
}
exports.InsecureTlsWarning = InsecureTlsWarning;
//# sourceMappingURL=insecureTlsWarning.js.map