/**
 * The Compass tutorials (compass-connector-api.md §5: 08-01, 08-02, 08-03) with openssl + curl against
 * `--flavor compass`: configuration with the Connector-Token header, a CSR made by openssl with the slash-form
 * subject, signCertificateSigningRequest with the CSR as a variable, the chain decoded, configuration over mTLS,
 * renewal, revokeCertificate, and a second revoke that fails.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { certificatesInFile } from '../../../src/core/certificate';
import { startCompassEmulator, type CompassEmulator } from '../../../src/emulator/compass/server';

const run = promisify(execFile);

let emulator: CompassEmulator;
let workDir: string;

before(async () => {
  emulator = await startCompassEmulator();
  workDir = await mkdtemp(join(tmpdir(), 'compass-tutorial-'));
});
after(async () => {
  await emulator.close();
  await rm(workDir, { recursive: true, force: true });
});

async function bash(script: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: workDir, env: { ...process.env, ...env } });
  return stdout;
}

/** node one-liner that prints a JSON path of a file: `json FILE a.b.c`. */
const JSON_HELPER = `json() { node -e 'let v=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); for (const k of process.argv[2].split(".")) v=v==null?v:v[k]; console.log(typeof v==="string"?v:JSON.stringify(v))' "$1" "$2"; }`;

const CONFIGURATION =
  'query { result: configuration { token { token } certificateSigningRequestInfo { subject keyAlgorithm } managementPlaneInfo { directorURL certificateSecuredConnectorURL } } }';
const SIGN = 'mutation($csr: String!) { result: signCertificateSigningRequest(csr: $csr) { certificateChain caCertificate clientCertificate } }';

describe('Compass tutorials with openssl + curl against the emulator', () => {
  it('08-01: configuration with Connector-Token, openssl CSR (slash form), sign via variables, decode the chain', async () => {
    const ott = emulator.mintToken('tutorial-app');
    const out = await bash(
      `${JSON_HELPER}
      curl -sS --fail --cacert "$SERVER_CA" "$CONNECTOR_URL" -H 'Content-Type: application/json' -H "Connector-Token: $OTT" \\
        -d '{"query":"${CONFIGURATION}"}' > config.json
      SUBJECT=$(json config.json data.result.certificateSigningRequestInfo.subject)
      echo "SUBJECT=$SUBJECT"
      json config.json data.result.managementPlaneInfo.certificateSecuredConnectorURL > secured-url
      OTT2=$(json config.json data.result.token.token)
      openssl genrsa -out app.key 2048 2>/dev/null
      # OpenSSL 3 rejects the comma form; the slash form works (§5 pitfalls).
      openssl req -new -sha256 -out app.csr -key app.key -subj "/$(echo "$SUBJECT" | tr ',' '/')"
      node -e 'console.log(JSON.stringify({query: process.argv[1], variables: {csr: process.argv[2]}}))' "$SIGN" "$(openssl base64 -A -in app.csr)" > sign.json
      curl -sS --fail --cacert "$SERVER_CA" "$CONNECTOR_URL" -H 'Content-Type: application/json' -H "Connector-Token: $OTT2" -d @sign.json > signed.json
      json signed.json data.result.certificateChain | base64 -d > chain.pem
      json signed.json data.result.clientCertificate | base64 -d > app.crt
      openssl verify -CAfile "$CLIENT_CA" app.crt
      `,
      { SERVER_CA: emulator.serverCaFile, CLIENT_CA: emulator.clientCaFile, CONNECTOR_URL: emulator.connectorUrl, OTT: ott.token, SIGN },
    );
    const subject = /^SUBJECT=(.*)$/m.exec(out)?.[1] ?? '';
    assert.match(subject, /^O=Org,OU=OrgUnit,L=locality,ST=province,C=DE,CN=[0-9a-f-]{36}$/, 'CN is the SystemAuth id, not the application name');
    assert.match(out, /^app\.crt: OK$/m);
    assert.equal((await readFile(join(workDir, 'secured-url'), 'utf8')).trim(), emulator.certificateSecuredConnectorUrl);
    const chain = certificatesInFile(await readFile(join(workDir, 'chain.pem')));
    assert.equal(chain.length, 2, 'client, CA');
    assert.equal(chain[0].subjectConnector, subject, 'the client certificate comes first (Compass order)');
    assert.equal(chain[1].commonName, 'Kyma');
  });

  it('08-02: configuration over mTLS, then renewal with a new key over mTLS', async () => {
    const out = await bash(
      `${JSON_HELPER}
      SECURED=$(cat secured-url)
      curl -sS --fail --cacert "$SERVER_CA" --cert chain.pem --key app.key "$SECURED" -H 'Content-Type: application/json' \\
        -d '{"query":"query { result: configuration { certificateSigningRequestInfo { subject keyAlgorithm } managementPlaneInfo { directorURL } } }"}' > mtls-config.json
      SUBJECT=$(json mtls-config.json data.result.certificateSigningRequestInfo.subject)
      echo "KEYALG=$(json mtls-config.json data.result.certificateSigningRequestInfo.keyAlgorithm)"
      echo "DIRECTOR=$(json mtls-config.json data.result.managementPlaneInfo.directorURL)"
      openssl genrsa -out new.key 2048 2>/dev/null
      openssl req -new -sha256 -out new.csr -key new.key -subj "/$(echo "$SUBJECT" | tr ',' '/')"
      node -e 'console.log(JSON.stringify({query: process.argv[1], variables: {csr: process.argv[2]}}))' "$SIGN" "$(openssl base64 -A -in new.csr)" > renew.json
      curl -sS --fail --cacert "$SERVER_CA" --cert chain.pem --key app.key "$SECURED" -H 'Content-Type: application/json' -d @renew.json > renewed.json
      json renewed.json data.result.clientCertificate | base64 -d > renewed.crt
      openssl verify -CAfile "$CLIENT_CA" renewed.crt
      openssl x509 -noout -subject -in renewed.crt -nameopt compat
      openssl x509 -noout -subject -in app.crt -nameopt compat
      `,
      { SERVER_CA: emulator.serverCaFile, CLIENT_CA: emulator.clientCaFile, SIGN },
    );
    assert.match(out, /^KEYALG=rsa2048$/m);
    assert.match(out, new RegExp(`^DIRECTOR=${emulator.directorUrl}$`, 'm'));
    assert.match(out, /^renewed\.crt: OK$/m);
    const subjects = out.match(/^subject=.*$/gm) ?? [];
    assert.equal(subjects.length, 2);
    assert.equal(subjects[0], subjects[1], 'renewal keeps the CN (the SystemAuth id)');
  });

  it('08-03: revokeCertificate answers true; a second revoke and any further call with it fail (400, empty body)', async () => {
    const out = await bash(
      `
      SECURED=$(cat secured-url)
      call() { curl -sS -o body -w '%{http_code}' --cacert "$SERVER_CA" --cert chain.pem --key app.key "$1" -H 'Content-Type: application/json' -d "$2"; echo " $(cat body)"; }
      echo "FIRST=$(call "$SECURED" '{"query":"mutation { result: revokeCertificate }"}')"
      echo "SECOND=$(call "$SECURED" '{"query":"mutation { result: revokeCertificate }"}')"
      echo "CONFIG=$(call "$SECURED" '{"query":"query { result: configuration { token { token } } }"}')"
      echo "DIRECTOR=$(call "$DIRECTOR" '{"query":"query { viewer { id type } }"}')"
      ADAPTER=$(curl -sS -o body -w '%{http_code}' --cacert "$SERVER_CA" --cert chain.pem --key app.key "$ADAPTER_MTLS/v1/applications/management/info"); echo "ADAPTER=$ADAPTER $(cat body)"
      `,
      { SERVER_CA: emulator.serverCaFile, DIRECTOR: emulator.directorUrl, ADAPTER_MTLS: emulator.adapterMtlsUrl },
    );
    assert.match(out, /^FIRST=200 \{"data":\{"result":true\}\}$/m);
    assert.match(out, /^SECOND=400 $/m, 'not idempotent: the revoked certificate has no identity any more');
    assert.match(out, /^CONFIG=400 $/m);
    assert.match(out, /^DIRECTOR=400 $/m, 'revocation removes the identity everywhere: the Director too');
    assert.match(out, /^ADAPTER=403 \{"code":403,"error":"invalid token or certificate"\}$/m, '…and the adapter');
  });

  it('shows the tutorial pitfalls: curl without a JSON content type, and the wrapped `openssl base64` in an inline literal', async () => {
    const first = emulator.mintToken('pitfall-app');
    const second = emulator.mintToken('pitfall-app');
    const out = await bash(
      `
      curl -sS -o body -w '%{http_code}' --cacert "$SERVER_CA" "$CONNECTOR_URL" -H "Connector-Token: $OTT" -d '{"query":"query { result: configuration { token { token } } }"}'; echo " FORM=$(cat body)"
      openssl genrsa -out p.key 2048 2>/dev/null
      openssl req -new -sha256 -out p.csr -key p.key -subj "/O=Org/OU=OrgUnit/L=locality/ST=province/C=DE/CN=x"
      node -e 'console.log(JSON.stringify({query: "mutation { result: signCertificateSigningRequest(csr: \\"" + process.argv[1] + "\\") { certificateChain } }"}))' "$(openssl base64 -in p.csr)" > inline.json
      curl -sS -o body -w '%{http_code}' --cacert "$SERVER_CA" "$CONNECTOR_URL" -H 'Content-Type: application/json' -H "Connector-Token: $OTT2" -d @inline.json; echo " INLINE=$(cat body)"
      `,
      { SERVER_CA: emulator.serverCaFile, CONNECTOR_URL: emulator.connectorUrl, OTT: first.token, OTT2: second.token },
    );
    assert.match(out, /^400 FORM=\{"errors":\[\{"message":"transport not supported"\}\],"data":null\}$/m);
    const inline = /^422 INLINE=(.*)$/m.exec(out);
    assert.ok(inline, out);
    const body = JSON.parse(inline[1]) as { errors: Array<{ message: string; extensions: { code: string } }>; data: null };
    assert.equal(body.errors[0].extensions.code, 'GRAPHQL_PARSE_FAILED');
    assert.match(body.errors[0].message, /Unterminated string/);
    assert.equal(body.data, null);
  });
});
