"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The Kyma tutorials' own shell commands against the emulator (openssl + curl, trust via --cacert):
 * first certificate with the one-time token, then renewal as kyma-renew-client-certificate.md does it, with the two
 * fixes this OpenSSL needs (subject in slash form via `-nameopt compat`; `base64 -w0` so the CSR is one word).
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const node_util_1 = require("node:util");
const certificate_1 = require("../../../src/core/certificate");
const emulator_1 = require("../../../src/emulator");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
let emulator;
let workDir;
(0, node_test_1.before)(async () => {
    emulator = await (0, emulator_1.startEmulator)();
    workDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'wire-tutorial-'));
});
(0, node_test_1.after)(async () => {
    await emulator.close();
    await (0, promises_1.rm)(workDir, { recursive: true, force: true });
});
/** Runs a bash script in the work dir (async: the emulator answers from this very process). */
async function bash(script, env = {}) {
    return run('bash', ['-c', `set -euo pipefail\n${script}`], { cwd: workDir, env: { ...process.env, ...env } });
}
(0, node_test_1.describe)('tutorial commands against the emulator', () => {
    (0, node_test_1.it)('issues a first certificate with openssl + curl and the one-time token flow', async () => {
        const { url } = emulator.mintToken('my-app');
        const { stdout } = await bash(`
      openssl genrsa -out app.key 2048 2>/dev/null
      INFO=$(curl -sS --fail --cacert "$SERVER_CA" "$TOKEN_URL")
      CSR_URL=$(node -e 'console.log(JSON.parse(process.argv[1]).csrUrl)' "$INFO")
      API_SUBJECT=$(node -e 'console.log(JSON.parse(process.argv[1]).certificate.subject)' "$INFO")
      # openssl req -subj wants /-form; the API gives the comma form.
      openssl req -new -sha256 -out app.csr -key app.key -subj "/$(echo "$API_SUBJECT" | tr ',' '/')"
      curl -sS --cacert "$SERVER_CA" -o issued.json -w '%{http_code}' -X POST "$CSR_URL" -d '{"csr":"'"$(base64 -w0 app.csr)"'"}'
      node -e 'process.stdout.write(Buffer.from(require("./issued.json").clientCrt, "base64"))' > app.crt
      `, { SERVER_CA: emulator.serverCaFile, TOKEN_URL: url });
        strict_1.default.equal(stdout, '201');
        const facts = (0, certificate_1.certificateFacts)(await (0, promises_1.readFile)((0, node_path_1.join)(workDir, 'app.crt')));
        strict_1.default.equal(facts.subjectConnector, 'O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app');
    });
    (0, node_test_1.it)('renews exactly as the renewal tutorial, with -nameopt compat and base64 -w0; openssl verify accepts the result', async () => {
        const { stdout } = await bash(`
      export SUBJECT=$(openssl x509 -noout -subject -nameopt compat -in app.crt | sed 's/^subject=//')
      echo "SUBJECT=$SUBJECT"
      openssl req -new -sha256 -out renewal.csr -key app.key -subj "$SUBJECT"
      CODE=$(curl -sS -o renewed.json -w '%{http_code}' -X POST "$GATEWAY/v1/applications/certificates/renewals" -d '{"csr":"'$(cat renewal.csr | base64 -w0)'"}' --cert app.crt --key app.key --cacert "$SERVER_CA")
      echo "HTTP=$CODE"
      node -e 'process.stdout.write(Buffer.from(require("./renewed.json").clientCrt, "base64"))' > renewed.crt
      openssl verify -CAfile "$CLIENT_CA" renewed.crt
      `, { SERVER_CA: emulator.serverCaFile, CLIENT_CA: emulator.clientCaFile, GATEWAY: emulator.gatewayUrl });
        strict_1.default.match(stdout, /^SUBJECT=\/O=Organization\/OU=OrgUnit\/L=Waldorf\/ST=Waldorf\/C=DE\/CN=my-app$/m);
        strict_1.default.match(stdout, /^HTTP=201$/m);
        strict_1.default.match(stdout, /^renewed\.crt: OK$/m);
    });
    (0, node_test_1.it)('documents that the original `awk \'{print $2}\'` recipe yields "=" on this OpenSSL, which openssl req rejects', async () => {
        const { stdout } = await bash(`
      openssl version
      echo "AWK=$(openssl x509 -noout -subject -in app.crt | awk '{print $2}')"
      if openssl req -new -sha256 -out broken.csr -key app.key -subj "$(openssl x509 -noout -subject -in app.crt | awk '{print $2}')" 2>/dev/null; then echo REQ=accepted; else echo REQ=rejected; fi
      if openssl req -new -sha256 -out comma.csr -key app.key -subj "O=Organization,OU=OrgUnit,L=Waldorf,ST=Waldorf,C=DE,CN=my-app" 2>/dev/null; then echo COMMA=accepted; else echo COMMA=rejected; fi
    `);
        if (/^OpenSSL 1\.0\./m.test(stdout))
            return; // the recipe was written for the old slash output
        strict_1.default.match(stdout, /^AWK==$/m);
        strict_1.default.match(stdout, /^REQ=rejected$/m);
        strict_1.default.match(stdout, /^COMMA=rejected$/m, 'openssl req -subj does not take the API comma form either');
    });
});
//# sourceMappingURL=tutorial.test.js.map