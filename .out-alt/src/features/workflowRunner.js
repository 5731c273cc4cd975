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
exports.WorkflowRunner = void 0;
exports.describeError = describeError;
/**
 * The one way the editor runs a lifecycle workflow (renew, issue, revoke, restore; by command or by auto-renew):
 * a cancellable progress notification, one log line when it starts and one when it ends, and one failure report
 * whose text and buttons come from the error's remedy (src/views/remedies.ts). Commands only say what to ask and
 * what to call.
 */
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const errors_1 = require("../core/errors");
const remedies_1 = require("../views/remedies");
const renewalPrompts_1 = require("./renewalPrompts");
class WorkflowRunner {
    log;
    running = new Set();
    constructor(log) {
        this.log = log;
    }
    async run(spec, work) {
        const abort = new AbortController();
        this.running.add(abort);
        const controls = (report) => ({
            signal: abort.signal,
            progress: (step) => report(vscode.l10n.t(step)),
            log: (line) => this.log.info(line),
        });
        try {
            const value = spec.quiet
                ? await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: spec.title }, () => work(controls(() => undefined)))
                : await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: spec.title, cancellable: true }, (progress, token) => {
                    token.onCancellationRequested(() => abort.abort());
                    return work(controls((message) => progress.report({ message })));
                });
            return { ok: true, value };
        }
        catch (error) {
            const cancelled = (0, errors_1.isKymaCertError)(error, 'cancelled');
            this.log.error(`${spec.title} failed: ${describeError(error)}`);
            if (!cancelled && !spec.quiet && spec.reportFailure !== false)
                this.reportFailure(spec.title, error, { certFile: spec.certFile });
            return { ok: false, error, cancelled };
        }
        finally {
            this.running.delete(abort);
        }
    }
    /**
     * `run`, and when the server is not trusted and no CA file was given (nor insecure TLS chosen), asks for the
     * cluster's CA once and runs again with it (TLS fails before anything is sent or spent). Reports the final failure.
     * `caFile` in the result is the one used (asked for or given).
     */
    async runAskingForCa(spec, caFile, work) {
        const t = vscode.l10n.t;
        const first = await this.run({ ...spec, reportFailure: false }, (controls) => work(controls, caFile));
        let outcome = first;
        if (!first.ok && (0, errors_1.isKymaCertError)(first.error, 'untrusted-server') && !caFile && !spec.insecure) {
            caFile = await (0, renewalPrompts_1.askForFile)(spec.certFile, t('Select the CA certificate of the cluster (the server is not trusted)'), t('Use this CA'));
            if (caFile)
                outcome = await this.run({ ...spec, reportFailure: false }, (controls) => work(controls, caFile));
        }
        if (!outcome.ok && !outcome.cancelled && spec.reportFailure !== false)
            this.reportFailure(spec.title, outcome.error, { certFile: spec.certFile });
        return { ...outcome, caFile };
    }
    /**
     * The one failure notification: "<what> failed: <message> <remedy>" (or `headline` instead of the first part),
     * with `actions` first, then the remedy's buttons and Show Logs.
     */
    reportFailure(what, error, options = {}) {
        const t = vscode.l10n.t;
        const remedy = (0, remedies_1.editorRemedy)(error, t);
        const headline = options.headline ?? t('{0} failed: {1}', what, (0, errors_1.messageOf)(error));
        // A headline that already says what helps (e.g. "… was revoked, … Request a new certificate …") is not repeated.
        const text = remedy.text === '' || headline.includes(remedy.text) ? headline : `${headline} ${remedy.text}`;
        const actions = [...(options.actions ?? []), ...remedy.actions];
        const show = options.warning ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
        void show(text, ...actions.map((a) => a.title)).then((choice) => {
            const action = actions.find((a) => a.title === choice);
            if (action)
                void this.perform(action, options.certFile);
        });
    }
    async perform(action, certFile) {
        switch (action.kind) {
            case 'show-logs':
                this.log.show(true);
                return;
            case 'open-settings':
                await vscode.commands.executeCommand('workbench.action.openSettings', action.setting);
                return;
            case 'open-file':
                await vscode.window.showTextDocument(vscode.Uri.file(action.file));
                return;
            case 'command':
                await vscode.commands.executeCommand(action.command, ...(action.withCertificate && certFile ? [argumentFor(action.command, certFile)] : []));
                return;
        }
    }
    dispose() {
        for (const abort of this.running)
            abort.abort();
    }
}
exports.WorkflowRunner = WorkflowRunner;
/** What a remedy command needs to act on the certificate: the token flow writes the same file names. */
function argumentFor(command, certFile) {
    if (command === constants_1.CommandId.requestCertificateWithToken) {
        return { outDir: path.dirname(certFile), name: path.parse(certFile).name, replace: true };
    }
    return vscode.Uri.file(certFile);
}
/** `kind: message` for the log. */
function describeError(error) {
    return `${(0, errors_1.isKymaCertError)(error) ? `${error.kind}: ` : ''}${(0, errors_1.messageOf)(error)}`;
}
//# sourceMappingURL=workflowRunner.js.map