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
const backups_1 = require("../../../src/lifecycle/backups");
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
(0, node_test_1.describe)('kyma-cert renew (dist/cli.js)', () => {
    (0, node_test_1.it)('renew --json renews, prints the result on stdout and progress on stderr; a second renew needs no flags', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        // Only a CA file inside the certificate's folder is remembered (a remembered path may not lead outside it).
        const serverCa = path.join(ws.dir, 'server-ca.pem');
        await node_fs_1.promises.copyFile(emulator.serverCaFile, serverCa);
        const result = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', emulator.infoUrl, '--ca-file', serverCa, '--json']);
        strict_1.default.equal(result.code, 0, result.stderr + result.stdout);
        const doc = parseJson(result.stdout);
        strict_1.default.equal(doc.previous.sha256Hex, ws.sha256Hex);
        strict_1.default.notEqual(doc.renewed.sha256Hex, ws.sha256Hex);
        strict_1.default.equal(doc.renewed.commonName, 'my-app');
        strict_1.default.match(result.stderr, /Requesting the renewed certificate/);
        // The key is found next to the certificate and the URL and CA file are remembered.
        const again = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile]);
        strict_1.default.equal(again.code, 0, again.stderr);
        strict_1.default.match(again.stdout, /^Renewed CN=my-app, valid until /);
    });
    (0, node_test_1.it)('renew maps failures to exit codes and --json errors, leaving files alone', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const base = ['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--ca-file', emulator.serverCaFile, '--json'];
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        const noUrl = await (0, run_cli_1.runCli)(base);
        strict_1.default.equal(noUrl.code, 2);
        const err = parseJson(noUrl.stdout).error;
        strict_1.default.equal(err.kind, 'config');
        strict_1.default.match(err.hint ?? '', /--info-url/);
        emulator.injectFault({ endpoint: 'renewals', kind: 'wrong-subject' });
        const bad = await (0, run_cli_1.runCli)([...base, '--info-url', emulator.infoUrl]);
        strict_1.default.equal(bad.code, (0, errors_1.exitCodeFor)('verification'));
        strict_1.default.equal(parseJson(bad.stdout).error.kind, 'verification');
        emulator.injectFault({ endpoint: 'renewals', kind: 'status', status: 500 });
        const server = await (0, run_cli_1.runCli)([...base, '--info-url', emulator.infoUrl]);
        strict_1.default.equal(server.code, (0, errors_1.exitCodeFor)('server'));
        emulator.injectFault({ endpoint: 'renewals', kind: 'delay', ms: 60_000 });
        const slow = await (0, run_cli_1.runCli)([...base, '--info-url', emulator.infoUrl, '--timeout', '2.5']);
        strict_1.default.equal(slow.code, (0, errors_1.exitCodeFor)('timeout'));
        strict_1.default.equal(parseJson(slow.stdout).error.kind, 'timeout');
        const human = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile, '--key', ws.keyFile, '--info-url', 'http://example.invalid/x']);
        strict_1.default.equal(human.code, 2);
        strict_1.default.match(human.stderr, /^kyma-cert: .*https/m);
        strict_1.default.equal(human.stdout, '');
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
    });
    (0, node_test_1.it)('renew refuses an expired certificate with exit 4 and the token hint', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator, { notBefore: new Date(Date.now() - 10 * fixtures_1.DAY_MS), validityMs: fixtures_1.DAY_MS });
        const result = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile]);
        strict_1.default.equal(result.code, 4);
        strict_1.default.match(result.stderr, /expired/);
        strict_1.default.match(result.stderr, /hint: .*token/);
    });
    (0, node_test_1.it)('--insecure works without a CA file and warns on stderr', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const result = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile, '--info-url', emulator.infoUrl, '--insecure']);
        strict_1.default.equal(result.code, 0, result.stderr);
        strict_1.default.match(result.stderr, /warning: --insecure/);
        const untrusted = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile, '--info-url', emulator.infoUrl, '--json']);
        strict_1.default.equal(untrusted.code, (0, errors_1.exitCodeFor)('untrusted-server'));
    });
    (0, node_test_1.it)('a renewal in another process holds the lock: ours fails with locked, exactly one renewal happens', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        // Keep the child's renewal request open long enough for our attempt; the child's first progress line is
        // printed while it holds the lock, so that is the moment to try.
        emulator.injectFault({ endpoint: 'renewals', kind: 'delay', ms: 1500 });
        const child = (0, run_cli_1.startCli)(['renew', '--cert', ws.certFile, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile]);
        const done = (0, run_cli_1.finished)(child);
        await (0, node_events_1.once)(child.stderr, 'data');
        await strict_1.default.rejects((0, renew_1.renewCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile }), (e) => (0, errors_1.isKymaCertError)(e, 'locked'));
        const result = await done;
        strict_1.default.equal(result.code, 0, result.stderr);
        strict_1.default.equal((await (0, backups_1.listBackups)(ws.certFile)).length, 1);
    });
});
//# sourceMappingURL=renew.test.js.map