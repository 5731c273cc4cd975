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
const strict_1 = __importDefault(require("node:assert/strict"));
const node_events_1 = require("node:events");
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const server_1 = require("../../../src/emulator/server");
const renew_1 = require("../../../src/lifecycle/renew");
const fixtures_1 = require("../lifecycle/fixtures");
const run_cli_1 = require("./run-cli");
let emulator;
(0, node_test_1.before)(async () => {
    (0, run_cli_1.ensureCliBuilt)();
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)() });
});
(0, node_test_1.after)(() => emulator.close());
function parseJson(stdout) {
    return JSON.parse(stdout);
}
(0, node_test_1.describe)('kyma-cert revoke, issue, restore (dist/cli.js)', () => {
    (0, node_test_1.it)('revoke refuses without a terminal unless --yes; after revoking, renew exits 4 (revoked)', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const args = ['revoke', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile];
        const refused = await (0, run_cli_1.runCli)(args);
        strict_1.default.equal(refused.code, 2);
        strict_1.default.match(refused.stderr, /--yes/);
        strict_1.default.equal(emulator.isRevoked(ws.sha256Hex), false);
        const revoked = await (0, run_cli_1.runCli)([...args, '--yes', '--json']);
        strict_1.default.equal(revoked.code, 0, revoked.stderr);
        strict_1.default.equal(parseJson(revoked.stdout).sha256Hex, ws.sha256Hex);
        strict_1.default.ok(emulator.isRevoked(ws.sha256Hex));
        // The URL and the key come from the remembered connection; the CA file outside the folder is not remembered.
        const renew = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile, '--ca-file', emulator.serverCaFile, '--json']);
        strict_1.default.equal(renew.code, 4);
        const err = parseJson(renew.stdout).error;
        strict_1.default.equal(err.kind, 'revoked');
        strict_1.default.match(err.hint ?? '', /token/);
    });
    (0, node_test_1.it)('issue writes a certificate from a token; a used token exits 4 with nothing written', async () => {
        const { url } = emulator.mintToken('my-app');
        const dir = await (0, fixtures_1.tempDir)();
        const ok = await (0, run_cli_1.runCli)(['issue', '--token-url', url, '--out-dir', dir, '--name', 'my-app', '--ca-file', emulator.serverCaFile, '--json']);
        strict_1.default.equal(ok.code, 0, ok.stderr);
        const doc = parseJson(ok.stdout);
        strict_1.default.equal(doc.certFile, path.join(dir, 'my-app.crt'));
        strict_1.default.equal((await node_fs_1.promises.stat(doc.keyFile)).mode & 0o777, 0o600);
        const empty = await (0, fixtures_1.tempDir)();
        const used = await (0, run_cli_1.runCli)(['issue', '--token-url', url, '--out-dir', empty, '--ca-file', emulator.serverCaFile, '--json']);
        strict_1.default.equal(used.code, 4);
        strict_1.default.equal(parseJson(used.stdout).error.kind, 'invalid-token');
        strict_1.default.deepEqual(await node_fs_1.promises.readdir(empty), []);
    });
    (0, node_test_1.it)('restore puts the previous certificate back', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        await (0, renew_1.renewCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile });
        const list = await (0, run_cli_1.runCli)(['restore', '--cert', ws.certFile, '--list', '--json']);
        strict_1.default.equal(parseJson(list.stdout).backups.length, 1);
        const result = await (0, run_cli_1.runCli)(['restore', '--cert', ws.certFile, '--json']);
        strict_1.default.equal(result.code, 0, result.stderr);
        strict_1.default.equal(parseJson(result.stdout).restored.sha256Hex, ws.sha256Hex);
    });
});
(0, node_test_1.describe)('kyma-cert emulator + the other subcommands, end to end', () => {
    (0, node_test_1.it)('serves a token, an issue, an inspect, a revocation and a refused renewal across processes; stops on SIGTERM', async () => {
        const server = (0, run_cli_1.startCli)(['emulator']);
        const serverDone = (0, run_cli_1.finished)(server);
        const [line] = (await (0, node_events_1.once)(server.stdout, 'data'));
        const ready = JSON.parse(line.toString().split('\n')[0]);
        const tokenResponse = await fetch(`${ready.internalUrl}/v1/applications/tokens`, { method: 'POST', headers: { Application: 'e2e-app', 'Content-Type': 'application/json' } });
        strict_1.default.equal(tokenResponse.status, 201);
        const { url } = (await tokenResponse.json());
        const dir = await (0, fixtures_1.tempDir)();
        const issued = await (0, run_cli_1.runCli)(['issue', '--token-url', url, '--out-dir', dir, '--ca-file', ready.serverCaFile]);
        strict_1.default.equal(issued.code, 0, issued.stderr);
        const certFile = path.join(dir, 'client.crt');
        const inspected = await (0, run_cli_1.runCli)(['inspect', certFile, path.join(dir, 'client-ca.crt')]);
        strict_1.default.equal(inspected.code, 0);
        strict_1.default.match(inspected.stdout, /CN=e2e-app/);
        // The URL comes from the remembered connection and the key from next to the certificate; the server CA lies
        // outside the folder, so it is not remembered (a remembered path may not lead outside) and is passed again.
        const revoked = await (0, run_cli_1.runCli)(['revoke', '--cert', certFile, '--yes', '--ca-file', ready.serverCaFile]);
        strict_1.default.equal(revoked.code, 0, revoked.stderr);
        const renewed = await (0, run_cli_1.runCli)(['renew', '--cert', certFile, '--ca-file', ready.serverCaFile, '--json']);
        strict_1.default.equal(renewed.code, (0, errors_1.exitCodeFor)('revoked'));
        strict_1.default.equal(parseJson(renewed.stdout).error.kind, 'revoked');
        server.kill('SIGTERM');
        const stopped = await serverDone;
        strict_1.default.equal(stopped.code, 0, stopped.stderr);
    });
});
//# sourceMappingURL=revoke-issue-restore.test.js.map