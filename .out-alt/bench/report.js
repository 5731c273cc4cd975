"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderReport = renderReport;
const stats_1 = require("./stats");
const budgetNote = (stopped) => (stopped ? ' (stopped by the time budget: machine busy?)' : '');
const medP90 = (s) => `${(0, stats_1.ms)(s.median)} / ${(0, stats_1.ms)(s.p90)}`;
/** Markdown-compatible tables plus the notes that keep the ratios honest. */
function renderReport(r) {
    const out = [];
    const m = r.machine;
    out.push(`kyma-cert bench — ${m.cpus}× ${m.cpuModel}, Node ${m.node}, ${m.openssl}, ${m.curl}; ${r.durationSeconds} s`);
    out.push('Ratios compare medians of runs interleaved on the same machine (below 1 = ours is faster).', '');
    if (r.renew) {
        const a = r.renew;
        out.push(`Renewal, ${a.rounds} interleaved rounds per side${budgetNote(a.stoppedByBudget)} (${a.warmupRounds} warm-up rounds dropped), ${a.keyType}, one emulator over loopback`);
        out.push((0, stats_1.formatTable)([
            ['contender', 'median / p90', 'vs tutorial pipeline'],
            ['tutorial: openssl + curl + jq + base64 (bash)', medP90(a.tutorial), 'baseline'],
            ['`kyma-cert renew` (new node process)', medP90(a.cli), (0, stats_1.describeRatio)(a.ratioCliToTutorial)],
            ['renewCertificate() in-process (editor path)', medP90(a.inProcess), (0, stats_1.describeRatio)(a.ratioInProcessToTutorial)],
            ['  reference: `kyma-cert --version` (node start-up + bundle load)', medP90(a.cliStartup), ''],
        ]));
        out.push(`Requests per renewal: ours ${a.requestsPerRenewal.cli.length} (${a.requestsPerRenewal.cli.map(shortRequest).join(', ')}), ` +
            `tutorial ${a.requestsPerRenewal.tutorial.length} (${a.requestsPerRenewal.tutorial.map(shortRequest).join(', ')}).`, 'Ours also checks key and certificate locally, asks management/info for subject and renewal URL, verifies the answer', '(key, subject, issuer, validity), writes certificate + CA + backup atomically under a lock, and proves the new', 'certificate with a second management/info call. The pipeline trusts the answer and overwrites the file in place.', '');
    }
    if (r.inspect) {
        const b = r.inspect;
        out.push(`Inspect ${b.files} certificate files, ${b.rounds} interleaved rounds${budgetNote(b.stoppedByBudget)}`);
        out.push((0, stats_1.formatTable)([
            ['contender', 'median / p90', 'vs openssl loop'],
            ['shell loop, one `openssl x509 -subject -enddate -fingerprint` per file', medP90(b.opensslLoop), 'baseline'],
            ['`kyma-cert inspect FILE… --json` (one process)', medP90(b.cli), (0, stats_1.describeRatio)(b.ratioCliToOpensslLoop)],
        ]));
        const p = b.inProcess;
        out.push(`In-process parse, ${p.passes} passes: parseCryptoFile + certificateFacts ${p.factsUsPerCert.median.toFixed(0)} µs/cert ` +
            `vs node X509Certificate (subject, validTo, fingerprint256) ${p.nativeX509UsPerCert.median.toFixed(0)} µs/cert: ${(0, stats_1.describeRatio)(p.ratioFactsToNative)}.`, 'inspect reports more per certificate (issuer, serial, SANs, key type, CA flag, expiry state, both hashes); most of the', 'loop\'s time is 300 process start-ups, which is what a shell loop costs.', '');
    }
    if (r.editor && 'skipped' in r.editor)
        out.push(`Editor: skipped (${r.editor.skipped})`, '');
    else if (r.editor) {
        const d = r.editor;
        const f = d.fullScan;
        out.push(`Editor (VS Code ${d.vscodeVersion} via code-server${d.trust === 'restricted' ? ', workspace untrusted' : ''}), workspace of ${d.workspaceFiles.toLocaleString('en')} files, ${d.certificates.toLocaleString('en')} certificate files`);
        out.push((0, stats_1.formatTable)([
            ['measure', 'median / p90', 'vs baseline'],
            ['activate() as the host calls it (load + activate)', (0, stats_1.ms)(d.activation.activateCallMs), `inside activate(): ${(0, stats_1.ms)(d.activation.insideActivateMs)}`],
            [`full index (refresh = start-up scan), n=${f.index.n}${f.stoppedByBudget ? ', budget hit' : ''}`, medP90(f.index), ''],
            ['  … until the Problems entries are updated too (key hygiene)', medP90(f.indexAndProblems), ''],
            ['  baseline: findFiles + read every file', medP90(f.findFilesRead), (0, stats_1.describeRatio)(f.ratioIndexToFindFilesRead)],
            ['  baseline: findFiles + read + X509Certificate', medP90(f.findFilesReadX509), (0, stats_1.describeRatio)(f.ratioIndexToFindFilesReadX509)],
            ...(d.outsideHost
                ? [['  same per-file work in plain node (readCertificateEntry ×1,000)', medP90(d.outsideHost.readCertificateEntry), `index: ${(0, stats_1.describeRatio)(d.outsideHost.ratioIndexToOutside)}`]]
                : []),
            [
                `${d.arrival.files.toLocaleString('en')} files moved in → all indexed via file watchers`,
                d.arrival.indexedViaWatchersMs === null ? `not within ${(0, stats_1.ms)(d.arrival.limitMs)} (${d.arrival.indexedAtLimit} indexed)` : (0, stats_1.ms)(d.arrival.indexedViaWatchersMs),
                '',
            ],
            [
                'one file changed → index updated (watcher + 250 ms debounce)',
                d.update.watcherToIndex ? medP90(d.update.watcherToIndex) : `not within ${(0, stats_1.ms)(d.update.missedAfterMs ?? 0)}`,
                d.update.watcherToIndex && d.update.missedAfterMs ? `a later change: not within ${(0, stats_1.ms)(d.update.missedAfterMs)}` : '',
            ],
            [`index.refresh(file) (re-reads its folder: ${d.update.certificatesInFolder} certs)`, medP90(d.update.refreshFile), ''],
        ]));
        out.push(`findFiles alone takes ${(0, stats_1.ms)(f.findFilesList.median)} of the baseline. The index also pairs every certificate with its key`, '(reads and loads the key, checks it matches), looks for the CA and connection files, and parses every certificate of', `each chain. First scan before the certificates arrived (${d.firstScanWithoutCertificates.files.toLocaleString('en')} files, none a certificate): ${(0, stats_1.ms)(d.firstScanWithoutCertificates.ms)}.`, '');
    }
    for (const [section, message] of Object.entries(r.errors))
        out.push(`${section}: FAILED (${message.split('\n')[0]})`);
    return out.join('\n');
}
/** `gateway: GET /v1/applications/management/info 200` → `GET management/info`. */
function shortRequest(line) {
    const match = /^\w+: (\w+) \/v1\/applications\/(\S+)/.exec(line);
    return match ? `${match[1]} ${match[2]}` : line;
}
//# sourceMappingURL=report.js.map