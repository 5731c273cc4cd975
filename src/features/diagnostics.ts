import { chmod, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId, DIAGNOSTICS_SOURCE, InternalCommandId } from '../constants';
import type { Problem } from '../core/problems';
import { CertificateIndex } from './certificateIndex';
import { SettingsService } from './settings';
import { messageOf } from '../core/errors';

/** Expiry problems change with the clock while the editor stays open. */
const RECHECK_MS = 60 * 60 * 1000;
/** Key files checked at the same time (each check may start a git process). */
/** Internal command behind the "chmod 600" quick fix (not contributed: only code actions run it). */
/**
 * Problems end at the END line of their block; its length isn't known without the text, and VS Code clamps a
 * range to the line, so "to the end of the line" is a large column.
 */
const END_OF_LINE = 10_000;

const SEVERITY: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/**
 * Problems panel entries for every indexed certificate file, each at the exact PEM block it is about (expiry,
 * revocation, key pairing, bundle order), plus key hygiene on the private key files (permissions, tracked by git).
 * Quick fixes: Renew Certificate where renewing helps, Request Certificate with Token… where only a new certificate
 * does, and `chmod 600` for a key readable by others.
 */
export class CertificateDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  private readonly collection = vscode.languages.createDiagnosticCollection('kyma-cert');
  /** The problems behind the diagnostics, by file: code actions look them up instead of decoding diagnostics. */
  private problems = new Map<string, Problem[]>();
  /**
   * Hygiene results per key file, reused while the file's stat is unchanged: every index change would otherwise
   * run git once per key (1,000 keys → 1,000 processes per change). Whether git tracks a file can change without
   * the file changing, so the hourly recheck empties the cache.
   */
  private readonly hygieneCache = new Map<string, { signature: string; problems: Problem[] }>();
  private readonly subscriptions: vscode.Disposable[];
  private readonly timer: NodeJS.Timeout;
  private generation = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly index: CertificateIndex,
    private readonly settings: SettingsService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      index.onDidChange(() => this.update()),
      settings.onDidChange(() => this.update()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, this, {
        providedCodeActionKinds: CertificateDiagnostics.providedCodeActionKinds,
      }),
      vscode.commands.registerCommand(InternalCommandId.restrictKeyPermissions, (file: string) => this.restrictKey(file)),
    ];
    this.timer = setInterval(() => {
      this.hygieneCache.clear();
      this.update();
    }, RECHECK_MS);
    this.update();
  }

  /** Resolves when the diagnostics reflect the index as of the last change (for tests). */
  whenUpdated(): Promise<void> {
    return this.pending;
  }

  /** Recomputes every entry; a newer update supersedes one still waiting for git. */
  private update(): void {
    const generation = ++this.generation;
    this.pending = this.compute(generation).catch((e: unknown) => this.log.error(`Updating the Problems entries failed: ${messageOf(e)}`));
  }

  private async compute(generation: number): Promise<void> {
    // Loaded on first use: findProblems pulls in the parser, which activation should not wait for.
    const { keyFileOf, problemsOfEntry } = await import('../views/diagnosticsContent');
    const now = new Date();
    const { thresholds } = this.settings.current;
    const next = new Map<string, Problem[]>();
    const keyFiles = new Set<string>();
    for (const entry of this.index.all()) {
      next.set(
        entry.file,
        problemsOfEntry(entry, now, thresholds, vscode.l10n.t, (f) => this.index.displayPath(f)),
      );
      const keyFile = keyFileOf(entry);
      if (keyFile) keyFiles.add(keyFile);
    }
    // Key hygiene runs git: only in a trusted workspace, only for keys inside its folders (a repository's config
    // can make git run programs; io/gitTracked.ts disables those too), and one git per repository.
    const skipGit = !vscode.workspace.isTrusted;
    const hygiene = await this.hygieneOf([...keyFiles], skipGit);
    if (generation !== this.generation) return;
    for (const [file, problems] of hygiene) {
      if (problems.length > 0) next.set(file, [...(next.get(file) ?? []), ...problems]);
    }
    this.problems = next;
    this.collection.clear();
    this.collection.set([...next].map(([file, problems]) => [vscode.Uri.file(file), problems.map(toDiagnostic)]));
  }

  /** Problems per key file; unchanged files (same mtime, size, mode) come from the cache, the rest in one batch. */
  private async hygieneOf(keyFiles: readonly string[], skipGit: boolean): Promise<Array<readonly [string, Problem[]]>> {
    const { checkKeyFiles } = await import('../io/keyHygiene');
    const modes = new Map<string, number>();
    const signatures = await Promise.all(
      keyFiles.map(async (file) => {
        const info = await stat(file).catch(() => undefined);
        if (info) modes.set(file, info.mode);
        return info ? `${info.mtimeMs}:${info.size}:${info.mode}:${skipGit}` : 'missing';
      }),
    );
    const stale = keyFiles.filter((file, i) => this.hygieneCache.get(file)?.signature !== signatures[i]);
    const trustedRoots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const fresh = stale.length > 0 ? await checkKeyFiles(stale, { skipGit, trustedRoots, modes }) : new Map<string, Problem[]>();
    return keyFiles.map((file, i) => {
      const problems = fresh.get(file) ?? this.hygieneCache.get(file)?.problems ?? [];
      if (fresh.has(file)) this.hygieneCache.set(file, { signature: signatures[i], problems });
      return [file, problems] as const;
    });
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const file = document.uri.fsPath;
    const problems = (this.problems.get(file) ?? []).filter((p) => p.startLine <= range.end.line && p.endLine >= range.start.line);
    const actions: vscode.CodeAction[] = [];
    const t = vscode.l10n.t;
    const add = (title: string, problem: Problem, command: vscode.Command, preferred: boolean): void => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [toDiagnostic(problem)];
      action.command = command;
      action.isPreferred = preferred;
      actions.push(action);
    };
    for (const problem of problems) {
      if (problem.renewable) {
        add(t('Renew Certificate'), problem, { title: t('Renew Certificate'), command: CommandId.renewCertificate, arguments: [document.uri] }, true);
      } else if (problem.code === 'expired' || problem.code === 'revoked') {
        // Renewal can't help: offer a new certificate from a one-time token, written over this one.
        const args = { outDir: path.dirname(file), name: path.parse(file).name, replace: true };
        add(
          t('Request Certificate with Token…'),
          problem,
          { title: t('Request Certificate with Token…'), command: CommandId.requestCertificateWithToken, arguments: [args] },
          true,
        );
      } else if (problem.code === 'key-permissions' && vscode.workspace.isTrusted) {
        add(
          t('Make the key readable by its owner only (chmod 600)'),
          problem,
          { title: 'chmod 600', command: InternalCommandId.restrictKeyPermissions, arguments: [file] },
          true,
        );
      }
    }
    return actions;
  }

  private async restrictKey(file: string): Promise<void> {
    try {
      await chmod(file, 0o600);
      this.log.info(`Restricted ${this.index.displayPath(file)} to mode 600.`);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not change the permissions of {0}: {1}', this.index.displayPath(file), messageOf(e)));
    }
    this.update();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.generation++;
    for (const d of this.subscriptions) d.dispose();
    this.collection.dispose();
  }
}

function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = new vscode.Range(problem.startLine, 0, problem.endLine, END_OF_LINE);
  const diagnostic = new vscode.Diagnostic(range, problem.message, SEVERITY[problem.severity]);
  diagnostic.source = DIAGNOSTICS_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}
