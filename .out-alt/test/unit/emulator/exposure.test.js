"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * Issue 7, row 17: the emulator is a test tool for this machine. It refuses a non-loopback listen address unless
 * `--listen-any` is given (and then warns), and its unauthenticated internal API refuses what a web page could send
 * it: a cross-origin `text/plain` POST (no CORS preflight needed) gets 415, any request carrying `Origin` gets 403.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_crypto_1 = require("node:crypto");
const node_events_1 = require("node:events");
const node_readline_1 = require("node:readline");
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const server_1 = require("../../../src/emulator/server");
const run_cli_1 = require("../cli/run-cli");
const support_1 = require("./support");
let emulator;
(0, node_test_1.before)(async () => {
    (0, run_cli_1.ensureCliBuilt)();
    emulator = await (0, server_1.startEmulator)();
});
(0, node_test_1.after)(() => emulator.close());
const publicKeyPem = (0, node_crypto_1.generateKeyPairSync)('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
(0, node_test_1.describe)('emulator listen address', () => {
    (0, node_test_1.it)('knows loopback from the rest', () => {
        for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
            strict_1.default.ok((0, server_1.isLoopbackHost)(host), host);
        for (const host of ['0.0.0.0', '::', '', '10.0.0.1', '192.168.1.5', 'example.com', '::ffff:10.0.0.1'])
            strict_1.default.ok(!(0, server_1.isLoopbackHost)(host), host);
    });
    (0, node_test_1.it)('startEmulator refuses 0.0.0.0 without listenAny', async () => {
        await strict_1.default.rejects((0, server_1.startEmulator)({ host: '0.0.0.0' }), (e) => (0, errors_1.isKymaCertError)(e, 'config') && /loopback/.test(e.message));
    });
    (0, node_test_1.it)('kyma-cert emulator --host 0.0.0.0 exits with a config error and listens nowhere', async () => {
        const result = await (0, run_cli_1.runCliWithin)(['emulator', '--host', '0.0.0.0'], { timeoutMs: 20_000 });
        strict_1.default.equal(result.code, (0, errors_1.exitCodeFor)('config'));
        strict_1.default.match(result.stderr, /not a loopback address/);
        strict_1.default.match(result.stderr, /--listen-any/);
        strict_1.default.equal(result.stdout, '');
    });
    (0, node_test_1.it)('--listen-any listens on 0.0.0.0 and warns on stderr', async () => {
        const child = (0, run_cli_1.startCli)(['emulator', '--host', '0.0.0.0', '--listen-any']);
        let stderr = '';
        child.stderr?.on('data', (d) => (stderr += d.toString()));
        const exited = (0, node_events_1.once)(child, 'exit');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        try {
            const [line] = (await (0, node_events_1.once)((0, node_readline_1.createInterface)({ input: child.stdout }), 'line'));
            const ready = JSON.parse(line);
            strict_1.default.match(ready.internalUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
            strict_1.default.match(stderr, /warning: --listen-any: .*0\.0\.0\.0/);
        }
        finally {
            child.kill('SIGTERM');
            await exited;
            clearTimeout(timer);
        }
    });
});
(0, node_test_1.describe)('emulator internal API refuses browser requests', () => {
    const issue = (headers) => (0, support_1.rawRequest)(`${emulator.internalUrl}/emulator/certificates`, { method: 'POST', headers, body: JSON.stringify({ publicKeyPem, application: 'web' }) });
    (0, node_test_1.it)('a text/plain POST (what a page can send cross-origin without preflight) gets 415 and issues nothing', async () => {
        const refused = await issue({ 'Content-Type': 'text/plain' });
        strict_1.default.equal(refused.status, 415);
        strict_1.default.equal(JSON.parse(refused.body).crt, undefined);
        strict_1.default.equal((await issue({})).status, 415);
        strict_1.default.equal((await issue({ 'Content-Type': 'application/x-www-form-urlencoded' })).status, 415);
        const tokens = await (0, support_1.rawRequest)(`${emulator.internalUrl}/v1/applications/tokens`, { method: 'POST', headers: { Application: 'web', 'Content-Type': 'text/plain' } });
        strict_1.default.equal(tokens.status, 415);
        const revoke = await (0, support_1.rawRequest)(`${emulator.internalUrl}/v1/applications/certificates/revocations`, {
            method: 'POST',
            headers: { 'Content-Type': 'text/plain' },
            body: '{"hash":"feed"}',
        });
        strict_1.default.equal(revoke.status, 415);
        strict_1.default.equal(emulator.isRevoked('feed'), false);
    });
    (0, node_test_1.it)('a request with an Origin header gets 403 even as JSON; plain JSON from a script works', async () => {
        strict_1.default.equal((await issue({ 'Content-Type': 'application/json', Origin: 'http://evil.example' })).status, 403);
        const ok = await issue({ 'Content-Type': 'application/json; charset=utf-8' });
        strict_1.default.equal(ok.status, 201, ok.body);
    });
});
//# sourceMappingURL=exposure.test.js.map