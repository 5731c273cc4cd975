"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/** `kyma-cert emulator` entry: argument parsing, the ready line, request logging and a clean stop on SIGTERM. */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_events_1 = require("node:events");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_readline_1 = require("node:readline");
const node_test_1 = require("node:test");
const certificate_1 = require("../../../src/core/certificate");
const csr_1 = require("../../../src/core/csr");
const errors_1 = require("../../../src/core/errors");
const emulator_1 = require("../../../src/emulator");
const certs_1 = require("../helpers/certs");
const support_1 = require("./support");
const CLI_MODULE = (0, node_path_1.join)(__dirname, '../../../src/emulator/cli.js');
(0, node_test_1.describe)('parseEmulatorArgs', () => {
    (0, node_test_1.it)('reads every flag, in both --flag value and --flag=value form', () => {
        strict_1.default.deepEqual((0, emulator_1.parseEmulatorArgs)(['--port', '8443', '--gateway-port=9443', '--internal-port', '8080', '--state-dir', '/tmp/s', '--validity', '2h', '--host', '::1', '--token-ttl=90s', '--ca-key-bits', '4096']), { port: 8443, gatewayPort: 9443, internalPort: 8080, stateDir: '/tmp/s', validityMs: 7_200_000, host: '::1', tokenTtlMs: 90_000, caKeyBits: 4096 });
        strict_1.default.deepEqual((0, emulator_1.parseEmulatorArgs)([]), {});
    });
    (0, node_test_1.it)('throws config errors for unknown flags, missing values, bad ports and durations', () => {
        for (const argv of [['--nope', '1'], ['--port'], ['--port', '70000'], ['--validity', '3y'], ['--ca-key-bits', '1024']]) {
            strict_1.default.throws(() => (0, emulator_1.parseEmulatorArgs)(argv), (e) => (0, errors_1.isKymaCertError)(e, 'config'), argv.join(' '));
        }
    });
});
(0, node_test_1.describe)('runEmulatorCli', () => {
    (0, node_test_1.it)('prints one JSON ready line, logs method/path/status without tokens, and exits 0 on SIGTERM', async () => {
        const stateDir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'wire-cli-'));
        const child = (0, node_child_process_1.spawn)(process.execPath, ['-e', `require(${JSON.stringify(CLI_MODULE)}).runEmulatorCli(process.argv.slice(1)).catch((e) => { console.error(e.message); process.exit(1); })`, '--', '--state-dir', stateDir, '--validity', '2h'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d.toString()));
        const exited = (0, node_events_1.once)(child, 'exit');
        try {
            const [line] = (await (0, node_events_1.once)((0, node_readline_1.createInterface)({ input: child.stdout }), 'line'));
            const ready = JSON.parse(line);
            strict_1.default.deepEqual(Object.keys(ready), ['connectorUrl', 'gatewayUrl', 'internalUrl', 'infoUrl', 'serverCaFile', 'clientCaFile']);
            strict_1.default.equal(ready.serverCaFile, (0, node_path_1.join)(stateDir, 'server-ca.crt'));
            strict_1.default.ok((0, node_fs_1.existsSync)(ready.clientCaFile));
            strict_1.default.equal(ready.infoUrl, `${ready.gatewayUrl}/v1/applications/management/info`);
            const token = JSON.parse((await (0, support_1.rawRequest)(`${ready.internalUrl}/v1/applications/tokens`, { method: 'POST', headers: { Application: 'cli-app', 'Content-Type': 'application/json' } })).body);
            const ca = await (0, promises_1.readFile)(ready.serverCaFile, 'utf8');
            const info = JSON.parse((await (0, support_1.rawRequest)(token.url, { ca })).body);
            const issued = await (0, support_1.rawRequest)(info.csrUrl, { method: 'POST', body: (0, support_1.csrBody)((0, csr_1.createCsr)((0, certs_1.kymaSubject)('cli-app'), (0, certs_1.keyNamed)('cli-key'))), ca });
            strict_1.default.equal(issued.status, 201);
            const cert = (0, certificate_1.certificateFacts)(Buffer.from(JSON.parse(issued.body).clientCrt, 'base64').toString());
            strict_1.default.equal(cert.notAfter.getTime() - cert.notBefore.getTime(), 7_200_000, '--validity 2h applies');
            child.kill('SIGTERM');
            const [code] = await exited;
            strict_1.default.equal(code, 0, stderr);
            strict_1.default.match(stderr, /^internal POST \/v1\/applications\/tokens 201$/m);
            strict_1.default.match(stderr, /^connector GET \/v1\/applications\/signingRequests\/info 200$/m);
            strict_1.default.match(stderr, /^connector POST \/v1\/applications\/certificates 201$/m);
            strict_1.default.ok(!stderr.includes(token.token), 'tokens never reach the log');
            strict_1.default.ok(!stderr.includes('BEGIN'), 'no PEM in the log');
            strict_1.default.match(stderr, /SIGTERM, shutting down/);
        }
        finally {
            if (child.exitCode === null)
                child.kill('SIGKILL');
            await (0, promises_1.rm)(stateDir, { recursive: true, force: true });
        }
    });
});
//# sourceMappingURL=cli.test.js.map