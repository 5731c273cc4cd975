/**
 * Every id the extension shares with its manifest (package.json), in one place.
 * Kept free of `vscode` imports so pure modules and unit tests can use it.
 */

/** `publisher.name` from package.json: what `vscode.extensions.getExtension` takes. */
export const EXTENSION_ID = 'kyma-cert.kyma-cert';

/** The name users see on the output channel, the status bar item and in the command category. */
export const DISPLAY_NAME = 'Kyma Certificates';

/** Command ids as contributed in package.json. */
export const CommandId = {
  renewCertificate: 'kymaCert.renewCertificate',
  showCertificateDetails: 'kymaCert.showCertificateDetails',
  refresh: 'kymaCert.refresh',
  showLogs: 'kymaCert.showLogs',
  requestCertificateWithToken: 'kymaCert.requestCertificateWithToken',
  revokeCertificate: 'kymaCert.revokeCertificate',
  restoreCertificate: 'kymaCert.restoreCertificate',
} as const;
export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** Commands registered but not contributed (no palette entry): only quick fixes call them. */
export const InternalCommandId = {
  restrictKeyPermissions: 'kymaCert.restrictKeyPermissions',
} as const;

/** The configuration section; every setting (src/settingsModel.ts) lives under it. */
export const SETTINGS_SECTION = 'kymaCert';

/** Status bar item ids (users can hide each one separately). */
export const StatusBarId = {
  certificate: 'kymaCert.status',
  insecureTls: 'kymaCert.insecureTls',
  autoRenewFailing: 'kymaCert.autoRenewFailing',
} as const;

/** Id of the Certificates view in the Explorer. */
export const CERTIFICATES_VIEW_ID = 'kymaCert.certificates';

/** Owner of the Problems entries (DiagnosticCollection name and `Diagnostic.source`). */
export const DIAGNOSTICS_SOURCE = 'Kyma Certificates';

/** File extensions that may hold certificates (the manifest's activation globs say the same). */
export const CERTIFICATE_EXTENSIONS = ['crt', 'pem', 'cer', 'der'] as const;

/** Glob for certificate files, relative to a workspace folder. */
export const CERTIFICATE_GLOB = `**/*.{${CERTIFICATE_EXTENSIONS.join(',')}}`;

/**
 * Glob for files whose change can alter a certificate's pairing: private keys and remembered connections.
 * Certificate files themselves are watched through {@link CERTIFICATE_GLOB}.
 */
export const COMPANION_GLOB = '**/*.{key,kyma.json}';
