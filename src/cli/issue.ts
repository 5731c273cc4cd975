import { tokenOf } from '../core/displayText';
import { parseTokenInput } from '../connector/tokenInput';
import { issueCertificate } from '../lifecycle/issue';
import {
  KEY_PASSPHRASE_OPTIONS,
  KEY_PASSPHRASE_USAGE,
  keyPassphrase,
  NETWORK_OPTIONS,
  networkOptions,
  PROXY_USAGE,
  parse,
  requiredString,
  stringValue,
} from './args';
import { certificateJson, certificateSummary } from './facts';
import { printResult, progressPrinter, UsageError, type Io } from './output';
import { readSecretInput } from './secretInput';

/** The environment variable holding the token when neither --token nor --token-url is given. */
export const TOKEN_ENV = 'KYMA_CERT_TOKEN';

export const ISSUE_USAGE = `Usage: kyma-cert issue --token VALUE|- [--connector-url URL] --out-dir DIR [--name NAME] [--force]
                      [--ca-file FILE] [--insecure] [--proxy URL] [--timeout SECONDS] [--json]
                      [--key-passphrase-env VAR | --key-passphrase-file FILE]

Gets a first client certificate with a one-time token from Kyma or SAP Compass: generates a new RSA 2048 key,
sends a CSR with the subject the service asks for (checked locally first: the token works once), verifies the
answer and writes NAME.key (mode 0600), NAME.crt, NAME-ca.crt and NAME.kyma.json (backend + URLs, for later
renewals) into DIR.

  --token VALUE      whatever you were given, any of:
                       Kyma token URL   https://connector-service.<domain>/v1/applications/signingRequests/info?token=...
                       Compass legacy connector URL  https://adapter-gateway.<domain>/v1/applications/signingRequests/info?token=...
                       Compass "data to connect the application" (base64 rawEncoded)
                       a raw token, with --connector-url
                     "-" reads it from standard input; without the flag, $KYMA_CERT_TOKEN is used.
                     (A value on the command line is visible to every user in the process list.)
  --token-url URL    the same as --token (the older name)
  --connector-url URL  for a raw token: the Compass connectorURL (…/connector/graphql) or the Kyma connector URL
  --out-dir DIR      where to write (created if missing)
  --name NAME        file base name (default: client)
  --force            replace existing files of that name
With a passphrase the new key is written encrypted (PKCS#8, AES-256-CBC):
${PROXY_USAGE}
${KEY_PASSPHRASE_USAGE}`;

/** `kyma-cert issue …` */
export async function runIssue(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    ...NETWORK_OPTIONS,
    ...KEY_PASSPHRASE_OPTIONS,
    token: { type: 'string' },
    'token-url': { type: 'string' },
    'connector-url': { type: 'string' },
    'out-dir': { type: 'string' },
    name: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(`${ISSUE_USAGE}\n`);
    return 0;
  }
  if (values.token !== undefined && values['token-url'] !== undefined) throw new UsageError('Pass either --token or --token-url (the same thing), not both.');
  const token = await readSecretInput(stringValue(values, 'token') ?? stringValue(values, 'token-url'), TOKEN_ENV);
  if (token === undefined) throw new UsageError(`--token is required ("-" reads it from standard input, or set ${TOKEN_ENV}).`);
  const connectorUrl = stringValue(values, 'connector-url');
  // What was pasted, and the bare token inside it (URL query or base64 JSON): none may appear in any output.
  const parsed = parseTokenInput(token, connectorUrl);
  io.secrets?.push(token, ...[tokenOf(token), parsed.backend === 'compass' ? parsed.token : undefined].filter((t): t is string => t !== undefined));
  const outDir = requiredString(values, 'out-dir');
  const net = networkOptions(values, io);
  const result = await issueCertificate({
    ...net,
    token,
    connectorUrl,
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
      backend: result.backend,
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
