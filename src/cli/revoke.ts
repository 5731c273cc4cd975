import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { certificatesInFile } from '../core/certificate';
import { safeDisplayText } from '../core/displayText';
import { readRegularFile } from '../io/boundedRead';
import { revokeCertificate } from '../lifecycle/revoke';
import {
  GATEWAY_OPTIONS,
  KEY_PASSPHRASE_OPTIONS,
  KEY_PASSPHRASE_USAGE,
  keyPassphrase,
  NETWORK_OPTIONS,
  networkOptions,
  PROXY_USAGE,
  parse,
  resolveGatewayInputs,
} from './args';
import { exitCodeFor } from '../core/errors';
import { printResult, progressPrinter, UsageError, type Io } from './output';

export const REVOKE_USAGE = `Usage: kyma-cert revoke --cert FILE [--key FILE] [--yes] [--info-url URL | --domain DOMAIN]
                       [--ca-file FILE] [--insecure] [--proxy URL] [--timeout SECONDS] [--json]
                       [--key-passphrase-env VAR | --key-passphrase-file FILE]

Revokes the certificate at the Connector Service. It keeps working until it expires, but it can never be
renewed again: the application then needs a new certificate from a one-time token.
Asks for confirmation on a terminal; without a terminal, --yes is required.

${PROXY_USAGE}
${KEY_PASSPHRASE_USAGE}`;

/** Asks on the terminal; true only for an explicit yes. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** `kyma-cert revoke …` */
export async function runRevoke(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    ...NETWORK_OPTIONS,
    ...KEY_PASSPHRASE_OPTIONS,
    ...GATEWAY_OPTIONS,
    yes: { type: 'boolean', short: 'y' },
  });
  if (values.help) {
    io.stdout(`${REVOKE_USAGE}\n`);
    return 0;
  }
  const json = values.json === true;
  const net = networkOptions(values, io);
  const inputs = await resolveGatewayInputs(values, net);
  const { certFile } = inputs;
  const passphrase = await keyPassphrase(values);

  if (values.yes !== true) {
    if (!process.stdin.isTTY || !process.stderr.isTTY) {
      throw new UsageError('Revocation cannot be undone: pass --yes to revoke without a terminal to confirm on.');
    }
    const facts = certificatesInFile(await readRegularFile(certFile).catch(() => Buffer.alloc(0)))[0];
    // The subject comes from the file: escaped like any other output (it goes straight to the terminal here).
    const what = safeDisplayText(facts ? `${facts.subjectText} (sha256 ${facts.sha256Hex.slice(0, 16)}…)` : certFile);
    if (!(await confirm(`Revoke ${what}? It can never be renewed afterwards. [y/N] `))) {
      io.stderr('Not revoked.\n');
      return exitCodeFor('cancelled');
    }
  }

  const result = await revokeCertificate({
    ...net,
    ...inputs,
    keyPassphrase: passphrase,
    onProgress: progressPrinter(io),
  });
  printResult(io, json, result, [
    `Revoked ${path.basename(result.certFile)} (sha256 ${result.sha256Hex}).`,
    '  It keeps working until it expires but cannot be renewed; get a new certificate with a one-time token.',
  ]);
  return 0;
}
