import * as path from 'node:path';
import { certificatesInFile } from '../core/certificate';
import { readRegularFileSync } from '../io/boundedRead';
import { exitCodeFor, isKymaCertError, KymaCertError, type ErrorKind } from '../core/errors';
import { assessExpiry, describeExpiry } from '../core/expiry';
import { parse } from './parse';
import { certificateJson, type CertificateJson } from './facts';
import { isoSeconds, printResult, UsageError, type Io } from './output';

export const INSPECT_USAGE = `Usage: kyma-cert inspect FILE... [--json]

Shows every certificate in the files (client certificates, CA chains, bundles; PEM or DER):
subject, issuer, validity, days left and state (valid, expiring, critical, expired, not-yet-valid).
Exit 0 when every file held at least one readable certificate.`;

interface FileReport {
  file: string;
  certificates: CertificateJson[];
  error?: { kind: ErrorKind; message: string };
}

function inspectFile(file: string, now: Date): FileReport {
  try {
    // Regular files only, at most 4 MiB: /dev/zero, a named pipe or a huge sparse file is an error for that file
    // alone, and the next file is still inspected. Read synchronously: one file after another is what a command
    // line tool does, and the thread pool's round trips cost more than the reads.
    const data = readRegularFileSync(file);
    const facts = certificatesInFile(data);
    if (facts.length === 0) throw new KymaCertError('parse', `${file} holds no certificate.`);
    return { file, certificates: facts.map((f) => certificateJson(f, now)) };
  } catch (e) {
    if (!isKymaCertError(e)) throw e;
    return { file, certificates: [], error: { kind: e.kind, message: e.message } };
  }
}

/** `kyma-cert inspect FILE… [--json]` */
export async function runInspect(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.stdout(`${INSPECT_USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('inspect needs at least one FILE.');
  const now = new Date();
  const reports = positionals.map((file) => inspectFile(path.resolve(file), now));

  const json = values.json === true;
  printResult(io, json, { files: reports }, json ? [] : humanLines(reports, now));
  const firstError = reports.find((r) => r.error)?.error;
  return firstError ? exitCodeFor(firstError.kind) : 0;
}

/** What `inspect` prints without --json: per certificate its subject, issuer, validity, state and hash. */
function humanLines(reports: readonly FileReport[], now: Date): string[] {
  const human: string[] = [];
  for (const report of reports) {
    const relative = path.relative(process.cwd(), report.file);
    const name = relative && !relative.startsWith('..') ? relative : report.file;
    if (report.error) {
      human.push(`${name}: ${report.error.message}`);
      continue;
    }
    report.certificates.forEach((c, i) => {
      const counter = report.certificates.length > 1 ? ` [${i + 1}/${report.certificates.length}]` : '';
      const expiry = describeExpiry(assessExpiry({ notBefore: new Date(c.notBefore), notAfter: new Date(c.notAfter) }, now));
      human.push(`${name}${counter}: ${c.subject}${c.isCA ? ' (CA)' : ''}`);
      human.push(`  issuer    ${c.issuer}`);
      human.push(`  valid     ${isoSeconds(new Date(c.notBefore))} → ${isoSeconds(new Date(c.notAfter))}`);
      human.push(`  state     ${c.state}: ${expiry}`);
      human.push(`  sha256    ${c.sha256Hex}`);
    });
  }
  return human;
}
