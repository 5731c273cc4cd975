/**
 * The Kyma tutorials' own shell commands against the emulator (openssl + curl, trust via --cacert):
 * first certificate with the one-time token, then renewal as kyma-renew-client-certificate.md does it, with the two
 * fixes this OpenSSL needs (subject in slash form via `-nameopt compat`; `base64 -w0` so the CSR is one word).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { certificateFacts } from '../../../src/core/certificate';
import { startEmulator, Emulator } from '../../../src/emulator';

const run = promisify(execFile);

let emulator: Emulator;
let workDir: string;

before(async () => {
  emulator = await startEmulator();
  workDir = await mkdtemp(join(tmpdir(), 'wire-tutorial-'));
});
after(async () => {
  await emulator.close();
  await rm(workDir, { recursive: true, force: true });
});

/** Runs a bash script in the work dir (async: the emulator answers from this very process). */
async function bash(script: string, env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  return run('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: workDir, env: { ...process.env, ...env } });
}

describe('tutorial commands against the emulator', () => {
  it('issues a first certificate with openssl + curl and the one-time token flow', async () => {
    const { url } = emulator.mintToken('my-app');
    const { stdout } = await bash(
      `
      openssl genrsa -out app.key 2048 2>/dev/null
      INFO=$(curl -sS --fail --cacert "$SERVER_CA" "$TOKEN_URL")
      CSR_URL=$(node -e 'console.log(JSON.parse(process.argv[1]).csrUrl)' "$INFO")
      API_SUBJECT=$(node -e 'console.log(JSON.parse(process.argv[1]).certificate.subject)' "$INFO")
      # openssl req -subj wants /-form; the API gives the comma form.
      openssl req -new -sha256 -out app.csr -key app.key -subj "/$(echo "$API_SUBJECT" | tr ',' '/')"
      curl -sS --cacert "$SERVER_CA" -o issued.json -w '%{http_code}' -X POST "$CSR_URL" -d '{"csr":"'"$(base64 -w0 app.csr)"'"}'
      node -e 'process.stdout.write(Buffer.from(require("./issued.json").clientCrt, "base64"))' > app.crt
      `,
      { SERVER_CA: emulator.serverCaFile, TOKEN_URL: url },
    );
    assert.equal(stdout, '201');
    const facts = certificateFacts(await readFile(join(workDir, 'app.crt')));
    assert.equal(facts.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
  });

  it('renews exactly as the renewal tutorial, with -nameopt compat and base64 -w0; openssl verify accepts the result', async () => {
    const { stdout } = await bash(
      `
      export SUBJECT=$(openssl x509 -noout -subject -nameopt compat -in app.crt | sed 's/^subject=//')
      echo "SUBJECT=$SUBJECT"
      openssl req -new -sha256 -out renewal.csr -key app.key -subj "$SUBJECT"
      CODE=$(curl -sS -o renewed.json -w '%{http_code}' -X POST "$GATEWAY/v1/applications/certificates/renewals" -d '{"csr":"'$(cat renewal.csr | base64 -w0)'"}' --cert app.crt --key app.key --cacert "$SERVER_CA")
      echo "HTTP=$CODE"
      node -e 'process.stdout.write(Buffer.from(require("./renewed.json").clientCrt, "base64"))' > renewed.crt
      openssl verify -CAfile "$CLIENT_CA" renewed.crt
      `,
      { SERVER_CA: emulator.serverCaFile, CLIENT_CA: emulator.clientCaFile, GATEWAY: emulator.gatewayUrl },
    );
    assert.match(stdout, /^SUBJECT=\/O=Organization\/OU=OrgUnit\/L=Waldorf\/ST=Waldorf\/C=DE\/CN=my-app$/m);
    assert.match(stdout, /^HTTP=201$/m);
    assert.match(stdout, /^renewed\.crt: OK$/m);
  });

  it('documents that the original `awk \'{print $2}\'` recipe yields "=" on this OpenSSL, which openssl req rejects', async () => {
    const { stdout } = await bash(`
      openssl version
      echo "AWK=$(openssl x509 -noout -subject -in app.crt | awk '{print $2}')"
      if openssl req -new -sha256 -out broken.csr -key app.key -subj "$(openssl x509 -noout -subject -in app.crt | awk '{print $2}')" 2>/dev/null; then echo REQ=accepted; else echo REQ=rejected; fi
      if openssl req -new -sha256 -out comma.csr -key app.key -subj "O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app" 2>/dev/null; then echo COMMA=accepted; else echo COMMA=rejected; fi
    `);
    if (/^OpenSSL 1\.0\./m.test(stdout)) return; // the recipe was written for the old slash output
    assert.match(stdout, /^AWK==$/m);
    assert.match(stdout, /^REQ=rejected$/m);
    assert.match(stdout, /^COMMA=rejected$/m, 'openssl req -subj does not take the API comma form either');
  });
});
