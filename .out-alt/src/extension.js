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
exports.activate = activate;
exports.deactivate = deactivate;
/**
 * Composition root of the VS Code extension: creates the features, wires them together and hands every
 * disposable to the context. No business logic here (that lives in core/ and lifecycle/), and nothing slow:
 * the workspace scan starts after activate() returns.
 */
const node_perf_hooks_1 = require("node:perf_hooks");
const vscode = __importStar(require("vscode"));
const refresh_1 = require("./commands/refresh");
const renewCertificate_1 = require("./commands/renewCertificate");
const requestCertificateWithToken_1 = require("./commands/requestCertificateWithToken");
const restoreCertificate_1 = require("./commands/restoreCertificate");
const revokeCertificate_1 = require("./commands/revokeCertificate");
const showCertificateDetails_1 = require("./commands/showCertificateDetails");
const showLogs_1 = require("./commands/showLogs");
const constants_1 = require("./constants");
const safeLog_1 = require("./features/safeLog");
const autoRenew_1 = require("./features/autoRenew");
const certificateIndex_1 = require("./features/certificateIndex");
const certificatesView_1 = require("./features/certificatesView");
const detailsPanel_1 = require("./features/detailsPanel");
const diagnostics_1 = require("./features/diagnostics");
const hoverProvider_1 = require("./features/hoverProvider");
const insecureTlsWarning_1 = require("./features/insecureTlsWarning");
const keyPassphrases_1 = require("./features/keyPassphrases");
const renewalFlow_1 = require("./features/renewalFlow");
const settings_1 = require("./features/settings");
const statusBar_1 = require("./features/statusBar");
const workflowRunner_1 = require("./features/workflowRunner");
function activate(context) {
    const started = node_perf_hooks_1.performance.now();
    const log = (0, safeLog_1.safeLog)(vscode.window.createOutputChannel(constants_1.DISPLAY_NAME, { log: true }));
    const settings = new settings_1.SettingsService();
    const index = new certificateIndex_1.CertificateIndex(settings, log);
    const passphrases = new keyPassphrases_1.KeyPassphrases(context.secrets, settings, log);
    const runner = new workflowRunner_1.WorkflowRunner(log);
    const renewal = new renewalFlow_1.RenewalFlow(index, settings, log, passphrases, runner);
    const certificatesView = new certificatesView_1.CertificatesView(index, settings);
    const diagnostics = new diagnostics_1.CertificateDiagnostics(index, settings, log);
    const autoRenew = new autoRenew_1.AutoRenew(index, settings, log, passphrases, runner);
    const detailsPanels = new detailsPanel_1.CertificateDetailsPanels(index, settings, log);
    context.subscriptions.push(log, settings, index, runner, renewal, new statusBar_1.CertificateStatusBar(index, settings), new insecureTlsWarning_1.InsecureTlsWarning(settings, log), new hoverProvider_1.CertificateHoverProvider(index, settings), detailsPanels, (0, renewCertificate_1.registerRenewCertificateCommand)(renewal, index, settings), (0, showCertificateDetails_1.registerShowCertificateDetailsCommand)(index, settings, detailsPanels), (0, refresh_1.registerRefreshCommand)(index), (0, showLogs_1.registerShowLogsCommand)(log), certificatesView, diagnostics, autoRenew, (0, requestCertificateWithToken_1.registerRequestCertificateWithTokenCommand)(index, settings, log, runner), (0, revokeCertificate_1.registerRevokeCertificateCommand)(index, settings, log, passphrases, runner), (0, restoreCertificate_1.registerRestoreCertificateCommand)(index, settings, log, runner));
    index.start(); // returns at once; the scan and the status bar fill in afterwards
    const activationMs = node_perf_hooks_1.performance.now() - started;
    log.info(`Activated in ${activationMs.toFixed(1)} ms (VS Code ${vscode.version}, workspace trusted: ${vscode.workspace.isTrusted}).`);
    return {
        index: {
            ready: () => index.ready(),
            whenIdle: () => index.whenIdle(),
            all: () => index.all(),
            get: (file) => index.get(file),
            refresh: (file) => index.refresh(file),
            onDidChange: index.onDidChange,
        },
        activationMs,
        certificatesView: { rows: () => certificatesView.rows(), groups: () => certificatesView.groups(), badge: () => certificatesView.badge() },
        diagnostics: { whenUpdated: () => diagnostics.whenUpdated() },
        autoRenew: { current: () => autoRenew.current(), whenIdle: () => autoRenew.whenIdle() },
        detailsPanels: {
            htmlOf: (file) => detailsPanels.htmlOf(file),
            openFiles: () => detailsPanels.openFiles(),
            onDidRender: detailsPanels.onDidRender,
        },
    };
}
function deactivate() {
    // Everything is disposed through context.subscriptions.
}
//# sourceMappingURL=extension.js.map