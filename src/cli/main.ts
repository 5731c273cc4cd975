import { redactSecrets } from '../core/displayText';
import { processIo, redactingIo, reportError, UsageError, EXIT_USAGE, type Io } from './output';

const USAGE = `kyma-cert: Kyma Application Connector client certificates

Usage: kyma-cert <command> [options]

Commands:
  inspect FILE...     show the certificates in files, with days left
  renew               renew a client certificate with its key (management/info + renewals)
  issue               get a first certificate from a one-time token URL
  revoke              revoke a certificate (it can then never be renewed)
  restore             put a backed-up certificate back
  emulator            run a local Connector Service (HTTPS + mTLS on loopback)

Run kyma-cert <command> --help for the options of a command.
Exit codes: 0 ok, 1 bug, 2 usage/config, 3 unreadable input or key mismatch, 4 expired/revoked/token,
5 TLS/network/timeout, 6 service error, 7 verification failed (nothing written), 8 locked, 9 file system, 10 cancelled.`;

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/**
 * Each command is loaded when it runs, never before: `inspect` needs no HTTP client, `renew` no emulator. The bundle
 * is split along these imports (esbuild.mjs: one file per lazily imported module), so a run compiles only what it uses.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  inspect: async () => (await import('./inspect')).runInspect,
  renew: async () => (await import('./renew')).runRenew,
  issue: async () => (await import('./issue')).runIssue,
  revoke: async () => (await import('./revoke')).runRevoke,
  restore: async () => (await import('./restore')).runRestore,
  emulator: async () => {
    const { runEmulatorCli } = await import('../emulator/cli');
    return async (argv) => {
      await runEmulatorCli([...argv]); // runs in the foreground until SIGINT/SIGTERM
      return 0;
    };
  },
};

/** Runs the command line and returns the exit code. Never calls process.exit, so output is always flushed. */
export async function main(argv: readonly string[], outputIo: Io = processIo): Promise<number> {
  // Every byte the commands print passes the secret filter (token values, and the secrets a command registers).
  const io = redactingIo(outputIo);
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (command === '--version') {
    io.stdout(`${process.env.KYMA_CERT_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const json = rest.includes('--json');
  try {
    const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!load) throw new UsageError(`Unknown command "${command}".`);
    return await (
      await load()
    )(rest, io);
  } catch (e) {
    return reportError(io, json, e);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`kyma-cert: unexpected failure: ${redactSecrets(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
      process.exitCode = 1;
    },
  );
}
