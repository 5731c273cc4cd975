import { redactSecrets } from '../core/displayText';
import { runEmulatorCli } from '../emulator/cli';
import { INSPECT_USAGE, runInspect } from './inspect';
import { ISSUE_USAGE, runIssue } from './issue';
import { processIo, redactingIo, reportError, UsageError, EXIT_USAGE, type Io } from './output';
import { RENEW_USAGE, runRenew } from './renew';
import { RESTORE_USAGE, runRestore } from './restore';
import { REVOKE_USAGE, runRevoke } from './revoke';

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

const COMMANDS: Readonly<Record<string, { run: Command; usage: string }>> = {
  inspect: { run: runInspect, usage: INSPECT_USAGE },
  renew: { run: runRenew, usage: RENEW_USAGE },
  issue: { run: runIssue, usage: ISSUE_USAGE },
  revoke: { run: runRevoke, usage: REVOKE_USAGE },
  restore: { run: runRestore, usage: RESTORE_USAGE },
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
    if (command === 'emulator') {
      // Runs in the foreground until SIGINT/SIGTERM.
      await runEmulatorCli([...rest]);
      return 0;
    }
    const entry = COMMANDS[command];
    if (!entry) throw new UsageError(`Unknown command "${command}".`);
    return await entry.run(rest, io);
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
