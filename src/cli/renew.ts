import { renewCertificate } from '../lifecycle/renew';
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
import { certificateJson, certificateSummary } from './facts';
import { printResult, progressPrinter, type Io } from './output';

export const RENEW_USAGE = `Usage: kyma-cert renew --cert FILE [--key FILE] [--info-url URL | --domain DOMAIN]
                      [--ca-file FILE] [--insecure] [--proxy URL] [--timeout SECONDS] [--allow-issuer-change] [--new-key] [--json]
                      [--key-passphrase-env VAR | --key-passphrase-file FILE]

Renews a client certificate with its existing key. The subject and renewal URL come from
management/info; the answer is verified before anything is written; the file keeps its layout;
the previous certificate goes to .kyma-backups/. The info URL is remembered in <name>.kyma.json.

  --cert FILE             the client certificate (alone or followed by its CA chain)
  --key FILE              its private key (default: remembered, or <name>.key next to it)
  --info-url URL          https://gateway.<domain>/v1/applications/management/info
  --domain DOMAIN         shorthand for the info URL of a cluster domain
  --ca-file FILE          CA of the server's TLS certificate (self-signed clusters)
  --insecure              do not verify the server certificate (local clusters only)
  --timeout SECONDS       per request
  --allow-issuer-change   accept a certificate from a different CA (cluster CA rotated)
  --new-key               rotate the key: a new key of the same type and size (encrypted like the old one)
                          replaces it together with the verified certificate; the old key goes to the backup
  --json                  machine-readable result or error on stdout
${PROXY_USAGE}
${KEY_PASSPHRASE_USAGE}`;

/** `kyma-cert renew …` */
export async function runRenew(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    ...NETWORK_OPTIONS,
    ...KEY_PASSPHRASE_OPTIONS,
    ...GATEWAY_OPTIONS,
    'allow-issuer-change': { type: 'boolean' },
    'new-key': { type: 'boolean' },
  });
  if (values.help) {
    io.stdout(`${RENEW_USAGE}\n`);
    return 0;
  }
  const json = values.json === true;
  const net = networkOptions(values, io);
  const inputs = await resolveGatewayInputs(values, net);
  const result = await renewCertificate({
    ...net,
    ...inputs,
    keyPassphrase: await keyPassphrase(values),
    allowIssuerChange: values['allow-issuer-change'] === true,
    rotateKey: values['new-key'] === true,
    onProgress: progressPrinter(io),
  });
  const now = new Date();
  printResult(
    io,
    json,
    {
      certFile: result.certFile,
      caFile: result.caFile ?? null,
      backupFile: result.backupFile,
      keyBackupFile: result.keyBackupFile ?? null,
      infoUrl: result.infoUrl,
      previous: certificateJson(result.previous, now),
      renewed: certificateJson(result.renewed, now),
    },
    [
      `Renewed ${certificateSummary(result.renewed, now)}.`,
      `  certificate  ${result.certFile}`,
      ...(result.caFile ? [`  issuing CA   ${result.caFile}`] : []),
      `  backup       ${result.backupFile}`,
      ...(result.keyBackupFile ? [`  new key      ${inputs.keyFile} (the previous key is in ${result.keyBackupFile})`] : []),
    ],
  );
  return 0;
}
