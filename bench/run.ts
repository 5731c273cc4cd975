/**
 * `npm run bench`: performance as ratios against a baseline run side by side on the same machine, and issue 9's
 * targets (a)–(f) with whether each is met. Sections (default: renew,inspect,index,sizes; `--only …` picks some):
 *   renew    (a) `kyma-cert renew` and (b) in-process renewCertificate() vs the tutorial's openssl + curl pipeline
 *   inspect  (c) `kyma-cert inspect --json` of the Mozilla CA certificates vs a bare X509Certificate script
 *   index    (d) index / first Problems pass of a 20,000-file workspace (1,000 certificates) in plain node
 *   sizes    (e) code compiled at activation, (f) the .vsix
 *   activation (e) host smoke activation: the .vsix in a real VS Code (code-server), 7 cold editor starts
 *   editor   (opt-in) the same workspace in a real VS Code host: activation, update after one change
 * Writes bench/results/latest.json and prints a table. Options: --rounds N (renew, default 15), --quick,
 * --host-smoke MS,MS,… (e: "smoke activation" figures from `npm run test:host` runs),
 * --trust restricted (editor: open the workspace untrusted, so the extension runs no programs such as git).
 */
import { execFileSync } from 'node:child_process';
import { constants as fsConstants, existsSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createCertificateFactory } from './certFactory';
import { runActivationBench, type ActivationBenchResult } from './activationBench';
import { runEditorBench, type EditorBenchResult } from './editorBench';
import { runIndexBench, type IndexBenchResult } from './indexBench';
import { runMozillaBench, type MozillaBenchResult } from './mozillaBench';
import { measureSizes, type SizesResult } from './sizes';
import { startEmulatorProcess } from './processes';
import { runRenewBench, type RenewBenchResult } from './renewBench';
import { renderReport } from './report';

const ROOT = projectRoot();
const CLI = path.join(ROOT, 'dist/cli.js');
const RESULTS = path.join(ROOT, 'bench/results/latest.json');
const SECTIONS = ['renew', 'inspect', 'index', 'sizes', 'activation', 'editor'] as const;
const DEFAULT_SECTIONS = ['renew', 'inspect', 'index', 'sizes', 'activation'];
type Section = (typeof SECTIONS)[number];

/** Everything latest.json holds. */
export interface BenchResults {
  generatedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    openssl: string;
    curl: string;
    platform: string;
    nodeExtraCaCerts: string | null;
    loadAverage: number[];
  };
  durationSeconds: number;
  renew?: RenewBenchResult;
  inspect?: MozillaBenchResult | { skipped: string };
  index?: IndexBenchResult;
  sizes?: SizesResult;
  hostSmokeActivationMs?: number[];
  activation?: ActivationBenchResult;
  editor?: EditorBenchResult | { skipped: string };
  errors: Partial<Record<Section, string>>;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      rounds: { type: 'string' },
      quick: { type: 'boolean', default: false },
      trust: { type: 'string', default: 'trusted' },
      'host-smoke': { type: 'string' },
    },
  });
  const sections = new Set((values.only ?? DEFAULT_SECTIONS.join(',')).split(',').map((s) => s.trim()) as Section[]);
  for (const s of sections) if (!SECTIONS.includes(s)) throw new Error(`unknown section '${s}' (known: ${SECTIONS.join(', ')})`);
  const quick = values.quick === true;
  const renewRounds = Number(values.rounds ?? (quick ? 4 : 15));
  if (!existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build first`);

  const started = Date.now();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo(),
    durationSeconds: 0,
    errors: {},
    ...(values['host-smoke'] ? { hostSmokeActivationMs: values['host-smoke'].split(',').map(Number) } : {}),
  };
  const workRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'kyma-cert-bench-'));
  const step = (text: string): void => void process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${text}\n`);
  try {
    const factory = sections.has('index') || sections.has('editor') ? createCertificateFactory() : undefined;
    if (sections.has('renew')) {
      step(`renew: ${renewRounds} interleaved rounds (kyma-cert renew | tutorial pipeline | in-process)`);
      const stateDir = path.join(workRoot, 'emulator-state');
      const emulator = await startEmulatorProcess(CLI, stateDir);
      try {
        const workDir = path.join(workRoot, 'renew');
        await fs.mkdir(workDir);
        results.renew = await runRenewBench({ cliPath: CLI, emulator, workDir, rounds: renewRounds, warmupRounds: 2, budgetMs: 45_000 });
      } catch (e) {
        results.errors.renew = describe(e);
      } finally {
        await emulator.stop();
      }
    }
    if (sections.has('inspect')) {
      step('inspect: kyma-cert inspect --json vs a bare X509Certificate script, Mozilla CA certificates');
      try {
        results.inspect = await runMozillaBench({ cliPath: CLI, baselinePath: path.join(__dirname, 'x509Baseline.js'), rounds: quick ? 3 : 9 });
      } catch (e) {
        results.errors.inspect = describe(e);
      }
    }
    if (sections.has('index') && factory) {
      step('index: generating a 20,000-file workspace (git repository), then index / Problems / baseline in fresh processes');
      const indexDir = await fs.mkdtemp(path.join(await fastTempRoot(), 'kyma-cert-bench-index-'));
      try {
        results.index = await runIndexBench({ workerPath: path.join(__dirname, 'indexWorker.js'), factory, workDir: indexDir, rounds: quick ? 2 : 5 });
      } catch (e) {
        results.errors.index = describe(e);
      } finally {
        await fs.rm(indexDir, { recursive: true, force: true });
      }
    }
    if (sections.has('sizes')) {
      step('sizes: production bundles and the .vsix');
      try {
        results.sizes = await measureSizes(ROOT, workRoot);
      } catch (e) {
        results.errors.sizes = describe(e);
      }
    }
    if (sections.has('activation')) {
      step('activation: the .vsix in a real VS Code host (code-server), cold editor starts');
      try {
        results.activation = await runActivationBench({ root: ROOT, runs: quick ? 3 : 7 });
      } catch (e) {
        results.errors.activation = describe(e);
      }
    }
    if (sections.has('editor') && factory) {
      step('editor: real VS Code host (code-server), 20,000-file workspace');
      try {
        if (values.trust !== 'trusted' && values.trust !== 'restricted') throw new Error('--trust must be trusted or restricted');
        const editorDir = await fs.mkdtemp(path.join(await fastTempRoot(), 'kyma-cert-bench-editor-'));
        try {
          results.editor = await runEditorBench({ root: ROOT, factory, workDir: editorDir, log: step, trust: values.trust });
        } finally {
          await fs.rm(editorDir, { recursive: true, force: true });
        }
      } catch (e) {
        results.errors.editor = describe(e);
      }
    }
  } finally {
    await fs.rm(workRoot, { recursive: true, force: true });
  }
  results.durationSeconds = Math.round((Date.now() - started) / 1000);

  await fs.mkdir(path.dirname(RESULTS), { recursive: true });
  await fs.writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${renderReport(results)}\nresults: ${path.relative(process.cwd(), RESULTS)}\n`);
  const failed = Object.entries(results.errors);
  for (const [section, message] of failed) process.stderr.write(`bench ${section} FAILED: ${message}\n`);
  return failed.length > 0 ? 1 : 0;
}

/**
 * Where the 20,000-file workspace goes: /dev/shm (tmpfs) when there is one, because creating 20,000 files on this
 * machine's disk takes ~15 s and says nothing about the extension. The scan reads from the page cache either way
 * (the files were just written), so the editor figures measure the same work. KYMA_BENCH_TMP overrides.
 */
async function fastTempRoot(): Promise<string> {
  for (const dir of [process.env.KYMA_BENCH_TMP, '/dev/shm']) {
    if (!dir) continue;
    try {
      await fs.access(dir, fsConstants.W_OK);
      return dir;
    } catch {
      // not there or not writable: next candidate
    }
  }
  return os.tmpdir();
}

/** The folder of kyma-cert's package.json: above the compiled file (out/bench/run.js), else the working directory. */
function projectRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && /"name":\s*"kyma-cert"/.test(readFileSync(manifest, 'utf8'))) return dir;
  }
  return process.cwd();
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

function firstLine(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0].trim();
  } catch {
    return 'unavailable';
  }
}

function machineInfo(): BenchResults['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    openssl: firstLine('openssl', ['version']),
    curl: firstLine('curl', ['--version']).split(' ').slice(0, 2).join(' '),
    platform: `${os.platform()} ${os.release()}`,
    nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS ?? null,
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench: ${describe(e)}\n`);
    process.exitCode = 2;
  },
);
