import { existsSync } from 'node:fs';
import { vscodeProxySettings } from '../features/proxySettings';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../constants';
import { needsConnectorUrl, parseTokenInput } from '../connector/tokenInput';
import { isKymaCertError } from '../core/errors';
import { CertificateIndex } from '../features/certificateIndex';
import { CommandOutcome, optionsArg, refusedInRestrictedMode } from '../features/commandSupport';
import { WorkflowRunner } from '../features/workflowRunner';
import { certificateLogLabel } from '../core/certificateLabel';
import { suggestedFileName } from '../views/fileNames';
import { formatUtc } from '../views/presentation';
import { SettingsService } from '../features/settings';

/** Arguments for scripted use (tests, the quick fix, the renewal error's button); anything missing is asked. */
export interface TokenRequestArgs {
  /**
   * What the user was given, in any form: a Kyma token URL, a Compass legacy connector URL, the Compass
   * `rawEncoded` token data, or a raw token (then with `connectorUrl`).
   */
  token: string;
  /** Older name of `token`. */
  tokenUrl: string;
  /** The connector URL of a raw token. */
  connectorUrl: string;
  /** Folder for `<name>.crt`, `<name>.key`, `<name>-ca.crt`, `<name>.kyma.json`. */
  outDir: string;
  name: string;
  /** The files may exist (re-onboarding an expired or revoked certificate): confirm, then replace them. */
  replace: boolean;
  /** Skip the replace confirmation (tests). */
  confirm: boolean;
}

/**
 * "Kyma Certificates: Request Certificate with Token…": redeems a one-time token for a new key and certificate
 * (`issueCertificate`), written next to each other with the remembered connection, so that renewal works without
 * questions afterwards. Refused in Restricted Mode.
 */
export function registerRequestCertificateWithTokenCommand(
  index: CertificateIndex,
  settings: SettingsService,
  log: vscode.LogOutputChannel,
  runner: WorkflowRunner,
): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.requestCertificateWithToken, async (arg?: unknown): Promise<CommandOutcome> => {
    const t = vscode.l10n.t;
    if (
      refusedInRestrictedMode(
        t(
          'Requesting a certificate is disabled in Restricted Mode: it would contact a server and write a private key into this folder. Trust the workspace to request certificates.',
        ),
      )
    ) {
      return 'refused';
    }
    const args = optionsArg<TokenRequestArgs>(arg);
    const token = args.token ?? args.tokenUrl ?? (await askForToken());
    if (!token) return 'cancelled';
    const connectorUrl = args.connectorUrl ?? (needsConnectorUrl(token) ? await askForConnectorUrl() : undefined);
    if (needsConnectorUrl(token) && !connectorUrl) return 'cancelled';
    const outDir = args.outDir ?? (await askForFolder());
    if (!outDir) return 'cancelled';
    // Without a name the user is asked once the token has been redeemed, with the application's name as suggestion.
    const name = args.name;
    const chooseName = name === undefined ? (application: string) => askForName(outDir, application) : undefined;

    const certFile = path.join(outDir, `${name}.crt`);
    const existing = name === undefined ? [] : [certFile, path.join(outDir, `${name}.key`)].filter((f) => existsSync(f));
    let force = false;
    if (existing.length > 0) {
      if (!args.replace) {
        void vscode.window.showErrorMessage(t('{0} already exists. Choose another name.', index.displayPath(existing[0])));
        return 'refused';
      }
      const replace = t('Replace');
      const answer = args.confirm
        ? replace
        : await vscode.window.showWarningMessage(
            t('Replace {0} with a new certificate and key?', index.displayPath(certFile)),
            { modal: true, detail: t('The current key is overwritten. Earlier certificates in the backups belong to that key and can no longer be restored.') },
            replace,
          );
      if (answer !== replace) return 'cancelled';
      force = true;
    }

    const title = name ? t('Requesting a certificate for {0}', name) : t('Requesting a certificate');
    const spec = { title, certFile, insecure: settings.current.insecure };
    const attempt = await runner.runAskingForCa(spec, settings.current.caFile || undefined, async ({ signal, progress, log }, caFile) => {
      // The connector stack (axios) loads on first use, not at activation.
      const { issueCertificate } = await import('../lifecycle/issue');
      return issueCertificate({
        token,
        connectorUrl,
        outDir,
        name,
        chooseName,
        force,
        caFile,
        insecure: spec.insecure,
        proxy: vscodeProxySettings(),
        signal,
        onProgress: progress,
        log,
      });
    });
    if (!attempt.ok) return attempt.cancelled ? 'cancelled' : 'failed';
    const issued = attempt.value;
    log.info(`Issued ${certificateLogLabel(issued.certificate)} into ${issued.certFile}`);
    await index.refresh(vscode.Uri.file(issued.certFile));
    const showDetails = t('Show Details');
    void vscode.window
      .showInformationMessage(
        t(
          'New certificate {0} written to {1}: valid until {2}.',
          issued.certificate.commonName ?? path.parse(issued.certFile).name,
          index.displayPath(issued.certFile),
          formatUtc(issued.certificate.notAfter),
        ),
        showDetails,
      )
      .then((choice) => {
        if (choice === showDetails) void vscode.commands.executeCommand(CommandId.showCertificateDetails, vscode.Uri.file(issued.certFile));
      });
    return 'done';
  });
}

/** One box for every form a user may have been given (connector/tokenInput.ts); the token is never logged. */
async function askForToken(): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const answer = await vscode.window.showInputBox({
    title: t('Request Certificate with Token'),
    prompt: t(
      'Paste what you were given: the Kyma token URL, the Compass legacy connector URL, the Compass "data to connect the application" (base64), or a raw token. It works once, within 5 minutes.',
    ),
    placeHolder: 'https://connector-service.example.com/v1/applications/signingRequests/info?token=…',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (needsConnectorUrl(value)) return undefined; // the connector URL is asked next
      try {
        parseTokenInput(value);
        return undefined;
      } catch (e) {
        return isKymaCertError(e) ? e.message : t('This is not a token kyma-cert recognises.');
      }
    },
  });
  return answer?.trim() || undefined;
}

async function askForConnectorUrl(): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const answer = await vscode.window.showInputBox({
    title: t('Connector URL for the token'),
    prompt: t('A raw token needs its connector URL: the Compass connectorURL (…/connector/graphql) or the Kyma connector-service URL.'),
    placeHolder: 'https://compass-gateway.example.com/connector/graphql',
    ignoreFocusOut: true,
    validateInput: (value) => {
      try {
        return new URL(value.trim()).protocol === 'https:' ? undefined : t('The Connector Service is only reachable over https.');
      } catch {
        return t('This is not a valid URL.');
      }
    },
  });
  return answer?.trim() || undefined;
}

async function askForFolder(): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const picked = await vscode.window.showOpenDialog({
    title: t('Folder for the new certificate and key'),
    openLabel: t('Use this folder'),
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0]?.fsPath;
}

async function askForName(outDir: string, application: string): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const answer = await vscode.window.showInputBox({
    title: t('File name for the new certificate of {0}', application),
    prompt: t('Writes <name>.crt, <name>.key (mode 600), <name>-ca.crt and <name>.kyma.json into {0}.', outDir),
    value: suggestedFileName(application, (name) => existsSync(path.join(outDir, `${name}.crt`)) || existsSync(path.join(outDir, `${name}.key`))),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const name = value.trim();
      if (name === '' || name !== path.basename(name) || name === '.' || name === '..') return t('Enter a plain file name without a folder.');
      return existsSync(path.join(outDir, `${name}.crt`)) ? t('{0}.crt already exists in this folder.', name) : undefined;
    },
  });
  return answer?.trim() || undefined;
}
