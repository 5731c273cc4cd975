"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.runRenewBench = runRenewBench;
/**
 * (a) `kyma-cert renew` vs the tutorial's openssl + curl pipeline, and (c) in-process renewCertificate(), all
 * against the same emulator process over loopback, RSA-2048 keys on every side, rounds interleaved.
 */
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_perf_hooks_1 = require("node:perf_hooks");
const handlers_1 = require("../src/emulator/handlers");
const lifecycle_1 = require("../src/lifecycle");
const processes_1 = require("./processes");
const stats_1 = require("./stats");
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
const SIDES = ['cli', 'tutorial', 'inProcess'];
/** Files renewed in turn per side: a renewal in the same second as the previous one would not end later. */
const SLOTS_PER_SIDE = 3;
async function runRenewBench(opts) {
    const { emulator, cliPath } = opts;
    const { urls } = emulator;
    const renewUrl = `${urls.gatewayUrl}${handlers_1.Paths.renewals}`;
    const script = path.join(opts.workDir, 'renew-tutorial.sh');
    await node_fs_1.promises.writeFile(script, TUTORIAL_SCRIPT, { mode: 0o755 });
    const slots = {};
    for (const side of SIDES) {
        const { privateKey } = (0, node_crypto_1.generateKeyPairSync)('rsa', { modulusLength: 2048 });
        const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' });
        slots[side] = [];
        for (let k = 0; k < SLOTS_PER_SIDE; k++) {
            const dir = path.join(opts.workDir, `${side}-${k}`);
            await node_fs_1.promises.mkdir(dir, { recursive: true });
            const slot = { certFile: path.join(dir, 'app.crt'), keyFile: path.join(dir, 'app.key'), lastRenewedAt: 0 };
            await node_fs_1.promises.writeFile(slot.keyFile, keyPem, { mode: 0o600 });
            await node_fs_1.promises.writeFile(slot.certFile, await issueInitial(urls.internalUrl, keyPem, `bench-renew-${side}`));
            slots[side].push(slot);
        }
    }
    const renewers = {
        cli: async (slot) => {
            await (0, processes_1.mustSucceed)(process.execPath, [cliPath, 'renew', '--cert', slot.certFile, '--key', slot.keyFile, '--info-url', urls.infoUrl, '--ca-file', urls.serverCaFile, '--json']);
        },
        tutorial: async (slot) => {
            await (0, processes_1.mustSucceed)('bash', [script, slot.certFile, slot.keyFile, renewUrl, urls.serverCaFile]);
        },
        inProcess: async (slot) => {
            await (0, lifecycle_1.renewCertificate)({ certFile: slot.certFile, keyFile: slot.keyFile, infoUrl: urls.infoUrl, caFile: urls.serverCaFile });
        },
    };
    // One untimed renewal per side first, to record what each sends (and to prove each side really renews).
    const requestsPerRenewal = {};
    for (const side of SIDES) {
        await emulator.sync();
        const before = emulator.requestLog.length;
        await renewOnce(side, 0);
        await emulator.sync();
        requestsPerRenewal[side] = (0, processes_1.withoutSyncRequests)(emulator.requestLog.slice(before)).map((l) => l.replace(/^(\w+) /, '$1: '));
    }
    async function renewOnce(side, round) {
        const slot = slots[side][round % SLOTS_PER_SIDE];
        await waitForNextSecond(slot.lastRenewedAt);
        const before = fingerprint(await node_fs_1.promises.readFile(slot.certFile));
        const started = node_perf_hooks_1.performance.now();
        await renewers[side](slot);
        const elapsed = node_perf_hooks_1.performance.now() - started;
        slot.lastRenewedAt = Date.now();
        const after = await node_fs_1.promises.readFile(slot.certFile);
        if (fingerprint(after) === before)
            throw new Error(`${side}: the certificate file did not change`);
        new node_crypto_1.X509Certificate(after); // the written file must be a readable certificate
        return elapsed;
    }
    const series = await (0, stats_1.interleave)([
        ...SIDES.map((side) => ({ name: side, run: (round) => renewOnce(side, round + 1) })),
        // Not a renewal: how much of the CLI's time is starting node and loading the bundle.
        { name: 'cliStartup', run: async () => (await (0, processes_1.mustSucceed)(process.execPath, [cliPath, '--version'])).ms },
    ], { rounds: opts.rounds, warmup: opts.warmupRounds, budgetMs: opts.budgetMs });
    const samples = series.samples;
    const cli = (0, stats_1.summarize)(samples.cli);
    const tutorial = (0, stats_1.summarize)(samples.tutorial);
    const inProcess = (0, stats_1.summarize)(samples.inProcess);
    return {
        rounds: series.rounds,
        stoppedByBudget: series.stoppedByBudget,
        warmupRounds: opts.warmupRounds,
        keyType: 'RSA-2048',
        cli,
        tutorial,
        inProcess,
        cliStartup: (0, stats_1.summarize)(samples.cliStartup),
        ratioCliToTutorial: (0, stats_1.ratio)(cli, tutorial),
        ratioInProcessToTutorial: (0, stats_1.ratio)(inProcess, tutorial),
        requestsPerRenewal,
        samples,
    };
}
/** A first certificate from the emulator-only issuing route (valid since yesterday, so a renewal ends later). */
async function issueInitial(internalUrl, publicKeyPem, application) {
    const res = await fetch(`${internalUrl}${handlers_1.Paths.emulatorCertificates}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ publicKeyPem, application, notBefore: new Date(Date.now() - 86_400_000).toISOString() }),
    });
    const body = (await res.json());
    if (res.status !== 201 || !body.crt)
        throw new Error(`emulator could not issue a certificate (${res.status}): ${body.error ?? ''}`);
    return Buffer.from(body.crt, 'base64').toString('utf8');
}
function fingerprint(data) {
    return (0, node_crypto_1.createHash)('sha256').update(data).digest('hex');
}
/**
 * Certificate times have one-second resolution: a second renewal of the same file within the same second
 * would not end later than the first, which renewal rightly refuses. Waits (untimed) for the next second.
 */
async function waitForNextSecond(lastMs) {
    const wait = Math.floor(lastMs / 1000) * 1000 + 1000 - Date.now();
    if (wait > 0)
        await new Promise((r) => setTimeout(r, wait + 5));
}
//# sourceMappingURL=renewBench.js.map