/**
 * (d) Editor figures from a real VS Code host: the harness runner (test/host/runner.mjs, code-server + headless
 * Chromium) loads test/host/bench/index.ts instead of the mocha suite, in a generated workspace of 20,000 files
 * holding 1,000 certificates (100 service folders × 10 certificate + key pairs, and 18,000 source-like files).
 * The certificates wait in a staging folder and are moved in by the host bench after activation (see there).
 * (A shell reference, `rg --files | xargs -n1 openssl x509`, is left out: at ~55 ms per openssl start-up it alone
 * would take a minute for 1,000 files; section (b) measures that per-file cost.)
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readCertificateEntry } from '../src/lifecycle/certificateReader';
import type { EditorBenchSamples } from '../test/host/bench/index';
import type { CertificateFactory } from './certFactory';
import { timeProcess } from './processes';
import { ratio, summarize, Summary } from './stats';

const SERVICES = 100;
const CERTS_PER_SERVICE = 10;
const FILLER_FILES = 18_000;
const ROUNDS = 3;
const CHANGED = 'services/svc-042/certs/app-3.crt';
const RUNNER_TIMEOUT_SEC = 200;

export interface EditorBenchResult {
  vscodeVersion: string;
  trust: 'trusted' | 'restricted';
  /** The folder the generated workspace lived in (tmpfs when available, see run.ts). */
  workspaceParent: string;
  workspaceFiles: number;
  certificates: number;
  activation: EditorBenchSamples['activation'];
  firstScanWithoutCertificates: EditorBenchSamples['firstScan'];
  arrival: EditorBenchSamples['arrival'];
  fullScan: {
    index: Summary;
    findFilesList: Summary;
    findFilesRead: Summary;
    findFilesReadX509: Summary;
    /** refresh() until the Problems entries reflect it (key hygiene runs after the index). */
    indexAndProblems: Summary;
    ratioIndexToFindFilesRead: number;
    ratioIndexToFindFilesReadX509: number;
    stoppedByBudget: boolean;
  };
  /** `watcherToIndex` is null when not one change showed up within `missedAfterMs`. */
  update: {
    watcherToIndex: Summary | null;
    /** From the change event reaching the extension host until the index shows it (debounce + our work). */
    eventToIndex: Summary | null;
    missedAfterMs?: number;
    refreshFile: Summary;
    certificatesInFolder: number;
  };
  runnerWallSeconds: number;
  /** readCertificateEntry over the same files in plain node (the index's file work without VS Code). */
  outsideHost?: { readCertificateEntry: Summary; ratioIndexToOutside: number };
  /** The host bench's phase log (timestamps from the start of run()). */
  hostProgress: string[];
}

export async function runEditorBench(opts: {
  root: string;
  factory: CertificateFactory;
  workDir: string;
  log: (line: string) => void;
  /** `restricted`: open the workspace untrusted (the extension then runs no programs, e.g. no git). */
  trust?: 'trusted' | 'restricted';
}): Promise<EditorBenchResult | { skipped: string }> {
  const codeServer = process.env.CODE_SERVER_BIN ?? path.join(opts.root, '.vscode-test/code-server/node_modules/.bin/code-server');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const runner = path.join(opts.root, 'test/host/runner.mjs');
  const entry = path.join(opts.root, 'out/test/host/bench/index.js');
  for (const [what, file, fix] of [
    ['code-server', codeServer, 'bash scripts/install-host.sh'],
    ['chromium', chromium, 'bash scripts/install-host.sh'],
    ['the host runner', runner, ''],
    ['the host bench', entry, 'npm run compile-tests'],
    ['the extension bundle', path.join(opts.root, 'dist/extension.js'), 'npm run build'],
  ]) {
    if (!existsSync(file)) return { skipped: `${what} not found (${file})${fix ? `; run: ${fix}` : ''}` };
  }

  const workspace = path.join(opts.workDir, 'workspace');
  const staging = path.join(opts.workDir, 'staging');
  opts.log(`editor: generating ${FILLER_FILES + 2 * SERVICES * CERTS_PER_SERVICE} files`);
  await writeFillerFiles(workspace);
  await writeCertificates(staging, opts.factory);
  // The certificate folders exist (empty) from the start, like a checked-out repository's tree.
  for (const dir of await certificateFolders(staging)) await fs.mkdir(path.join(workspace, dir), { recursive: true });

  const outFile = path.join(opts.workDir, 'editor-samples.json');
  opts.log('editor: running the host bench (code-server + Chromium)');
  const run = await timeProcess(
    process.execPath,
    [
      runner,
      '--extensionTestsPath',
      entry,
      '--workspace',
      workspace,
      '--label',
      'bench',
      '--trust',
      opts.trust ?? 'trusted',
      '--timeout',
      String(RUNNER_TIMEOUT_SEC),
    ],
    {
      cwd: opts.root,
      env: {
        ...process.env,
        KYMA_BENCH_OUT: outFile,
        KYMA_BENCH_STAGING: staging,
        KYMA_BENCH_EXPECT: String(SERVICES * CERTS_PER_SERVICE),
        KYMA_BENCH_ROUNDS: String(ROUNDS),
        KYMA_BENCH_CHANGED: CHANGED,
      },
    },
  );
  const progress = existsSync(`${outFile}.log`) ? await fs.readFile(`${outFile}.log`, 'utf8') : '(no progress logged)\n';
  if (run.code !== 0 || !existsSync(outFile)) {
    const output = (run.stdout + run.stderr)
      .split('\n')
      .filter((l) => !l.startsWith('[remote-connection]'))
      .join('\n');
    throw new Error(`host bench failed (runner exit ${run.code}). Host progress:\n${progress}Runner output:\n${output.trim().slice(-2500)}`);
  }
  const samples = JSON.parse(await fs.readFile(outFile, 'utf8')) as EditorBenchSamples;

  const index = summarize(samples.fullScan.indexMs);
  const findFilesRead = summarize(samples.fullScan.findFilesReadMs);
  const findFilesReadX509 = summarize(samples.fullScan.findFilesReadX509Ms);
  const result: EditorBenchResult = {
    vscodeVersion: samples.vscodeVersion,
    trust: opts.trust ?? 'trusted',
    workspaceParent: path.dirname(opts.workDir),
    workspaceFiles: await countFiles(workspace),
    certificates: samples.fullScan.certificates,
    activation: samples.activation,
    firstScanWithoutCertificates: samples.firstScan,
    arrival: samples.arrival,
    fullScan: {
      index,
      findFilesList: summarize(samples.fullScan.findFilesListMs),
      findFilesRead,
      findFilesReadX509,
      indexAndProblems: summarize(samples.fullScan.indexAndProblemsMs),
      ratioIndexToFindFilesRead: ratio(index, findFilesRead),
      ratioIndexToFindFilesReadX509: ratio(index, findFilesReadX509),
      stoppedByBudget: samples.fullScan.stoppedByBudget,
    },
    update: {
      watcherToIndex: samples.update.watcherToIndexMs.length > 0 ? summarize(samples.update.watcherToIndexMs) : null,
      eventToIndex: samples.update.eventToIndexMs.length > 0 ? summarize(samples.update.eventToIndexMs) : null,
      missedAfterMs: samples.update.missedAfterMs,
      refreshFile: summarize(samples.update.refreshFileMs),
      certificatesInFolder: samples.update.certificatesInFolder,
    },
    runnerWallSeconds: Math.round(run.ms / 100) / 10,
    hostProgress: progress.trim().split('\n'),
  };

  opts.log('editor: the same per-file work outside the host (readCertificateEntry, 8 at a time)');
  result.outsideHost = await readEntriesOutsideHost(workspace, result.certificates, index);
  return result;
}

/**
 * The index's per-file work (read, parse every certificate, pair the key, look for CA and connection files)
 * in plain node over the same files: the part of the index time that is not VS Code (findFiles, events, the
 * features that react to index changes).
 */
async function readEntriesOutsideHost(workspace: string, expected: number, index: Summary): Promise<NonNullable<EditorBenchResult['outsideHost']>> {
  const entries = await fs.readdir(path.join(workspace, 'services'), { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.crt')).map((e) => path.join(e.parentPath, e.name));
  if (files.length !== expected) throw new Error(`found ${files.length} certificate files outside the host, expected ${expected}`);
  // One pass: over 1,000 files it is itself an aggregate, and the bench has a time budget.
  const started = performance.now();
  let next = 0;
  let paired = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const result = await readCertificateEntry(files[next++], { maxFileSizeBytes: 512 * 1024 });
      if ('entry' in result && result.entry.key.status === 'match') paired++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  if (paired !== files.length) throw new Error(`outside the host only ${paired} of ${files.length} entries paired with their key`);
  const samples = [performance.now() - started];
  const run = summarize(samples);
  return { readCertificateEntry: run, ratioIndexToOutside: ratio(index, run) };
}

/** 18,000 small source-like files in 60 packages × 30 folders (none of them a certificate file type). */
export async function writeFillerFiles(workspace: string): Promise<void> {
  const kinds = [
    (i: number) => [`index-${i}.ts`, `export function handler${i}(input: string): string {\n  return input.trim();\n}\n`],
    (i: number) => [`config-${i}.json`, `${JSON.stringify({ name: `service-${i}`, replicas: i % 5, enabled: true }, null, 2)}\n`],
    (i: number) => [`README-${i}.md`, `# Module ${i}\n\nNothing to see here; the bench needs files that are not certificates.\n`],
    (i: number) => [`deployment-${i}.yaml`, `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\n`],
  ] as const;
  const jobs: Array<[string, string]> = [];
  for (let i = 0; i < FILLER_FILES; i++) {
    const dir = path.join(workspace, 'src', `pkg-${String(Math.floor(i / 300)).padStart(2, '0')}`, `mod-${Math.floor(i / 10) % 30}`);
    const [name, content] = kinds[i % kinds.length](i);
    jobs.push([path.join(dir, name), content]);
  }
  await writeAll(jobs);
}

/**
 * staging/services/svc-NNN/certs/app-K.{crt,key}: a client certificate (chain: client + CA) and its key (0600);
 * staging/alternates/{a,b}.crt: two versions of the file the host bench changes (a = the one in services/).
 */
export async function writeCertificates(staging: string, factory: CertificateFactory): Promise<void> {
  const jobs: Array<[string, string]> = [];
  const keys: Array<[string, string]> = [];
  for (let s = 0; s < SERVICES; s++) {
    for (let k = 0; k < CERTS_PER_SERVICE; k++) {
      const rel = `services/svc-${String(s).padStart(3, '0')}/certs/app-${k}`;
      const { certPem, keyPem } = factory.client(s * CERTS_PER_SERVICE + k);
      jobs.push([path.join(staging, `${rel}.crt`), certPem + factory.caPem]);
      keys.push([path.join(staging, `${rel}.key`), keyPem]);
      if (`${rel}.crt` === CHANGED) {
        jobs.push([path.join(staging, 'alternates/a.crt'), certPem + factory.caPem]);
        jobs.push([path.join(staging, 'alternates/b.crt'), factory.client(s * CERTS_PER_SERVICE + k, 1).certPem + factory.caPem]);
      }
    }
  }
  await writeAll(jobs);
  await writeAll(keys, 0o600);
}

async function writeAll(jobs: ReadonlyArray<[string, string]>, mode?: number): Promise<void> {
  const dirs = new Set(jobs.map(([file]) => path.dirname(file)));
  for (const dir of dirs) await fs.mkdir(dir, { recursive: true });
  for (let i = 0; i < jobs.length; i += 256) {
    await Promise.all(jobs.slice(i, i + 256).map(([file, content]) => fs.writeFile(file, content, mode === undefined ? undefined : { mode })));
  }
}

async function certificateFolders(staging: string): Promise<string[]> {
  const services = path.join(staging, 'services');
  const entries = await fs.readdir(services, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => path.relative(staging, path.join(e.parentPath, e.name)));
}

async function countFiles(dir: string): Promise<number> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}
