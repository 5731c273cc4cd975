"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Issue 7, rows 10 and 11 through the real CLI (a spawned dist/cli.js):
 * - the one-time token never appears in stdout, stderr, the --json error or a written file, for a refused, an
 *   unreachable and a malformed token URL; the URL can come from standard input or $KYMA_CERT_TOKEN instead of argv;
 * - a server's error text with ANSI escapes and newlines cannot forge a "Renewed …" line in the terminal.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const net = __importStar(require("node:net"));
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const server_1 = require("../../../src/emulator/server");
const fixtures_1 = require("../lifecycle/fixtures");
const run_cli_1 = require("./run-cli");
const TOKEN = 'SeCrEtToKeN4711abcdefXYZ';
let emulator;
(0, node_test_1.before)(async () => {
    (0, run_cli_1.ensureCliBuilt)();
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)() });
});
(0, node_test_1.after)(() => emulator.close());
/** A loopback port nobody listens on (bound, then closed). */
async function closedPort() {
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address();
    await new Promise((r) => server.close(r));
    return port;
}
function assertNoToken(result, secret) {
    strict_1.default.ok(!result.stdout.includes(secret), `token on stdout: ${result.stdout}`);
    strict_1.default.ok(!result.stderr.includes(secret), `token on stderr: ${result.stderr}`);
}
async function assertNoTokenInFiles(dir, secret) {
    for (const name of await node_fs_1.promises.readdir(dir, { recursive: true })) {
        const file = path.join(dir, name);
        if ((await node_fs_1.promises.stat(file)).isFile())
            strict_1.default.ok(!(await node_fs_1.promises.readFile(file, 'utf8')).includes(secret), `token in ${name}`);
    }
}
(0, node_test_1.describe)('the one-time token stays secret', () => {
    (0, node_test_1.it)('a refused, an unreachable, a non-https and a malformed token URL: no token in any output', async () => {
        const out = await (0, fixtures_1.tempDir)('kyma-secret-');
        const refused = `${emulator.connectorUrl}/v1/applications/signingRequests/info?token=${TOKEN}`;
        const unreachable = `https://127.0.0.1:${await closedPort()}/v1/applications/signingRequests/info?token=${TOKEN}`;
        const plainHttp = `http://127.0.0.1:1/info?token=${TOKEN}`;
        const malformed = `https://a b/info?token=${TOKEN}`;
        for (const url of [refused, unreachable, plainHttp, malformed]) {
            for (const json of [true, false]) {
                const args = ['issue', '--token-url', url, '--out-dir', out, '--ca-file', emulator.serverCaFile, ...(json ? ['--json'] : [])];
                const result = await (0, run_cli_1.runCliWithin)(args, { timeoutMs: 30_000 });
                strict_1.default.notEqual(result.code, 0, url);
                assertNoToken(result, TOKEN);
                if (json) {
                    const error = JSON.parse(result.stdout).error;
                    strict_1.default.ok(error.message.length > 0);
                }
            }
        }
        const invalid = await (0, run_cli_1.runCliWithin)(['issue', '--token-url', refused, '--out-dir', out, '--ca-file', emulator.serverCaFile], { timeoutMs: 30_000 });
        strict_1.default.equal(invalid.code, (0, errors_1.exitCodeFor)('invalid-token'));
        strict_1.default.match(invalid.stderr, /token=\*\*\*|Invalid token/);
        await assertNoTokenInFiles(out, TOKEN);
    });
    (0, node_test_1.it)('--token-url - reads the URL from standard input; KYMA_CERT_TOKEN is used without the flag', async () => {
        const fromStdin = await (0, fixtures_1.tempDir)('kyma-secret-stdin-');
        const minted = emulator.mintToken('stdin-app');
        const viaStdin = await (0, run_cli_1.runCliWithin)(['issue', '--token-url', '-', '--out-dir', fromStdin, '--ca-file', emulator.serverCaFile, '--json'], {
            input: `${minted.url}\n`,
            timeoutMs: 60_000,
        });
        strict_1.default.equal(viaStdin.code, 0, viaStdin.stderr + viaStdin.stdout);
        strict_1.default.match(viaStdin.stdout, /CN=stdin-app/);
        assertNoToken(viaStdin, minted.token);
        await assertNoTokenInFiles(fromStdin, minted.token);
        const fromEnv = await (0, fixtures_1.tempDir)('kyma-secret-env-');
        const second = emulator.mintToken('env-app');
        const viaEnv = await (0, run_cli_1.runCliWithin)(['issue', '--out-dir', fromEnv, '--ca-file', emulator.serverCaFile], {
            env: { KYMA_CERT_TOKEN: second.url },
            timeoutMs: 60_000,
        });
        strict_1.default.equal(viaEnv.code, 0, viaEnv.stderr);
        assertNoToken(viaEnv, second.token);
        await assertNoTokenInFiles(fromEnv, second.token);
        const none = await (0, run_cli_1.runCliWithin)(['issue', '--out-dir', fromEnv], { env: { KYMA_CERT_TOKEN: '' }, timeoutMs: 20_000 });
        strict_1.default.equal(none.code, (0, errors_1.exitCodeFor)('config'));
        strict_1.default.match(none.stderr, /KYMA_CERT_TOKEN/);
    });
    (0, node_test_1.it)('a token the server echoes back in its error text is masked too', async () => {
        const out = await (0, fixtures_1.tempDir)('kyma-secret-echo-');
        const minted = emulator.mintToken('echo-app');
        emulator.injectFault({ endpoint: 'signingRequestInfo', kind: 'status', status: 500, message: `internal error for ${minted.token} at ${minted.url}` });
        const result = await (0, run_cli_1.runCliWithin)(['issue', '--token-url', '-', '--out-dir', out, '--ca-file', emulator.serverCaFile, '--json'], {
            input: minted.url,
            timeoutMs: 30_000,
        });
        strict_1.default.equal(result.code, (0, errors_1.exitCodeFor)('server'));
        assertNoToken(result, minted.token);
        strict_1.default.match(result.stdout, /\*\*\*/);
    });
});
(0, node_test_1.describe)('server text cannot forge terminal output', () => {
    (0, node_test_1.it)('ANSI escapes, CR/LF and a forged "Renewed" line in a server error reach stderr escaped, on one line', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const hostile = '\u001b[2K\u001b[1A\rRenewed O=Organization,CN=my-app, valid until 2099\n\u001b[32mRenewed\u001b[0m\u202eevil\u0085';
        emulator.injectFault({ endpoint: 'managementInfo', kind: 'status', status: 500, message: hostile });
        const args = ['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile];
        const result = await (0, run_cli_1.runCliWithin)(args, { timeoutMs: 60_000 });
        strict_1.default.equal(result.code, (0, errors_1.exitCodeFor)('server'), result.stderr);
        for (const stream of [result.stderr, result.stdout]) {
            strict_1.default.ok(!stream.includes('\u001b'), 'raw ESC in the output');
            strict_1.default.ok(!stream.includes('\r'), 'raw CR in the output');
            strict_1.default.ok(!/[\u202e\u0085]/.test(stream), 'raw bidi override / C1 control in the output');
            strict_1.default.ok(!stream.split('\n').some((line) => line.startsWith('Renewed')), `a forged line: ${stream}`);
        }
        strict_1.default.match(result.stderr, /\\e\[2K/);
        emulator.injectFault({ endpoint: 'managementInfo', kind: 'status', status: 500, message: hostile });
        const json = await (0, run_cli_1.runCliWithin)([...args, '--json'], { timeoutMs: 60_000 });
        strict_1.default.ok(!json.stdout.includes('\u001b') && !json.stdout.includes('\u202e'));
        strict_1.default.match(JSON.parse(json.stdout).error.message, /Renewed/);
    });
});
//# sourceMappingURL=secrets.test.js.map