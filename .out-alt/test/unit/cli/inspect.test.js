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
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const server_1 = require("../../../src/emulator/server");
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
(0, node_test_1.describe)('kyma-cert help and inspect (dist/cli.js)', () => {
    (0, node_test_1.it)('prints help with exit 0, and exits 2 on no or unknown command', async () => {
        const help = await (0, run_cli_1.runCli)(['--help']);
        strict_1.default.equal(help.code, 0);
        strict_1.default.match(help.stdout, /renew/);
        strict_1.default.equal((await (0, run_cli_1.runCli)([])).code, 2);
        const unknown = await (0, run_cli_1.runCli)(['frobnicate', '--json']);
        strict_1.default.equal(unknown.code, 2);
        strict_1.default.equal(parseJson(unknown.stdout).error.kind, 'config');
        const badFlag = await (0, run_cli_1.runCli)(['renew', '--cert', 'x', '--bogus']);
        strict_1.default.equal(badFlag.code, 2);
        strict_1.default.match(badFlag.stderr, /bogus/);
    });
    (0, node_test_1.it)('inspect lists every certificate of every file with days left and state', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator, { layout: 'chain' });
        const other = await (0, fixtures_1.makeWorkspace)(emulator, { notBefore: new Date(Date.now() - 10 * fixtures_1.DAY_MS), validityMs: fixtures_1.DAY_MS });
        const result = await (0, run_cli_1.runCli)(['inspect', ws.certFile, other.certFile, '--json']);
        strict_1.default.equal(result.code, 0, result.stderr);
        const doc = parseJson(result.stdout);
        strict_1.default.equal(doc.files.length, 2);
        strict_1.default.equal(doc.files[0].certificates.length, 2);
        strict_1.default.equal(doc.files[0].certificates[0].commonName, 'my-app');
        strict_1.default.equal(doc.files[0].certificates[0].state, 'valid');
        strict_1.default.equal(doc.files[0].certificates[0].daysLeft, 90);
        strict_1.default.equal(doc.files[0].certificates[1].isCA, true);
        strict_1.default.equal(doc.files[1].certificates[0].state, 'expired');
        const human = await (0, run_cli_1.runCli)(['inspect', ws.certFile]);
        strict_1.default.equal(human.code, 0);
        strict_1.default.match(human.stdout, /CN=my-app/);
        strict_1.default.match(human.stdout, /expires in 90 days/);
        const junk = path.join(ws.dir, 'junk.crt');
        await node_fs_1.promises.writeFile(junk, 'not a certificate');
        const bad = await (0, run_cli_1.runCli)(['inspect', junk]);
        strict_1.default.equal(bad.code, (0, errors_1.exitCodeFor)('parse'));
    });
});
//# sourceMappingURL=inspect.test.js.map