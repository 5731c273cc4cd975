"use strict";
/**
 * Every id the extension shares with its manifest (package.json), in one place.
 * Kept free of `vscode` imports so pure modules and unit tests can use it.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMPANION_GLOB = exports.CERTIFICATE_GLOB = exports.CERTIFICATE_EXTENSIONS = exports.DIAGNOSTICS_SOURCE = exports.CERTIFICATES_VIEW_ID = exports.StatusBarId = exports.SETTINGS_SECTION = exports.InternalCommandId = exports.CommandId = exports.DISPLAY_NAME = exports.EXTENSION_ID = void 0;
/** `publisher.name` from package.json: what `vscode.extensions.getExtension` takes. */
exports.EXTENSION_ID = 'kyma-cert.kyma-cert';
/** The name users see on the output channel, the status bar item and in the command category. */
exports.DISPLAY_NAME = 'Kyma Certificates';
/** Command ids as contributed in package.json. */
exports.CommandId = {
    renewCertificate: 'kymaCert.renewCertificate',
    showCertificateDetails: 'kymaCert.showCertificateDetails',
    refresh: 'kymaCert.refresh',
    showLogs: 'kymaCert.showLogs',
    requestCertificateWithToken: 'kymaCert.requestCertificateWithToken',
    revokeCertificate: 'kymaCert.revokeCertificate',
    restoreCertificate: 'kymaCert.restoreCertificate',
};
/** Commands registered but not contributed (no palette entry): only quick fixes call them. */
exports.InternalCommandId = {
    restrictKeyPermissions: 'kymaCert.restrictKeyPermissions',
};
/** The configuration section; every setting (src/settingsModel.ts) lives under it. */
exports.SETTINGS_SECTION = 'kymaCert';
/** Status bar item ids (users can hide each one separately). */
exports.StatusBarId = {
    certificate: 'kymaCert.status',
    insecureTls: 'kymaCert.insecureTls',
    autoRenewFailing: 'kymaCert.autoRenewFailing',
};
/** Id of the Certificates view in the Explorer. */
exports.CERTIFICATES_VIEW_ID = 'kymaCert.certificates';
/** Owner of the Problems entries (DiagnosticCollection name and `Diagnostic.source`). */
exports.DIAGNOSTICS_SOURCE = 'Kyma Certificates';
/** File extensions that may hold certificates (the manifest's activation globs say the same). */
exports.CERTIFICATE_EXTENSIONS = ['crt', 'pem', 'cer', 'der'];
/** Glob for certificate files, relative to a workspace folder. */
exports.CERTIFICATE_GLOB = `**/*.{${exports.CERTIFICATE_EXTENSIONS.join(',')}}`;
/**
 * Glob for files whose change can alter a certificate's pairing: private keys and remembered connections.
 * Certificate files themselves are watched through {@link CERTIFICATE_GLOB}.
 */
exports.COMPANION_GLOB = '**/*.{key,kyma.json}';
//# sourceMappingURL=constants.js.map