import * as vscode from 'vscode';
import { assessExpiry } from '../core/expiry';
import { CertificateBlock, loadCertificateReader } from '../lifecycle/certificateEntry';
import { CertificateIndex } from './certificateIndex';
import { problemsOfEntry } from '../views/diagnosticsContent';
import { HOVER_COMMANDS, hoverMarkdown } from '../views/hoverContent';
import { renewOffered } from '../views/statusBarContent';
import { SettingsService } from './settings';
import { blockAtLine, viewOf } from '../views/entryView';

/** A PEM block longer than this many lines is not a certificate (protects hover on huge files). */
const MAX_BLOCK_LINES = 400;

/**
 * Hover over a PEM certificate block in any file, whatever its language (saved or untitled). Facts come from the
 * index; only text the index doesn't know (unsaved changes, files outside the workspace) is parsed, and then only
 * the block under the mouse.
 */
export class CertificateHoverProvider implements vscode.HoverProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
  ) {
    this.registration = vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], this);
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const entry = document.uri.scheme === 'file' && !document.isDirty ? this.index.get(document.uri) : undefined;
    const blocks = entry ? entry.certificates : await this.blockAround(document, position.line);
    const block = blockAtLine(blocks, position.line);
    if (!block || block.endLine >= document.lineCount) return undefined; // index not caught up with the file yet

    const now = new Date();
    const { thresholds } = this.settings.current;
    const displayPath = (file: string): string => this.index.displayPath(file);
    const view = entry
      ? viewOf(entry, block, now, thresholds, displayPath)
      : { facts: block.facts, expiry: assessExpiry(block.facts, now, thresholds), revoked: false };
    const chain = entry ? { index: entry.certificates.indexOf(block), count: entry.certificates.length } : undefined;
    const t = vscode.l10n.t;
    // The Problems entry of this block, under the summary (VS Code would otherwise show it above everything).
    const problems = entry
      ? problemsOfEntry(entry, now, thresholds, t, displayPath)
          .filter((p) => p.startLine === block.startLine)
          .map((p) => p.message)
      : undefined;
    const markdown = new vscode.MarkdownString(
      hoverMarkdown(view, { t, target: entry ? document.uri.toString() : undefined, chain, problems, renewable: renewOffered(view) }),
    );
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    const range = new vscode.Range(block.startLine, 0, block.endLine, document.lineAt(block.endLine).text.length);
    return new vscode.Hover(markdown, range);
  }

  /** Parses just the BEGIN…END block around `line` (if it is one), with line numbers of the document. */
  private async blockAround(document: vscode.TextDocument, line: number): Promise<CertificateBlock[]> {
    let begin = -1;
    for (let i = line; i >= 0 && line - i < MAX_BLOCK_LINES; i--) {
      const text = document.lineAt(i).text;
      if (text.includes('-----BEGIN ')) {
        begin = i;
        break;
      }
      if (i < line && text.includes('-----END ')) return []; // between two blocks
    }
    if (begin < 0) return [];
    let end = -1;
    for (let i = Math.max(line, begin + 1); i < document.lineCount && i - begin < MAX_BLOCK_LINES; i++) {
      const text = document.lineAt(i).text;
      if (text.includes('-----END ')) {
        end = i;
        break;
      }
      if (text.includes('-----BEGIN ')) return [];
    }
    if (end < 0) return [];
    const text = document.getText(new vscode.Range(begin, 0, end, document.lineAt(end).text.length));
    const { parseBlocks } = await loadCertificateReader();
    const parsed = parseBlocks(text);
    if ('problem' in parsed) return [];
    return parsed.certificates.map((b) => ({ ...b, startLine: b.startLine + begin, endLine: b.endLine + begin }));
  }

  dispose(): void {
    this.registration.dispose();
  }
}
