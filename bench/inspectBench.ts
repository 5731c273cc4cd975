/**
 * (b) `kyma-cert inspect` over a few hundred certificate files vs a shell loop running one
 * `openssl x509 -noout -subject -enddate -fingerprint -sha256` per file; plus in-process parse throughput
 * (parseCryptoFile + certificateFacts per certificate) vs node's native X509Certificate.
 */
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { certificateFacts } from '../src/core/certificate';
import { parseCryptoFile } from '../src/core/pem';
import type { CertificateFactory } from './certFactory';
import { mustSucceed } from './processes';
import { interleave, ratio, summarize, Summary } from './stats';

const OPENSSL_LOOP = 'for f in "$@"; do openssl x509 -noout -subject -enddate -fingerprint -sha256 -in "$f"; done';

export interface InspectBenchResult {
  files: number;
  rounds: number;
  /** True when the time budget ended the run before all planned rounds. */
  stoppedByBudget: boolean;
  cli: Summary;
  opensslLoop: Summary;
  ratioCliToOpensslLoop: number;
  inProcess: {
    passes: number;
    /** parseCryptoFile + certificateFacts, microseconds per certificate (per-pass medians). */
    factsUsPerCert: Summary;
    /** new X509Certificate + subject, validTo, fingerprint256: the same questions openssl answers. */
    nativeX509UsPerCert: Summary;
    ratioFactsToNative: number;
  };
  samples: { cli: number[]; opensslLoop: number[] };
}

export async function runInspectBench(opts: {
  cliPath: string;
  factory: CertificateFactory;
  workDir: string;
  files: number;
  rounds: number;
  warmupRounds: number;
  parsePasses: number;
  budgetMs: number;
}): Promise<InspectBenchResult> {
  const files: string[] = [];
  for (let i = 0; i < opts.files; i++) {
    const file = path.join(opts.workDir, `client-${String(i).padStart(4, '0')}.crt`);
    await fs.writeFile(file, opts.factory.client(i).certPem);
    files.push(file);
  }

  const series = await interleave(
    [
      {
        name: 'cli',
        run: async () => {
          const run = await mustSucceed(process.execPath, [opts.cliPath, 'inspect', ...files, '--json']);
          const report = JSON.parse(run.stdout) as { files: unknown[] };
          if (report.files.length !== files.length) throw new Error(`inspect reported ${report.files.length} of ${files.length} files`);
          return run.ms;
        },
      },
      {
        name: 'opensslLoop',
        run: async () => {
          const run = await mustSucceed('bash', ['-c', OPENSSL_LOOP, 'openssl-loop', ...files]);
          const answered = run.stdout.split('\n').filter((l) => l.startsWith('sha256 Fingerprint=')).length;
          if (answered !== files.length) throw new Error(`openssl loop answered ${answered} of ${files.length} files`);
          return run.ms;
        },
      },
    ],
    { rounds: opts.rounds, warmup: opts.warmupRounds, budgetMs: opts.budgetMs, minRounds: 1 },
  );
  const { samples } = series;

  const data = await Promise.all(files.map((f) => fs.readFile(f)));
  const perCert = (fn: (d: Buffer) => void): number[] => {
    const passes: number[] = [];
    for (let pass = 0; pass < opts.parsePasses + 1; pass++) {
      const started = performance.now();
      for (const d of data) fn(d);
      if (pass > 0) passes.push(((performance.now() - started) * 1000) / data.length); // pass 0 warms the JIT
    }
    return passes;
  };
  let sink = 0; // keeps the work observable so nothing is optimised away
  const facts = summarize(
    perCert((d) => {
      for (const block of parseCryptoFile(d).blocks) if (block.kind === 'certificate') sink += certificateFacts(block.der).notAfter.getTime() & 1;
    }),
  );
  const native = summarize(
    perCert((d) => {
      const x = new X509Certificate(d);
      sink += x.subject.length + x.validTo.length + x.fingerprint256.length;
    }),
  );
  if (sink < 0) throw new Error('unreachable');

  const cli = summarize(samples.cli);
  const opensslLoop = summarize(samples.opensslLoop);
  return {
    files: files.length,
    rounds: series.rounds,
    stoppedByBudget: series.stoppedByBudget,
    cli,
    opensslLoop,
    ratioCliToOpensslLoop: ratio(cli, opensslLoop),
    inProcess: { passes: opts.parsePasses, factsUsPerCert: facts, nativeX509UsPerCert: native, ratioFactsToNative: ratio(facts, native) },
    samples: { cli: samples.cli, opensslLoop: samples.opensslLoop },
  };
}
