/**
 * The baseline of (c): a bare Node script that reads each file given on the command line into
 * `new X509Certificate()` and prints subject, issuer, validity and fingerprint as JSON, nothing more.
 * `node out/bench/x509Baseline.js FILE…`. It is what `kyma-cert inspect --json` is compared with, run the same way
 * (a new node process, the same environment, NODE_EXTRA_CA_CERTS included when set).
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';

const out = process.argv.slice(2).map((file) => {
  const x = new X509Certificate(readFileSync(file));
  return { file, subject: x.subject, issuer: x.issuer, notBefore: x.validFrom, notAfter: x.validTo, fingerprint256: x.fingerprint256 };
});
process.stdout.write(`${JSON.stringify({ files: out })}\n`);
