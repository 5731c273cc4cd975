/**
 * (e) Host smoke activation: the packaged extension (.vsix) installed into a real VS Code (code-server, through
 * test/host/runner.mjs), `ext.activate()` timed by the harness smoke test (load of dist/extension.js + activate()).
 * Each run is a fresh editor, so every figure is a cold load; the median of the runs is the figure.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { timeProcess } from './processes';
import { summarize, type Summary } from './stats';

export interface ActivationBenchResult {
  runs: number;
  /** Milliseconds for ext.activate() as the smoke test printed them, one per editor start. */
  samples: number[];
  summary: Summary;
}

const SMOKE_LINE = /smoke activation: (\d+(?:\.\d+)?) ms for ext\.activate\(\)/;

export async function runActivationBench(opts: { root: string; runs: number }): Promise<ActivationBenchResult> {
  const vsix = path.join(opts.root, 'kyma-cert.vsix');
  const packaged = await timeProcess('npm', ['run', '--silent', 'package'], { cwd: opts.root });
  if (packaged.code !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed: ${packaged.stderr.trim().slice(-500)}`);
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const run = await timeProcess(
      process.execPath,
      [
        'test/host/runner.mjs',
        '--extensionTestsPath',
        'out/test/host/suite/index.js',
        '--vsix',
        vsix,
        '--grep',
        '^host harness smoke .* activates',
        '--timeout',
        '120',
      ],
      { cwd: opts.root },
    );
    const figure = SMOKE_LINE.exec(run.stdout + run.stderr)?.[1];
    if (run.code !== 0 || figure === undefined) {
      throw new Error(`host smoke run ${i + 1} failed (exit ${run.code}): ${(run.stdout + run.stderr).trim().slice(-800)}`);
    }
    samples.push(Number(figure));
  }
  return { runs: opts.runs, samples, summary: summarize(samples) };
}
