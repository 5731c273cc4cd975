/** Child processes for the bench: timed runs (spawn to exit) and the emulator running as its own process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

export interface TimedRun {
  /** Wall clock from spawn() to the 'close' event (process start-up included, as a user would see it). */
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end and times it. Rejects only when it cannot be started. */
export function timeProcess(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ ms: performance.now() - started, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/** Like timeProcess, but a non-zero exit is an error naming the command and its stderr. */
export async function mustSucceed(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TimedRun> {
  const run = await timeProcess(command, args, options);
  if (run.code !== 0) {
    throw new Error(`${command} ${args.slice(0, 3).join(' ')}… exited ${run.code}: ${run.stderr.trim().slice(-1500)}`);
  }
  return run;
}

/** The `kyma-cert emulator` ready line. */
export interface EmulatorUrls {
  connectorUrl: string;
  gatewayUrl: string;
  internalUrl: string;
  infoUrl: string;
  serverCaFile: string;
  clientCaFile: string;
}

/** A `node dist/cli.js emulator` child: one process serving every contender, so they meet the same server. */
export interface EmulatorProcess {
  readonly urls: EmulatorUrls;
  /** Request lines logged so far (`gateway GET /v1/… 200`; never bodies or tokens). */
  readonly requestLog: readonly string[];
  /**
   * Resolves once every request answered before this call is in `requestLog`: the emulator logs a request right
   * after writing its reply, so a marker request's line arrives after theirs.
   */
  sync(): Promise<void>;
  stop(): Promise<void>;
}

const SYNC_APPLICATION = 'bench-sync';

/** Starts the emulator CLI and resolves with its ready line. */
export function startEmulatorProcess(cliPath: string, stateDir: string, validity = '92d'): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(process.execPath, [cliPath, 'emulator', '--state-dir', stateDir, '--validity', validity], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const requestLog: string[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    requestLog.push(line);
    if (/^internal POST \/v1\/applications\/tokens /.test(line)) waiters.shift()?.();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator exited before it was ready (code ${code}): ${requestLog.slice(-5).join(' / ')}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const urls = JSON.parse(line) as EmulatorUrls;
      resolve({
        urls,
        requestLog,
        async sync() {
          const logged = new Promise<void>((r) => waiters.push(r));
          const res = await fetch(`${urls.internalUrl}/v1/applications/tokens`, {
            method: 'POST',
            headers: { Application: SYNC_APPLICATION, 'Content-Type': 'application/json' },
          });
          if (!res.ok) throw new Error(`emulator token route answered ${res.status}`);
          await res.arrayBuffer();
          await logged;
        },
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** Drops the marker requests of `sync()` from a slice of the request log. */
export function withoutSyncRequests(lines: readonly string[]): string[] {
  return lines.filter((l) => !/^internal POST \/v1\/applications\/tokens /.test(l));
}
