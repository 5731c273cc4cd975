/**
 * (c) `kyma-cert inspect --json` over the system's Mozilla CA certificates vs the bare X509Certificate script
 * (bench/x509Baseline.ts), both as new node processes, rounds interleaved.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { mustSucceed } from './processes';
import { interleave, ratio, summarize, type Summary } from './stats';

export const MOZILLA_DIR = '/usr/share/ca-certificates/mozilla';

export interface MozillaBenchResult {
  files: number;
  rounds: number;
  cli: Summary;
  bareX509: Summary;
  ratioCliToBare: number;
}

export async function runMozillaBench(opts: { cliPath: string; baselinePath: string; rounds: number }): Promise<MozillaBenchResult | { skipped: string }> {
  if (!existsSync(MOZILLA_DIR)) return { skipped: `${MOZILLA_DIR} not found (install ca-certificates)` };
  const files = (await fs.readdir(MOZILLA_DIR)).filter((f) => f.endsWith('.crt')).map((f) => path.join(MOZILLA_DIR, f));
  const series = await interleave(
    [
      {
        name: 'cli',
        run: async () => {
          const run = await mustSucceed(process.execPath, [opts.cliPath, 'inspect', ...files, '--json']);
          if ((JSON.parse(run.stdout) as { files: unknown[] }).files.length !== files.length) throw new Error('inspect missed files');
          return run.ms;
        },
      },
      {
        name: 'bareX509',
        run: async () => {
          const run = await mustSucceed(process.execPath, [opts.baselinePath, ...files]);
          if ((JSON.parse(run.stdout) as { files: unknown[] }).files.length !== files.length) throw new Error('baseline missed files');
          return run.ms;
        },
      },
    ],
    { rounds: opts.rounds, warmup: 2, budgetMs: 40_000 },
  );
  const cli = summarize(series.samples.cli);
  const bareX509 = summarize(series.samples.bareX509);
  return { files: files.length, rounds: series.rounds, cli, bareX509, ratioCliToBare: ratio(cli, bareX509) };
}
