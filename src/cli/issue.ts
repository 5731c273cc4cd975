import { tokenOf } from '../core/displayText';
import { issueCertificate } from '../lifecycle/issue';
import { KEY_PASSPHRASE_OPTIONS, KEY_PASSPHRASE_USAGE, keyPassphrase, NETWORK_OPTIONS, networkOptions, parse, requiredString, stringValue } from './args';
import { certificateJson, certificateSummary } from './facts';
import { printResult, progressPrinter, UsageError, type Io } from './output';
import { readSecretInput } from './secretInput';

/** The environment variable holding the token URL when --token-url is not given. */
export const TOKEN_ENV = 'KYMA_CERT_TOKEN';

export const ISSUE_USAGE = `Usage: kyma-cert issue --token-url URL|- --out-dir DIR [--name NAME] [--force]
                      [--ca-file FILE] [--insecure] [--timeout SECONDS] [--json]
                      [--key-passphrase-env VAR | --key-passphrase-file FILE]

Gets a first client certificate with a one-time token URL from Kyma (TokenRequest or console):
generates a new RSA 2048 key, sends a CSR with the subject the service asks for, verifies the answer and
writes NAME.key (mode 0600), NAME.crt, NAME-ca.crt and NAME.kyma.json (for later renewals) into DIR.

  --token-url URL    https://connector-service.<domain>/v1/applications/signingRequests/info?token=...
                     "-" reads the URL from standard input; without the flag, $KYMA_CERT_TOKEN is used.
                     (A URL on the command line is visible to every user in the process list.)
  --out-dir DIR      where to write (created if missing)
  --name NAME        file base name (default: client)
  --force            replace existing files of that name
With a passphrase the new key is written encrypted (PKCS#8, AES-256-CBC):
${KEY_PASSPHRASE_USAGE}`;

/** `kyma-cert issue …` */
export async function runIssue(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    ...NETWORK_OPTIONS,
    ...KEY_PASSPHRASE_OPTIONS,
    'token-url': { type: 'string' },
    'out-dir': { type: 'string' },
    name: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(`${ISSUE_USAGE}\n`);
    return 0;
  }
  const tokenUrl = await readSecretInput(stringValue(values, 'token-url'), TOKEN_ENV);
  if (tokenUrl === undefined) throw new UsageError(`--token-url is required ("-" reads it from standard input, or set ${TOKEN_ENV}).`);
  // The whole URL and the token alone: neither may appear in any output, whatever text an error carries.
  io.secrets?.push(tokenUrl, ...[tokenOf(tokenUrl)].filter((t): t is string => t !== undefined));
  const outDir = requiredString(values, 'out-dir');
  const net = networkOptions(values, io);
  const result = await issueCertificate({
    ...net,
    tokenUrl,
    outDir,
    name: stringValue(values, 'name'),
    force: values.force === true,
    keyPassphrase: await keyPassphrase(values),
    onProgress: progressPrinter(io),
  });
  const now = new Date();
  printResult(
    io,
    values.json === true,
    {
      certFile: result.certFile,
      keyFile: result.keyFile,
      caFile: result.caFile,
      connectionFile: result.connectionFile,
      infoUrl: result.infoUrl,
      certificate: certificateJson(result.certificate, now),
    },
    [
      `Issued ${certificateSummary(result.certificate, now)}.`,
      `  certificate  ${result.certFile}`,
      `  key          ${result.keyFile}`,
      `  issuing CA   ${result.caFile}`,
      `  renew with   kyma-cert renew --cert ${result.certFile}`,
    ],
  );
  return 0;
}
