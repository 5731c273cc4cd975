/**
 * (a) `kyma-cert renew` vs the tutorial's openssl + curl pipeline, and (c) in-process renewCertificate(), all
 * against the same emulator process over loopback, RSA-2048 keys on every side, rounds interleaved.
 */
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Paths } from '../src/emulator/handlers';
import { renewCertificate } from '../src/lifecycle';
import { EmulatorProcess, mustSucceed, withoutSyncRequests } from './processes';
import { interleave, ratio, summarize, Summary } from './stats';

/**
 * The tutorial's steps (shared/reference/kyma-renew-client-certificate.md) as a user would script them, with
 * the fixes OpenSSL 3 needs: `-nameopt compat` gives the `/O=…/CN=…` form `-subj` takes (the tutorial's
 * `awk '{print $2}'` no longer finds it), `base64 -w0` keeps the CSR on one JSON line, `--cacert` instead of
 * `-k`, and the answer is written back to the files the way a user would (chain into the certificate file,
 * the CA next to it). No management/info call: the user pasted the renewal URL from an earlier step.
 */
const TUTORIAL_SCRIPT = `#!/usr/bin/env bash
set -euo pipefail
CLIENT_CERT_FILE="$1"; KEY_FILE="$2"; RENEW_URL="$3"; SERVER_CA="$4"
cd "$(dirname "$CLIENT_CERT_FILE")"
SUBJECT=$(openssl x509 -noout -subject -nameopt compat -in "$CLIENT_CERT_FILE" | sed 's/^subject= *//')
openssl req -new -sha256 -out renewal.csr -key "$KEY_FILE" -subj "$SUBJECT"
curl -sS --fail -X POST "$RENEW_URL" -d '{"csr":"'"$(base64 -w0 < renewal.csr)"'"}' \\
  --cert "$CLIENT_CERT_FILE" --key "$KEY_FILE" --cacert "$SERVER_CA" > renewal.json
jq -r .crt renewal.json | base64 -d > "$CLIENT_CERT_FILE"
jq -r .caCrt renewal.json | base64 -d > ca.crt
`;

const ALL_SIDES = ['cli', 'cliNoExtraCa', 'tutorial', 'inProcess'] as const;
type Side = (typeof ALL_SIDES)[number];
/**
 * NODE_EXTRA_CA_CERTS makes every node start read that bundle (~60 ms here): when it is set, the CLI also runs
 * without it (`cliNoExtraCa`), so the ratio can be read like with like (curl reads its CA file only with --cacert).
 */
const SIDES: readonly Side[] = ALL_SIDES.filter((s) => s !== 'cliNoExtraCa' || process.env.NODE_EXTRA_CA_CERTS);
/** Files renewed in turn per side: a renewal in the same second as the previous one would not end later. */
const SLOTS_PER_SIDE = 3;

export interface RenewBenchResult {
  rounds: number;
  /** True when the time budget ended the run before all planned rounds. */
  stoppedByBudget: boolean;
  warmupRounds: number;
  keyType: string;
  cli: Summary;
  tutorial: Summary;
  inProcess: Summary;
  /** `node dist/cli.js --version`: process start-up and bundle load, no renewal. */
  cliStartup: Summary;
  /** Set when NODE_EXTRA_CA_CERTS was set: the CLI with it removed from its environment. */
  cliNoExtraCa?: Summary;
  ratioCliNoExtraCaToTutorial?: number;
  ratioCliToTutorial: number;
  ratioInProcessToTutorial: number;
  /** The requests each side sent for one renewal, as the emulator logged them. */
  requestsPerRenewal: Record<Side, string[]>;
  samples: Partial<Record<Side | 'cliStartup', number[]>>;
}

interface Slot {
  certFile: string;
  keyFile: string;
  /** End of the last renewal of this file (ms since epoch). */
  lastRenewedAt: number;
}

export async function runRenewBench(opts: {
  cliPath: string;
  emulator: EmulatorProcess;
  workDir: string;
  rounds: number;
  warmupRounds: number;
  budgetMs: number;
}): Promise<RenewBenchResult> {
  const { emulator, cliPath } = opts;
  const { urls } = emulator;
  const renewUrl = `${urls.gatewayUrl}${Paths.renewals}`;
  const script = path.join(opts.workDir, 'renew-tutorial.sh');
  await fs.writeFile(script, TUTORIAL_SCRIPT, { mode: 0o755 });

  const slots = {} as Record<Side, Slot[]>;
  for (const side of SIDES) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    slots[side] = [];
    for (let k = 0; k < SLOTS_PER_SIDE; k++) {
      const dir = path.join(opts.workDir, `${side}-${k}`);
      await fs.mkdir(dir, { recursive: true });
      const slot: Slot = { certFile: path.join(dir, 'app.crt'), keyFile: path.join(dir, 'app.key'), lastRenewedAt: 0 };
      await fs.writeFile(slot.keyFile, keyPem, { mode: 0o600 });
      await fs.writeFile(slot.certFile, await issueInitial(urls.internalUrl, keyPem, `bench-renew-${side}`));
      slots[side].push(slot);
    }
  }

  const renewers: Record<Side, (slot: Slot) => Promise<void>> = {
    cli: async (slot) => {
      await mustSucceed(process.execPath, [
        cliPath,
        'renew',
        '--cert',
        slot.certFile,
        '--key',
        slot.keyFile,
        '--info-url',
        urls.infoUrl,
        '--ca-file',
        urls.serverCaFile,
        '--json',
      ]);
    },
    cliNoExtraCa: async (slot) => {
      const env = { ...process.env };
      delete env.NODE_EXTRA_CA_CERTS;
      await mustSucceed(
        process.execPath,
        [cliPath, 'renew', '--cert', slot.certFile, '--key', slot.keyFile, '--info-url', urls.infoUrl, '--ca-file', urls.serverCaFile, '--json'],
        { env },
      );
    },
    tutorial: async (slot) => {
      await mustSucceed('bash', [script, slot.certFile, slot.keyFile, renewUrl, urls.serverCaFile]);
    },
    inProcess: async (slot) => {
      await renewCertificate({ certFile: slot.certFile, keyFile: slot.keyFile, infoUrl: urls.infoUrl, caFile: urls.serverCaFile });
    },
  };

  // One untimed renewal per side first, to record what each sends (and to prove each side really renews).
  const requestsPerRenewal = {} as Record<Side, string[]>;
  for (const side of SIDES) {
    await emulator.sync();
    const before = emulator.requestLog.length;
    await renewOnce(side, 0);
    await emulator.sync();
    requestsPerRenewal[side] = withoutSyncRequests(emulator.requestLog.slice(before)).map((l) => l.replace(/^(\w+) /, '$1: '));
  }

  async function renewOnce(side: Side, round: number): Promise<number> {
    const slot = slots[side][round % SLOTS_PER_SIDE];
    await waitForNextSecond(slot.lastRenewedAt);
    const before = fingerprint(await fs.readFile(slot.certFile));
    const started = performance.now();
    await renewers[side](slot);
    const elapsed = performance.now() - started;
    slot.lastRenewedAt = Date.now();
    const after = await fs.readFile(slot.certFile);
    if (fingerprint(after) === before) throw new Error(`${side}: the certificate file did not change`);
    new X509Certificate(after); // the written file must be a readable certificate
    return elapsed;
  }

  const series = await interleave(
    [
      ...SIDES.map((side) => ({ name: side, run: (round: number) => renewOnce(side, round + 1) })),
      // Not a renewal: how much of the CLI's time is starting node and loading the bundle.
      { name: 'cliStartup', run: async () => (await mustSucceed(process.execPath, [cliPath, '--version'])).ms },
    ],
    { rounds: opts.rounds, warmup: opts.warmupRounds, budgetMs: opts.budgetMs },
  );
  const samples = series.samples as Record<Side | 'cliStartup', number[]>;
  const cli = summarize(samples.cli);
  const tutorial = summarize(samples.tutorial);
  const inProcess = summarize(samples.inProcess);
  const cliNoExtraCa = samples.cliNoExtraCa ? summarize(samples.cliNoExtraCa) : undefined;
  return {
    rounds: series.rounds,
    stoppedByBudget: series.stoppedByBudget,
    warmupRounds: opts.warmupRounds,
    keyType: 'RSA-2048',
    cli,
    tutorial,
    inProcess,
    cliStartup: summarize(samples.cliStartup),
    ratioCliToTutorial: ratio(cli, tutorial),
    ...(cliNoExtraCa ? { cliNoExtraCa, ratioCliNoExtraCaToTutorial: ratio(cliNoExtraCa, tutorial) } : {}),
    ratioInProcessToTutorial: ratio(inProcess, tutorial),
    requestsPerRenewal,
    samples,
  };
}

/** A first certificate from the emulator-only issuing route (valid since yesterday, so a renewal ends later). */
async function issueInitial(internalUrl: string, publicKeyPem: string, application: string): Promise<string> {
  const res = await fetch(`${internalUrl}${Paths.emulatorCertificates}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ publicKeyPem, application, notBefore: new Date(Date.now() - 86_400_000).toISOString() }),
  });
  const body = (await res.json()) as { crt?: string; error?: string };
  if (res.status !== 201 || !body.crt) throw new Error(`emulator could not issue a certificate (${res.status}): ${body.error ?? ''}`);
  return Buffer.from(body.crt, 'base64').toString('utf8');
}

function fingerprint(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Certificate times have one-second resolution: a second renewal of the same file within the same second
 * would not end later than the first, which renewal rightly refuses. Waits (untimed) for the next second.
 */
async function waitForNextSecond(lastMs: number): Promise<void> {
  const wait = Math.floor(lastMs / 1000) * 1000 + 1000 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 5));
}
