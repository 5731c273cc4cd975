/** The readable table `npm run bench` prints (the same text goes into README's Performance section). */
import type { BenchResults } from './run';
import { describeRatio, formatTable, ms, Summary } from './stats';

const budgetNote = (stopped: boolean): string => (stopped ? ' (stopped by the time budget: machine busy?)' : '');
const medP90 = (s: Summary): string => `${ms(s.median)} / ${ms(s.p90)}`;

/** Markdown-compatible tables plus the notes that keep the ratios honest. */
export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`kyma-cert bench — ${m.cpus}× ${m.cpuModel}, Node ${m.node}, ${m.openssl}, ${m.curl}; ${r.durationSeconds} s`);
  out.push('Ratios compare medians of runs interleaved on the same machine (below 1 = ours is faster).', '');

  if (r.renew) {
    const a = r.renew;
    out.push(
      `Renewal, ${a.rounds} interleaved rounds per side${budgetNote(a.stoppedByBudget)} (${a.warmupRounds} warm-up rounds dropped), ${a.keyType}, one emulator over loopback`,
    );
    out.push(
      formatTable([
        ['contender', 'median / p90', 'vs tutorial pipeline'],
        ['tutorial: openssl + curl + jq + base64 (bash)', medP90(a.tutorial), 'baseline'],
        ['`kyma-cert renew` (new node process)', medP90(a.cli), describeRatio(a.ratioCliToTutorial)],
        ['renewCertificate() in-process (editor path)', medP90(a.inProcess), describeRatio(a.ratioInProcessToTutorial)],
        ['  reference: `kyma-cert --version` (node start-up + bundle load)', medP90(a.cliStartup), ''],
      ]),
    );
    out.push(
      `Requests per renewal: ours ${a.requestsPerRenewal.cli.length} (${a.requestsPerRenewal.cli.map(shortRequest).join(', ')}), ` +
        `tutorial ${a.requestsPerRenewal.tutorial.length} (${a.requestsPerRenewal.tutorial.map(shortRequest).join(', ')}).`,
      'Ours also checks key and certificate locally, asks management/info for subject and renewal URL, verifies the answer',
      '(key, subject, issuer, validity), writes certificate + CA + backup atomically under a lock, and proves the new',
      'certificate with a second management/info call. The pipeline trusts the answer and overwrites the file in place.',
      '',
    );
  }
  if (r.inspect && 'skipped' in r.inspect) out.push(`Inspect: skipped (${r.inspect.skipped})`, '');
  else if (r.inspect) {
    const c = r.inspect;
    out.push(`Inspect the ${c.files} Mozilla CA certificates, ${c.rounds} interleaved rounds, each a new node process`);
    out.push(
      formatTable([
        ['contender', 'median / p90', 'vs bare script'],
        ['bench/x509Baseline.ts: read + new X509Certificate per file', medP90(c.bareX509), 'baseline'],
        ['`kyma-cert inspect FILE… --json`', medP90(c.cli), describeRatio(c.ratioCliToBare)],
      ]),
      '',
    );
  }
  if (r.index) {
    const d = r.index;
    out.push(
      `Index in plain node: ${d.workspaceFiles.toLocaleString('en')} files, ${d.certificates.toLocaleString('en')} certificate files, git repository; ${d.rounds} rounds, fresh process each`,
    );
    out.push(
      formatTable([
        ['measure', 'median / p90', 'vs baseline'],
        ['find + read + X509Certificate', medP90(d.baseline), 'baseline'],
        ['find + index work (readCertificateEntry ×N)', medP90(d.index), describeRatio(d.ratioIndexToBaseline)],
        ['  + first Problems pass (key permissions, git ls-files per repository)', medP90(d.problems), describeRatio(d.ratioProblemsToBaseline)],
      ]),
      '',
    );
  }
  if (r.sizes) {
    const e = r.sizes;
    out.push(
      `Bundles: dist/extension.js and the chunks it requires (compiled at activation) ${kb(e.activationBytes)}; packages in them: ${e.activationPackages.join(', ') || 'none'};`,
      `loaded later, when first needed: ${e.lazyFiles.length} chunks, ${kb(e.lazyFiles.reduce((s, f) => s + f.bytes, 0))} in all (largest ${[...e.lazyFiles]
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 3)
        .map((f) => `${f.file} ${kb(f.bytes)}`)
        .join(', ')}). .vsix: ${e.vsixBytes !== undefined ? kb(e.vsixBytes) : `not built (${e.vsixError})`}.`,
      '',
    );
  }
  if (r.editor && 'skipped' in r.editor) out.push(`Editor: skipped (${r.editor.skipped})`, '');
  else if (r.editor) {
    const d = r.editor;
    const f = d.fullScan;
    out.push(
      `Editor (VS Code ${d.vscodeVersion} via code-server${d.trust === 'restricted' ? ', workspace untrusted' : ''}), workspace of ${d.workspaceFiles.toLocaleString('en')} files, ${d.certificates.toLocaleString('en')} certificate files`,
    );
    out.push(
      formatTable([
        ['measure', 'median / p90', 'vs baseline'],
        ['activate() as the host calls it (load + activate)', ms(d.activation.activateCallMs), `inside activate(): ${ms(d.activation.insideActivateMs)}`],
        [`full index (refresh = start-up scan), n=${f.index.n}${f.stoppedByBudget ? ', budget hit' : ''}`, medP90(f.index), ''],
        ['  … until the Problems entries are updated too (key hygiene)', medP90(f.indexAndProblems), ''],
        ['  baseline: findFiles + read every file', medP90(f.findFilesRead), describeRatio(f.ratioIndexToFindFilesRead)],
        ['  baseline: findFiles + read + X509Certificate', medP90(f.findFilesReadX509), describeRatio(f.ratioIndexToFindFilesReadX509)],
        ...(d.outsideHost
          ? [
              [
                '  same per-file work in plain node (readCertificateEntry ×1,000)',
                medP90(d.outsideHost.readCertificateEntry),
                `index: ${describeRatio(d.outsideHost.ratioIndexToOutside)}`,
              ],
            ]
          : []),
        [
          `${d.arrival.files.toLocaleString('en')} files moved in → all indexed via file watchers`,
          d.arrival.indexedViaWatchersMs === null
            ? `not within ${ms(d.arrival.limitMs)} (${d.arrival.indexedAtLimit} indexed)`
            : ms(d.arrival.indexedViaWatchersMs),
          '',
        ],
        [
          'one file changed → index updated (file watcher + 250 ms debounce + our work)',
          d.update.watcherToIndex ? medP90(d.update.watcherToIndex) : `not within ${ms(d.update.missedAfterMs ?? 0)}`,
          d.update.watcherToIndex && d.update.missedAfterMs ? `a later change: not within ${ms(d.update.missedAfterMs)}` : '',
        ],
        [
          '  the same from the change event reaching the extension host (250 ms debounce + our work)',
          d.update.eventToIndex ? medP90(d.update.eventToIndex) : 'no event seen',
          '',
        ],
        ['index.refresh(file) (re-reads that file)', medP90(d.update.refreshFile), ''],
      ]),
    );
    out.push(
      `findFiles alone takes ${ms(f.findFilesList.median)} of the baseline. The index also pairs every certificate with its key`,
      '(reads and loads the key, checks it matches), looks for the CA and connection files, and parses every certificate of',
      `each chain. First scan before the certificates arrived (${d.firstScanWithoutCertificates.files.toLocaleString('en')} files, none a certificate): ${ms(d.firstScanWithoutCertificates.ms)}.`,
      '',
    );
  }
  out.push(...targets(r));
  for (const [section, message] of Object.entries(r.errors)) out.push(`${section}: FAILED (${message.split('\n')[0]})`);
  return out.join('\n');
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

/** Issue 9's targets, one line each: measured, target, met or not (n/a when the section did not run). */
function targets(r: BenchResults): string[] {
  const rows: string[][] = [['target', 'measured', 'goal', 'met']];
  const add = (name: string, value: number | undefined, goal: number, show: (v: number) => string, below = true): void => {
    rows.push([
      name,
      value === undefined || !Number.isFinite(value) ? 'not measured' : show(value),
      `${below ? '≤' : '≥'} ${show(goal)}`,
      value === undefined ? 'n/a' : value <= goal ? 'yes' : 'NO',
    ]);
  };
  const x = (v: number): string => `${v.toFixed(2)}×`;
  const ms0 = (v: number): string => `${v.toFixed(0)} ms`;
  const editor = r.editor && !('skipped' in r.editor) ? r.editor : undefined;
  const inspect = r.inspect && !('skipped' in r.inspect) ? r.inspect : undefined;
  add('(a) CLI renew / tutorial pipeline', r.renew?.ratioCliToTutorial, 1.0, x);
  if (r.renew?.ratioCliNoExtraCaToTutorial !== undefined) add('(a) same, CLI without NODE_EXTRA_CA_CERTS', r.renew.ratioCliNoExtraCaToTutorial, 1.0, x);
  add('(b) in-process renewal / tutorial pipeline', r.renew?.ratioInProcessToTutorial, 0.35, x);
  add('(c) inspect --json / bare X509Certificate script', inspect?.ratioCliToBare, 1.5, x);
  add('(d) index / find + read + X509Certificate', r.index?.ratioIndexToBaseline, 1.5, x);
  add('(d) first Problems pass / same baseline', r.index?.ratioProblemsToBaseline, 2.0, x);
  add('(d) one change → index updated after the debounce (host)', editor?.update.eventToIndex ? editor.update.eventToIndex.median - 250 : undefined, 100, ms0);
  add('(e) code compiled at activation', r.sizes ? r.sizes.activationBytes / 1024 : undefined, 150, (v) => `${v.toFixed(0)} KB`);
  const heavy = r.sizes?.activationPackages.filter((p) => p === 'node-forge' || p === 'axios');
  rows.push([
    '(e) forge/axios not loaded at activation',
    heavy === undefined ? 'not measured' : heavy.length === 0 ? 'absent' : heavy.join(', '),
    'absent',
    heavy === undefined ? 'n/a' : heavy.length === 0 ? 'yes' : 'NO',
  ]);
  const smoke = r.activation?.samples ?? r.hostSmokeActivationMs;
  add(
    `(e) host smoke activation median (${r.activation ? `${r.activation.runs} editor starts` : '--host-smoke'})`,
    smoke && smoke.length > 0 ? [...smoke].sort((a, b) => a - b)[smoke.length >> 1] : undefined,
    40,
    ms0,
  );
  add('(f) .vsix', r.sizes?.vsixBytes !== undefined ? r.sizes.vsixBytes / 1024 : undefined, 450, (v) => `${v.toFixed(0)} KB`);
  return [
    `Targets (issue 9). NODE_EXTRA_CA_CERTS ${r.machine.nodeExtraCaCerts ? `was set (${r.machine.nodeExtraCaCerts}): every node process above paid for it` : 'was not set'}; load average ${r.machine.loadAverage.join(' ')}.`,
    formatTable(rows),
    '',
  ];
}

/** `gateway: GET /v1/applications/management/info 200` → `GET management/info`. */
function shortRequest(line: string): string {
  const match = /^\w+: (\w+) \/v1\/applications\/(\S+)/.exec(line);
  return match ? `${match[1]} ${match[2]}` : line;
}
