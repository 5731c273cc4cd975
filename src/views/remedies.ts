/**
 * How the editor words a failure's remedy: with its commands and settings, localized, plus the buttons that act on
 * it. Pure (no `vscode`): the workflow runner turns the actions into notification buttons. The command line words
 * the same remedies with flags (src/cli/remedies.ts); a CLI flag never reaches an editor user.
 */
import { CommandId } from '../constants';
import { KymaCertError, Remedy, isKymaCertError } from '../core/errors';
import { settingId } from '../settingsModel';
import type { Translate } from './presentation';

/** A button on the failure notification. */
export type RemedyAction =
  | { kind: 'command'; title: string; command: string; /** filled in by the runner: the certificate the failure is about */ withCertificate?: true }
  | { kind: 'open-settings'; title: string; setting: string }
  | { kind: 'open-file'; title: string; file: string }
  | { kind: 'show-logs'; title: string };

export interface EditorRemedy {
  /** What to do, in a sentence or two; empty when there is nothing to say beyond the buttons. */
  text: string;
  actions: RemedyAction[];
}

/** The remedy of a failure as the editor shows it (Show Logs always comes last). */
export function editorRemedy(error: unknown, t: Translate): EditorRemedy {
  const showLogs: RemedyAction = { kind: 'show-logs', title: t('Show Logs') };
  if (!isKymaCertError(error)) return { text: '', actions: [showLogs] };
  const worded = error.remedy ? wordRemedy(error.remedy, t) : { text: editorSafeHint(error), actions: [] };
  return { text: worded.text, actions: [...worded.actions, showLogs] };
}

/** A free-text hint is shown only when it names no CLI flag (`--key`) or `kyma-cert` command. */
export function editorSafeHint(error: KymaCertError): string {
  const hint = error.hint ?? '';
  return /(^|[\s(`])--[a-z]|\bkyma-cert\b/.test(hint) ? '' : hint;
}

function wordRemedy(remedy: Remedy, t: Translate): { text: string; actions: RemedyAction[] } {
  const requestWithToken: RemedyAction = {
    kind: 'command',
    title: t('Request Certificate with Token…'),
    command: CommandId.requestCertificateWithToken,
    withCertificate: true,
  };
  const openSettings = (name: Parameters<typeof settingId>[0]): RemedyAction => ({
    kind: 'open-settings',
    title: t('Open Settings'),
    setting: settingId(name),
  });
  switch (remedy.kind) {
    case 'new-certificate-with-token':
      return {
        text:
          remedy.data?.reason === 'rejected'
            ? t('The gateway refused the client certificate. Request a new certificate with a one-time token.')
            : t('Request a new certificate with a one-time token.'),
        actions: [requestWithToken],
      };
    case 'new-token':
      return {
        text: t('One-time tokens expire after 5 minutes and work once: ask Kyma for a new token and use it right away.'),
        actions: [requestWithToken],
      };
    case 'allow-issuer-change':
      return {
        text: t('If the cluster CA was rotated on purpose, request a new certificate with a one-time token.'),
        actions: [requestWithToken],
      };
    case 'set-management-url':
      return {
        text: t('Renew again and enter the management info URL when asked, or set {0}.', settingId('managementInfoUrl')),
        actions: [openSettings('managementInfoUrl')],
      };
    case 'fix-connection-file':
      return {
        text: t('Fix or delete {0}; renewal then asks for the URL again.', remedy.data.file),
        actions: [{ kind: 'open-file', title: t('Open File'), file: remedy.data.file }],
      };
    case 'pass-ca-file':
      return {
        text: t("The cluster's server certificate is not trusted. Set {0} to the cluster's CA file.", settingId('caFile')),
        actions: [openSettings('caFile')],
      };
    case 'check-key-file':
      return { text: t('Pair the certificate with the key it was requested with ({0}).', settingId('keyFiles')), actions: [openSettings('keyFiles')] };
    case 'check-certificate-file':
      return { text: t('Choose the client certificate file (PEM or DER).'), actions: [] };
    case 'retry-later':
      return {
        text: remedy.data?.lockFile ? t('Another renewal of this certificate is running; wait for it to finish.') : t('Try again later.'),
        actions: [],
      };
    case 'check-network':
      return {
        text: remedy.data?.maybeRejected
          ? t('Check that the cluster is reachable from here (VPN, proxy). If it keeps happening, the gateway may be refusing the certificate.')
          : t('Check that the cluster is reachable from here (VPN, proxy).'),
        actions: [],
      };
    case 'check-url':
      return { text: t('The URL does not point at this Connector Service endpoint.'), actions: [openSettings('managementInfoUrl')] };
    case 'check-proxy':
      return {
        text:
          remedy.data.status === 407
            ? t('The proxy needs authentication: put the user and password in the proxy URL.')
            : t('The proxy refused the connection; ask its administrator, or bypass it for this host.'),
        actions: [{ kind: 'open-settings', title: t('Open Settings'), setting: 'http.proxy' }],
      };
    case 'choose-other-name':
      return { text: t('{0} is in the way: choose another name or folder.', remedy.data.file), actions: [] };
    case 'check-clock':
      return { text: t("Check this computer's clock."), actions: [] };
    case 'restore-by-hand':
      return {
        text: t('The previous certificate is in {0}.', remedy.data.backupFile),
        actions: [{ kind: 'command', title: t('Restore Certificate…'), command: CommandId.restoreCertificate, withCertificate: true }],
      };
    case 'report-to-admin':
      return { text: t('The service returned a certificate that cannot be used safely; report this to the cluster administrator.'), actions: [] };
  }
}
