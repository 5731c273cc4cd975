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
exports.RenewalFlow = void 0;
const path = __importStar(require("node:path"));
const vscode = __importStar(require("vscode"));
const constants_1 = require("../constants");
const certificate_1 = require("../core/certificate");
const errors_1 = require("../core/errors");
const expiry_1 = require("../core/expiry");
const connection_1 = require("../lifecycle/connection");
const certificateEntry_1 = require("../lifecycle/certificateEntry");
const presentation_1 = require("../views/presentation");
const renewalPrompts_1 = require("./renewalPrompts");
/** Failures that prove the connection answers were right (the server was reached and trusted): keep them. */
const ANSWERS_CONFIRMED_BY = new Set([
    'cancelled', 'server', 'verification', 'locked', 'bad-request', 'revoked', 'invalid-token',
]);
/**
 * Renewal from the editor: fills in what the certificate's remembered connection and the settings don't say
 * (key file, management-info URL or cluster domain, server CA) by asking once, runs the lifecycle workflow under
 * a cancellable progress notification, and reports the outcome. Business logic stays in `lifecycle/renew`.
 */
class RenewalFlow {
    index;
    settings;
    log;
    passphrases;
    runner;
    constructor(index, settings, log, passphrases, runner) {
        this.index = index;
        this.settings = settings;
        this.log = log;
        this.passphrases = passphrases;
        this.runner = runner;
    }
    async renew(certUri) {
        const t = vscode.l10n.t;
        const certFile = certUri.fsPath;
        const shown = this.index.displayPath(certFile);
        const entry = this.index.get(certUri) ?? (await this.readUnindexed(certFile));
        if (!entry) {
            void vscode.window.showErrorMessage(t('{0} holds no certificate that can be renewed.', shown));
            return 'refused';
        }
        const leaf = entry.certificates[0].facts;
        const name = (0, presentation_1.displayName)(leaf);
        if (leaf.isCA) {
            void vscode.window.showErrorMessage(t('{0} is a CA certificate; only client certificates can be renewed.', name));
            return 'refused';
        }
        if (entry.revoked) {
            // Known to be revoked (its remembered connection says so): the service would refuse; don't ask it.
            this.log.info(`Not renewing ${leaf.subjectText} in ${shown}: it was revoked on ${entry.connection?.revoked?.at ?? '?'}`);
            this.offerNewCertificate((0, presentation_1.needsNewCertificateMessage)(name, 'revoked', t), certFile, false);
            return 'refused';
        }
        // The one resolver: the remembered connection (paths inside the folder only), then the workspace settings.
        const { defaultsFromSettings, resolveCertificateInputs } = await Promise.resolve().then(() => __importStar(require('../lifecycle/resolve')));
        const resolved = await resolveCertificateInputs(certFile, {}, defaultsFromSettings(this.settings.current));
        if (resolved.rememberedProblem)
            this.log.warn(`Ignoring the remembered connection of ${shown}: ${resolved.rememberedProblem.message}`);
        const connection = resolved.remembered;
        const inputs = await this.collectInputs(certFile, name, (0, certificateEntry_1.usableKeyFile)(entry.key), resolved);
        if (!inputs)
            return 'cancelled';
        try {
            const unlocked = await this.passphrases.unlock(inputs.keyFile, name, true);
            if (!unlocked)
                return 'cancelled';
            inputs.keyPassphrase = unlocked.passphrase;
        }
        catch (e) {
            this.reportFailure(name, e, certFile);
            return 'failed';
        }
        this.log.info(`Renewing ${(0, certificate_1.certificateLogLabel)(leaf)} in ${shown}`);
        const outcome = await this.run(certFile, name, inputs);
        if (outcome.caFile !== inputs.caFile) {
            inputs.caFile = outcome.caFile;
            inputs.asked = true;
        }
        if (outcome.ok) {
            await this.index.refresh(certUri); // status bar and hovers show the new expiry at once
            this.reportSuccess(certUri, name, outcome.value);
            return 'renewed';
        }
        const kind = (0, errors_1.isKymaCertError)(outcome.error) ? outcome.error.kind : undefined;
        if (kind === 'bad-passphrase')
            await this.passphrases.forget(inputs.keyFile);
        if (inputs.asked && kind && ANSWERS_CONFIRMED_BY.has(kind))
            await this.remember(certFile, connection, inputs);
        if (kind === 'cancelled') {
            void vscode.window.showInformationMessage(t('Renewal of {0} cancelled; nothing was changed.', name));
            return 'cancelled';
        }
        this.reportFailure(name, outcome.error, certFile);
        return 'failed';
    }
    run(certFile, name, inputs) {
        const spec = { title: vscode.l10n.t('Renewing {0}', name), certFile, insecure: this.settings.current.insecure, reportFailure: false };
        return this.runner.runAskingForCa(spec, inputs.caFile, async ({ signal, progress, log }, caFile) => {
            // The connector stack (axios) loads on the first renewal, not at activation.
            const { renewCertificate } = await Promise.resolve().then(() => __importStar(require('../lifecycle/renew')));
            const { keyFile, keyPassphrase, infoUrl } = inputs;
            const result = await renewCertificate({ certFile, keyFile, keyPassphrase, infoUrl, caFile, insecure: spec.insecure, signal, onProgress: progress, log });
            this.log.info(`Renewed ${(0, certificate_1.certificateLogLabel)(result.renewed)}`);
            return result;
        });
    }
    /** The key (paired by the index through the resolver), URL and CA to use; asks for what is unknown. */
    async collectInputs(certFile, name, pairedKey, resolved) {
        const t = vscode.l10n.t;
        let asked = false;
        let keyFile = pairedKey;
        if (!keyFile) {
            keyFile = await (0, renewalPrompts_1.askForFile)(certFile, t('Select the private key of {0}', name), t('Use this key'));
            if (!keyFile)
                return undefined;
            asked = true;
        }
        let infoUrl = resolved.infoUrl;
        if (!infoUrl) {
            infoUrl = await (0, renewalPrompts_1.askForInfoUrl)(name);
            if (!infoUrl)
                return undefined;
            asked = true;
        }
        return { keyFile, infoUrl, caFile: resolved.caFile, asked };
    }
    /** Keeps the answers next to the certificate (URLs and file names only) so the next renewal asks nothing. */
    async remember(certFile, previous, inputs) {
        try {
            await (0, connection_1.writeConnection)(certFile, { ...previous, infoUrl: inputs.infoUrl, keyFile: inputs.keyFile, caFile: inputs.caFile });
        }
        catch (e) {
            this.log.warn(`Could not remember the connection of ${certFile}: ${(0, errors_1.messageOf)(e)}`);
        }
    }
    reportSuccess(certUri, name, result) {
        const t = vscode.l10n.t;
        const expiry = (0, expiry_1.assessExpiry)(result.renewed, new Date(), this.settings.current.thresholds);
        const showDetails = t('Show Details');
        void vscode.window
            .showInformationMessage(t('Renewed {0}: valid until {1} ({2}).', name, (0, presentation_1.formatUtc)(result.renewed.notAfter), (0, presentation_1.expiryPhrase)({ expiry, revoked: false }, t)), showDetails)
            .then((choice) => {
            if (choice === showDetails)
                void vscode.commands.executeCommand(constants_1.CommandId.showCertificateDetails, certUri);
        });
    }
    reportFailure(name, error, certFile) {
        const t = vscode.l10n.t;
        // Expired or revoked: said once, with what helps (the remedy's button requests a new certificate for the same
        // file names); the server's own words are in the log.
        const headline = (0, errors_1.isKymaCertError)(error) && errors_1.NEEDS_NEW_CERTIFICATE.has(error.kind)
            ? (0, presentation_1.needsNewCertificateMessage)(name, error.kind === 'revoked' ? 'revoked' : 'expired', t)
            : undefined;
        this.runner.reportFailure(t('Renewing {0}', name), error, { certFile, headline });
    }
    /** An error with "Request Certificate with Token…" (for the same file names) and, after a request, "Show Logs". */
    offerNewCertificate(message, certFile, withLogs) {
        const t = vscode.l10n.t;
        const showLogs = t('Show Logs');
        const requestNew = t('Request Certificate with Token…');
        void vscode.window.showErrorMessage(message, ...(withLogs ? [requestNew, showLogs] : [requestNew])).then((choice) => {
            if (choice === showLogs)
                this.log.show(true);
            if (choice === requestNew) {
                const target = { outDir: path.dirname(certFile), name: path.parse(certFile).name, replace: true };
                void vscode.commands.executeCommand(constants_1.CommandId.requestCertificateWithToken, target);
            }
        });
    }
    async readUnindexed(certFile) {
        const { readCertificateEntry } = await (0, certificateEntry_1.loadCertificateReader)();
        const result = await readCertificateEntry(certFile, { maxFileSizeBytes: this.settings.current.maxFileSizeBytes });
        return 'entry' in result ? result.entry : undefined;
    }
    dispose() {
        // Running renewals are aborted by the WorkflowRunner's own dispose.
    }
}
exports.RenewalFlow = RenewalFlow;
//# sourceMappingURL=renewalFlow.js.map