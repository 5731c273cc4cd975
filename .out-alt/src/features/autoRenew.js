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
exports.AutoRenew = void 0;
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const errors_1 = require("../core/errors");
const autoRenewPolicy_1 = require("../lifecycle/autoRenewPolicy");
const certificateEntry_1 = require("../lifecycle/certificateEntry");
const precedence_1 = require("../lifecycle/precedence");
const presentation_1 = require("../views/presentation");
const certificate_1 = require("../core/certificate");
/**
 * Opt-in automatic renewal (`kymaCert.autoRenew.enabled`, machine-scoped: a workspace can't switch it on). One
 * timer; when a certificate with a remembered connection and a matching key has only `thresholdFraction` of its
 * validity left, it is renewed in the background with the same workflow as the Renew command, one at a time
 * (the workflow's lock keeps other windows out). Failures back off exponentially; after three in a row a warning
 * stays in the status bar until a renewal succeeds. Never runs in Restricted Mode.
 */
class AutoRenew {
    index;
    settings;
    log;
    passphrases;
    runner;
    random;
    failures = new Map();
    notice = vscode.window.createStatusBarItem(constants_1.StatusBarId.autoRenewFailing, vscode.StatusBarAlignment.Left, 98);
    subscriptions;
    timer;
    running;
    state = { enabled: false, trusted: false, renewed: 0, failed: 0 };
    warnedStreaks = new Set();
    disposed = false;
    constructor(index, settings, log, passphrases, runner, random = Math.random) {
        this.index = index;
        this.settings = settings;
        this.log = log;
        this.passphrases = passphrases;
        this.runner = runner;
        this.random = random;
        this.notice.name = vscode.l10n.t('Kyma Certificates: automatic renewal');
        this.notice.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        this.notice.command = { command: constants_1.CommandId.showLogs, title: vscode.l10n.t('Show Logs') };
        this.subscriptions = [
            index.onDidChange(() => this.schedule()),
            settings.onDidChange(() => this.schedule()),
            vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
        ];
        void index.ready().then(() => this.schedule());
    }
    /** A copy of the current state. */
    current() {
        return { ...this.state };
    }
    /** Resolves when no automatic renewal is running. */
    async whenIdle() {
        while (this.running)
            await this.running;
    }
    /** Re-plans: renews what is due now, or sets the timer for the next check. */
    schedule() {
        if (this.disposed)
            return;
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        const { autoRenewEnabled: enabled, autoRenewThresholdFraction: thresholdFraction } = this.settings.current;
        this.state = { ...this.state, enabled, trusted: vscode.workspace.isTrusted, nextCheckMs: undefined };
        if (!enabled || !vscode.workspace.isTrusted) {
            this.notice.hide();
            return;
        }
        if (this.running)
            return; // re-planned when the running renewal ends
        const plan = (0, autoRenewPolicy_1.planAutoRenew)(this.candidates(), new Date(), { thresholdFraction, random: this.random });
        this.showNotice(plan.notices);
        if (plan.due) {
            const due = plan.due;
            this.running = this.renew(due, thresholdFraction).finally(() => {
                this.running = undefined;
                this.state = { ...this.state, renewing: undefined };
                this.schedule();
            });
            return;
        }
        this.state = { ...this.state, nextCheckMs: plan.nextCheckMs };
        this.timer = setTimeout(() => this.schedule(), plan.nextCheckMs);
    }
    /** Client certificates that renewal could handle without asking anything. */
    candidates() {
        const settings = this.settings.current;
        const result = [];
        for (const entry of this.index.all()) {
            const leaf = entry.certificates[0].facts;
            if (leaf.isCA)
                continue;
            const failure = this.failures.get(entry.file);
            const current = failure?.sha256Hex === leaf.sha256Hex ? failure : undefined;
            const keyFile = (0, certificateEntry_1.usableKeyFile)(entry.key);
            // The resolver's precedence, without the workspace's info URL: only a remembered connection says which cluster.
            const { infoUrl, caFile } = (0, precedence_1.precedence)({}, entry.connection, { caFile: settings.caFile });
            result.push({
                entry,
                keyFile: keyFile ?? '',
                infoUrl: infoUrl ?? '',
                caFile,
                notBefore: leaf.notBefore,
                notAfter: leaf.notAfter,
                // Only a remembered connection counts: settings alone could point a certificate at the wrong cluster.
                hasConnection: keyFile !== undefined && infoUrl !== undefined,
                revoked: entry.revoked || current?.revoked === true,
                failureCount: current?.failureCount ?? 0,
                lastFailure: current?.lastFailure,
            });
        }
        return result;
    }
    async renew(candidate, thresholdFraction) {
        const t = vscode.l10n.t;
        const { entry } = candidate;
        const leaf = entry.certificates[0].facts;
        const name = (0, presentation_1.displayName)(leaf);
        const shown = this.index.displayPath(entry.file);
        this.state = { ...this.state, renewing: entry.file };
        this.log.info(`Auto-renew: renewing ${(0, certificate_1.certificateLogLabel)(leaf)} in ${shown}`);
        const spec = { title: t('Renewing {0} automatically', name), certFile: entry.file, quiet: true };
        const outcome = await this.runner.run(spec, async ({ signal, log }) => {
            const { renewCertificate } = await Promise.resolve().then(() => __importStar(require('../lifecycle/renew')));
            // In the background nobody is asked: an encrypted key renews only with a passphrase kept in the keychain.
            const { passphrase } = (await this.passphrases.unlock(candidate.keyFile, name, false)) ?? {};
            const { keyFile, infoUrl, caFile } = candidate;
            const insecure = this.settings.current.insecure;
            return renewCertificate({ certFile: entry.file, keyFile, keyPassphrase: passphrase, infoUrl, caFile, insecure, signal, log });
        });
        if (!outcome.ok) {
            if (outcome.cancelled && this.disposed)
                return;
            this.state = { ...this.state, failed: this.state.failed + 1 };
            this.recordFailure(entry.file, leaf.sha256Hex, outcome.error);
            return;
        }
        const renewed = outcome.value.renewed;
        this.log.info(`Auto-renew: renewed ${(0, certificate_1.certificateLogLabel)(renewed)}`);
        this.state = { ...this.state, renewed: this.state.renewed + 1 };
        if ((0, autoRenewPolicy_1.renewalDueAt)(renewed, thresholdFraction).getTime() <= Date.now()) {
            // A certificate that is due again at once would loop; back off as if it had failed.
            this.recordFailure(entry.file, renewed.sha256Hex, new Error('the renewed certificate is already due for renewal again'));
        }
        else {
            this.failures.delete(entry.file);
        }
        await this.index.refresh(vscode.Uri.file(entry.file));
        void vscode.window.showInformationMessage(t('Renewed {0} automatically: valid until {1}.', name, (0, presentation_1.formatUtc)(renewed.notAfter)));
    }
    /** Extends the failure streak of the certificate `sha256Hex` in `file` (a different certificate starts a new one). */
    recordFailure(file, sha256Hex, error) {
        const previous = this.failures.get(file);
        const failureCount = (previous?.sha256Hex === sha256Hex ? previous.failureCount : 0) + 1;
        this.failures.set(file, {
            sha256Hex,
            failureCount,
            lastFailure: new Date(),
            lastError: error,
            revoked: (0, errors_1.isKymaCertError)(error, 'revoked'),
        });
    }
    /** The persistent notice: a status bar warning while any failure streak is long, plus one message per streak. */
    showNotice(failing) {
        const t = vscode.l10n.t;
        if (failing.length === 0) {
            this.notice.hide();
            this.warnedStreaks.clear();
            return;
        }
        const names = failing.map((c) => (0, presentation_1.displayName)(c.entry.certificates[0].facts));
        this.notice.text = `$(sync-ignored) ${t('Auto-renew failing')}`;
        this.notice.tooltip = t('Automatic renewal keeps failing for: {0}. Click to show the logs.', names.join(', '));
        this.notice.show();
        for (const candidate of failing) {
            const record = this.failures.get(candidate.entry.file);
            const streak = `${candidate.entry.file}:${record?.sha256Hex}`;
            if (!record || this.warnedStreaks.has(streak))
                continue;
            this.warnedStreaks.add(streak);
            const name = (0, presentation_1.displayName)(candidate.entry.certificates[0].facts);
            this.runner.reportFailure(t('Automatic renewal of {0}', name), record.lastError, {
                certFile: candidate.entry.file,
                headline: t('Automatic renewal of {0} failed {1} times in a row: {2}', name, record.failureCount, (0, errors_1.messageOf)(record.lastError)),
                actions: [{ kind: 'command', title: t('Renew Now'), command: constants_1.CommandId.renewCertificate, withCertificate: true }],
                warning: true,
            });
        }
    }
    dispose() {
        this.disposed = true;
        if (this.timer)
            clearTimeout(this.timer);
        for (const d of this.subscriptions)
            d.dispose();
        this.notice.dispose();
    }
}
exports.AutoRenew = AutoRenew;
//# sourceMappingURL=autoRenew.js.map