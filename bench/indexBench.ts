/**
 * (d) in plain node: a generated workspace of 20,000 files with 1,000 certificate + key pairs (18,000 source-like
 * files; keys shared from a small pool so generation is fast), a git repository with everything but the keys
 * committed. Each measurement runs in a fresh process (bench/indexWorker.ts), rounds interleaved.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CertificateFactory } from './certFactory';
import { writeCertificates, writeFillerFiles } from './editorBench';
import { mustSucceed } from './processes';
import { interleave, ratio, summarize, type Summary } from './stats';

export interface IndexBenchResult {
  workspaceFiles: number;
  certificates: number;
  rounds: number;
  baseline: Summary;
  index: Summary;
  problems: Summary;
  ratioIndexToBaseline: number;
  ratioProblemsToBaseline: number;
}

export async function runIndexBench(opts: { workerPath: string; factory: CertificateFactory; workDir: string; rounds: number }): Promise<IndexBenchResult> {
  const root = path.join(opts.workDir, 'workspace');
  await writeFillerFiles(root);
  await writeCertificates(root, opts.factory);
  await makeKeyFilesDistinct(root);
  await fs.writeFile(path.join(root, '.gitignore'), '*.key\n');
  const git = (...args: string[]): void =>
    void execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'workspace');
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const workspaceFiles = entries.filter((e) => e.isFile() && !/[\\/]\.git([\\/]|$)/.test(e.parentPath) && e.name !== '.gitignore').length;

  let certificates = 0;
  const measure = (mode: string) => async (): Promise<number> => {
    const run = await mustSucceed(process.execPath, [opts.workerPath, mode, root]);
    const result = JSON.parse(run.stdout) as { ms: number; certificates: number };
    certificates = result.certificates;
    return result.ms;
  };
  const series = await interleave(
    ['baseline', 'index', 'problems'].map((mode) => ({ name: mode, run: measure(mode) })),
    { rounds: opts.rounds, warmup: 1, budgetMs: 60_000 },
  );
  const [baseline, index, problems] = ['baseline', 'index', 'problems'].map((m) => summarize(series.samples[m]));
  return {
    workspaceFiles,
    certificates,
    rounds: series.rounds,
    baseline,
    index,
    problems,
    ratioIndexToBaseline: ratio(index, baseline),
    ratioProblemsToBaseline: ratio(problems, baseline),
  };
}

/**
 * The factory shares 8 RSA keys among the 1,000 certificates (generating 1,000 would take minutes), so 992 key
 * files would be byte-identical and anything cached by content would decode only 8 keys. A workspace has one key
 * per certificate: a comment line (outside the PEM block, ignored by every reader) makes each file's bytes its own.
 */
async function makeKeyFilesDistinct(root: string): Promise<void> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  const keys = entries.filter((e) => e.isFile() && e.name.endsWith('.key')).map((e) => path.join(e.parentPath, e.name));
  for (let i = 0; i < keys.length; i += 256) {
    await Promise.all(
      keys.slice(i, i + 256).map(async (file) => fs.writeFile(file, `# ${path.relative(root, file)}\n${await fs.readFile(file, 'utf8')}`, { mode: 0o600 })),
    );
  }
}
