import * as path from 'node:path';
import * as vscode from 'vscode';
import { DETAILS_SCHEME } from '../constants';
import { CertificateEntry, loadCertificateReader } from '../lifecycle/certificateEntry';
import { CertificateIndex } from './certificateIndex';
import { detailsMarkdown } from '../views/detailsContent';
import { SettingsService } from './settings';
import { keyViewOf, viewOf } from '../views/entryView';

/**
 * Read-only "Certificate Details" documents (Markdown, so they can be previewed), one per certificate file,
 * DER included. They follow the index: after a renewal an open details document shows the new certificate.
 */
export class CertificateDetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];

  readonly onDidChange = this.changed.event;

  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
  ) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this),
      index.onDidChange(() => {
        for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === DETAILS_SCHEME) this.changed.fire(doc.uri);
      }),
    ];
  }

  /** The details document URI of a certificate file: `kyma-cert-details:/app.crt.md?<file uri>`. */
  static uriFor(file: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${path.basename(file.fsPath)}.md`, query: file.toString() });
  }

  /** Opens the details of a certificate file beside nothing, as a preview tab. */
  static async show(file: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(CertificateDetailsDocuments.uriFor(file));
    return vscode.window.showTextDocument(document, { preview: true });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = vscode.Uri.parse(uri.query);
    const entry = this.index.get(file) ?? (await this.readUnindexed(file.fsPath));
    const t = vscode.l10n.t;
    const shown = this.index.displayPath(file.fsPath);
    if (!entry) return detailsMarkdown({ file: shown, format: 'pem', certificates: [] }, t);
    const now = new Date();
    const displayPath = (f: string): string => this.index.displayPath(f);
    return detailsMarkdown(
      {
        file: shown,
        format: entry.format,
        certificates: entry.certificates.map((block) => viewOf(entry, block, now, this.settings.current.thresholds, displayPath)),
        key: keyViewOf(entry.key, displayPath),
        caFile: entry.caFile ? displayPath(entry.caFile) : undefined,
        connection: entry.connection && {
          infoUrl: entry.connection.infoUrl,
          caFile: entry.connection.caFile ? displayPath(entry.connection.caFile) : undefined,
        },
      },
      t,
    );
  }

  /** Files the index skips (excluded, above the index's size cap) can still be shown on request. */
  private async readUnindexed(file: string): Promise<CertificateEntry | undefined> {
    const { readCertificateEntry, MAX_INPUT_BYTES } = await loadCertificateReader();
    const result = await readCertificateEntry(file, { maxFileSizeBytes: MAX_INPUT_BYTES });
    return 'entry' in result ? result.entry : undefined;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}
