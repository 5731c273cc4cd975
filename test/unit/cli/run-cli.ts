/** Runs the bundled `dist/cli.js` as a child process, the way a user or a script runs it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { startEmulator, type Emulator } from '../../../src/emulator/server';
import { steppingClock } from '../lifecycle/fixtures';

/** The repository root: the nearest folder above this file with our package.json, else the working directory. */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'esbuild.mjs'))) return dir;
  }
  return process.cwd();
}

export const CLI = path.join(repoRoot(), 'dist', 'cli.js');

/** `npm test` builds first; a direct run of the compiled tests builds here when the bundle is missing. */
export function ensureCliBuilt(): void {
  if (existsSync(CLI)) return;
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot(), stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(CLI)) throw new Error('npm run build did not produce dist/cli.js');
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended the process (e.g. SIGKILL in the crash test), or null. */
  signal?: NodeJS.Signals | null;
}

/** `env` is added to this process's environment (e.g. a passphrase variable). */
export function startCli(args: readonly string[], cwd?: string, env?: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: env && { ...process.env, ...env } });
}

/** Collects the output of a started CLI until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: readonly string[], cwd?: string, env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return finished(startCli(args, cwd, env));
}

export interface BoundedRun {
  cwd?: string;
  /** Extra environment variables (merged over this process's). */
  env?: Record<string, string>;
  /** Written to the child's standard input, which is then closed. */
  input?: string;
  /** The child is killed and the promise rejects after this long: a hang fails the test instead of stalling it. */
  timeoutMs: number;
}

/** Runs the CLI with a deadline; rejects (after killing the child) when it does not exit in time. */
export async function runCliWithin(args: readonly string[], options: BoundedRun): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(options.input ?? '');
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kyma-cert ${args.join(' ')} did not exit within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([finished(child), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** `{"error": …}` as `--json` prints it. */
export interface JsonError {
  error: { kind: string; message: string; hint?: string; remedy?: { kind: string } };
}

export function parseJson<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

/**
 * One emulator (with a stepping clock) for the file's tests, started before them and closed after; the CLI is
 * built first. Returns a getter, since the emulator exists only once `before` ran.
 */
export function emulatorForCliTests(): () => Emulator {
  let emulator: Emulator | undefined;
  before(async () => {
    ensureCliBuilt();
    emulator = await startEmulator({ now: steppingClock() });
  });
  after(() => emulator?.close());
  return () => {
    if (!emulator) throw new Error('the emulator starts in before()');
    return emulator;
  };
}
