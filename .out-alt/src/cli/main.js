"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.main = main;
const displayText_1 = require("../core/displayText");
const cli_1 = require("../emulator/cli");
const inspect_1 = require("./inspect");
const issue_1 = require("./issue");
const output_1 = require("./output");
const renew_1 = require("./renew");
const restore_1 = require("./restore");
const revoke_1 = require("./revoke");
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
const COMMANDS = {
    inspect: { run: inspect_1.runInspect, usage: inspect_1.INSPECT_USAGE },
    renew: { run: renew_1.runRenew, usage: renew_1.RENEW_USAGE },
    issue: { run: issue_1.runIssue, usage: issue_1.ISSUE_USAGE },
    revoke: { run: revoke_1.runRevoke, usage: revoke_1.REVOKE_USAGE },
    restore: { run: restore_1.runRestore, usage: restore_1.RESTORE_USAGE },
};
/** Runs the command line and returns the exit code. Never calls process.exit, so output is always flushed. */
async function main(argv, outputIo = output_1.processIo) {
    // Every byte the commands print passes the secret filter (token values, and the secrets a command registers).
    const io = (0, output_1.redactingIo)(outputIo);
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        io.stdout(`${USAGE}\n`);
        return command === undefined ? output_1.EXIT_USAGE : 0;
    }
    if (command === '--version') {
        io.stdout(`${process.env.KYMA_CERT_VERSION ?? '0.1.0'}\n`);
        return 0;
    }
    const json = rest.includes('--json');
    try {
        if (command === 'emulator') {
            // Runs in the foreground until SIGINT/SIGTERM.
            await (0, cli_1.runEmulatorCli)([...rest]);
            return 0;
        }
        const entry = COMMANDS[command];
        if (!entry)
            throw new output_1.UsageError(`Unknown command "${command}".`);
        return await entry.run(rest, io);
    }
    catch (e) {
        return (0, output_1.reportError)(io, json, e);
    }
}
if (require.main === module) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    }, (e) => {
        process.stderr.write(`kyma-cert: unexpected failure: ${(0, displayText_1.redactSecrets)(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
        process.exitCode = 1;
    });
}
//# sourceMappingURL=main.js.map