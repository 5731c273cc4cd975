"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The Compass tutorials (compass-connector-api.md §5: 08-01, 08-02, 08-03) with openssl + curl against
 * `--flavor compass`: configuration with the Connector-Token header, a CSR made by openssl with the slash-form
 * subject, signCertificateSigningRequest with the CSR as a variable, the chain decoded, configuration over mTLS,
 * renewal, revokeCertificate, and a second revoke that fails.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const node_util_1 = require("node:util");
const certificate_1 = require("../../../src/core/certificate");
const server_1 = require("../../../src/emulator/compass/server");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
let emulator;
let workDir;
(0, node_test_1.before)(async () => {
    emulator = await (0, server_1.startCompassEmulator)();
    workDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'compass-tutorial-'));
});
(0, node_test_1.after)(async () => {
    await emulator.close();
    await (0, promises_1.rm)(workDir, { recursive: true, force: true });
});
async function bash(script, env = {}) {
    const { stdout } = await run('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: workDir, env: { ...process.env, ...env } });
    return stdout;
}
/** node one-liner that prints a JSON path of a file: `json FILE a.b.c`. */
const JSON_HELPER = `json() { node -e 'let v=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); for (const k of process.argv[2].split(".")) v=v==null?v:v[k]; console.log(typeof v==="string"?v:JSON.stringify(v))' "$1" "$2"; }`;
const CONFIGURATION = 'query { result: configuration { token { token } certificateSigningRequestInfo { subject keyAlgorithm } managementPlaneInfo { directorURL certificateSecuredConnectorURL } } }';
const SIGN = 'mutation($csr: String!) { result: signCertificateSigningRequest(csr: $csr) { certificateChain caCertificate clientCertificate } }';
(0, node_test_1.describe)('Compass tutorials with openssl + curl against the emulator', () => {
    (0, node_test_1.it)('08-01: configuration with Connector-Token, openssl CSR (slash form), sign via variables, decode the chain', async () => {
        const ott = emulator.mintToken('tutorial-app');
        const out = await bash(`${JSON_HELPER}
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
      `, { SERVER_CA: emulator.serverCaFile, CLIENT_CA: emulator.clientCaFile, CONNECTOR_URL: emulator.connectorUrl, OTT: ott.token, SIGN });
        const subject = /^SUBJECT=(.*)$/m.exec(out)?.[1] ?? '';
        strict_1.default.match(subject, /^O=Org,OU=OrgUnit,L=locality,ST=province,C=DE,CN=[0-9a-f-]{36}$/, 'CN is the SystemAuth id, not the application name');
        strict_1.default.match(out, /^app\.crt: OK$/m);
        strict_1.default.equal((await (0, promises_1.readFile)((0, node_path_1.join)(workDir, 'secured-url'), 'utf8')).trim(), emulator.certificateSecuredConnectorUrl);
        const chain = (0, certificate_1.certificatesInFile)(await (0, promises_1.readFile)((0, node_path_1.join)(workDir, 'chain.pem')));
        strict_1.default.equal(chain.length, 2, 'client, CA');
        strict_1.default.equal(chain[0].subjectConnector, subject, 'the client certificate comes first (Compass order)');
        strict_1.default.equal(chain[1].commonName, 'Kyma');
    });
    (0, node_test_1.it)('08-02: configuration over mTLS, then renewal with a new key over mTLS', async () => {
        const out = await bash(`${JSON_HELPER}
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
      `, { SERVER_CA: emulator.serverCaFile, CLIENT_CA: emulator.clientCaFile, SIGN });
        strict_1.default.match(out, /^KEYALG=rsa2048$/m);
        strict_1.default.match(out, new RegExp(`^DIRECTOR=${emulator.directorUrl}$`, 'm'));
        strict_1.default.match(out, /^renewed\.crt: OK$/m);
        const subjects = out.match(/^subject=.*$/gm) ?? [];
        strict_1.default.equal(subjects.length, 2);
        strict_1.default.equal(subjects[0], subjects[1], 'renewal keeps the CN (the SystemAuth id)');
    });
    (0, node_test_1.it)('08-03: revokeCertificate answers true; a second revoke and any further call with it fail (400, empty body)', async () => {
        const out = await bash(`
      SECURED=$(cat secured-url)
      call() { curl -sS -o body -w '%{http_code}' --cacert "$SERVER_CA" --cert chain.pem --key app.key "$1" -H 'Content-Type: application/json' -d "$2"; echo " $(cat body)"; }
      echo "FIRST=$(call "$SECURED" '{"query":"mutation { result: revokeCertificate }"}')"
      echo "SECOND=$(call "$SECURED" '{"query":"mutation { result: revokeCertificate }"}')"
      echo "CONFIG=$(call "$SECURED" '{"query":"query { result: configuration { token { token } } }"}')"
      echo "DIRECTOR=$(call "$DIRECTOR" '{"query":"query { viewer { id type } }"}')"
      ADAPTER=$(curl -sS -o body -w '%{http_code}' --cacert "$SERVER_CA" --cert chain.pem --key app.key "$ADAPTER_MTLS/v1/applications/management/info"); echo "ADAPTER=$ADAPTER $(cat body)"
      `, { SERVER_CA: emulator.serverCaFile, DIRECTOR: emulator.directorUrl, ADAPTER_MTLS: emulator.adapterMtlsUrl });
        strict_1.default.match(out, /^FIRST=200 \{"data":\{"result":true\}\}$/m);
        strict_1.default.match(out, /^SECOND=400 $/m, 'not idempotent: the revoked certificate has no identity any more');
        strict_1.default.match(out, /^CONFIG=400 $/m);
        strict_1.default.match(out, /^DIRECTOR=400 $/m, 'revocation removes the identity everywhere: the Director too');
        strict_1.default.match(out, /^ADAPTER=403 \{"code":403,"error":"invalid token or certificate"\}$/m, '…and the adapter');
    });
    (0, node_test_1.it)('shows the tutorial pitfalls: curl without a JSON content type, and the wrapped `openssl base64` in an inline literal', async () => {
        const first = emulator.mintToken('pitfall-app');
        const second = emulator.mintToken('pitfall-app');
        const out = await bash(`
      curl -sS -o body -w '%{http_code}' --cacert "$SERVER_CA" "$CONNECTOR_URL" -H "Connector-Token: $OTT" -d '{"query":"query { result: configuration { token { token } } }"}'; echo " FORM=$(cat body)"
      openssl genrsa -out p.key 2048 2>/dev/null
      openssl req -new -sha256 -out p.csr -key p.key -subj "/O=Org/OU=OrgUnit/L=locality/ST=province/C=DE/CN=x"
      node -e 'console.log(JSON.stringify({query: "mutation { result: signCertificateSigningRequest(csr: \\"" + process.argv[1] + "\\") { certificateChain } }"}))' "$(openssl base64 -in p.csr)" > inline.json
      curl -sS -o body -w '%{http_code}' --cacert "$SERVER_CA" "$CONNECTOR_URL" -H 'Content-Type: application/json' -H "Connector-Token: $OTT2" -d @inline.json; echo " INLINE=$(cat body)"
      `, { SERVER_CA: emulator.serverCaFile, CONNECTOR_URL: emulator.connectorUrl, OTT: first.token, OTT2: second.token });
        strict_1.default.match(out, /^400 FORM=\{"errors":\[\{"message":"transport not supported"\}\],"data":null\}$/m);
        const inline = /^422 INLINE=(.*)$/m.exec(out);
        strict_1.default.ok(inline, out);
        const body = JSON.parse(inline[1]);
        strict_1.default.equal(body.errors[0].extensions.code, 'GRAPHQL_PARSE_FAILED');
        strict_1.default.match(body.errors[0].message, /Unterminated string/);
        strict_1.default.equal(body.data, null);
    });
});
//# sourceMappingURL=compass-tutorial.test.js.map