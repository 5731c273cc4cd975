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
 * Issue 7 row 6, through the real CLI: a `<name>.kyma.json` naming a key outside the certificate's folder is a
 * `config` error naming that file, and the key it names is never used; an explicit --key outside the folder is fine.
 */
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
(0, node_test_1.describe)('kyma-cert renew uses the one resolver', () => {
    (0, node_test_1.it)('refuses a remembered keyFile outside the folder (config, names the file); an explicit --key there works', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const elsewhere = await (0, fixtures_1.tempDir)();
        const outsideKey = path.join(elsewhere, 'x.key');
        await node_fs_1.promises.rename(ws.keyFile, outsideKey); // the only copy of the key now lives outside the folder
        const connectionFile = path.join(ws.dir, 'app.kyma.json');
        await node_fs_1.promises.writeFile(connectionFile, JSON.stringify({ infoUrl: emulator.infoUrl, keyFile: path.relative(ws.dir, outsideKey) }));
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        const planted = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile, '--ca-file', emulator.serverCaFile, '--json']);
        strict_1.default.equal(planted.code, (0, errors_1.exitCodeFor)('config'), planted.stdout + planted.stderr);
        const error = JSON.parse(planted.stdout).error;
        strict_1.default.equal(error.kind, 'config');
        strict_1.default.ok(error.message.includes(connectionFile), error.message);
        strict_1.default.match(error.message, /outside the certificate's folder/);
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
        const explicit = await (0, run_cli_1.runCli)(['renew', '--cert', ws.certFile, '--key', outsideKey, '--info-url', emulator.infoUrl, '--ca-file', emulator.serverCaFile]);
        strict_1.default.equal(explicit.code, 0, explicit.stderr);
        // The rewritten connection no longer names the outside key.
        const remembered = JSON.parse(await node_fs_1.promises.readFile(connectionFile, 'utf8'));
        strict_1.default.equal(remembered.keyFile, undefined);
    });
});
//# sourceMappingURL=resolver.test.js.map