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
 * Issue 7 row 9: a URL the server hands back on another host is refused before anything is sent to it.
 * The emulator answers with URLs on 127.0.0.1; configuring it as `localhost` makes those answers point at a host
 * other than the configured one (the same machine, so the old code would follow them and succeed). A pending fault
 * on the endpoint proves the request was never made: it is still pending afterwards.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const server_1 = require("../../../src/emulator/server");
const issue_1 = require("../../../src/lifecycle/issue");
const renew_1 = require("../../../src/lifecycle/renew");
const revoke_1 = require("../../../src/lifecycle/revoke");
const fixtures_1 = require("./fixtures");
let emulator;
(0, node_test_1.before)(async () => {
    emulator = await (0, server_1.startEmulator)({ now: (0, fixtures_1.steppingClock)() });
});
(0, node_test_1.after)(() => emulator.close());
const asLocalhost = (url) => url.replace('//127.0.0.1:', '//localhost:');
(0, node_test_1.describe)('URLs handed back by the server must stay on the configured host', () => {
    (0, node_test_1.it)('renew refuses a renewCertUrl on another host and never posts the CSR there; nothing changes', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const before = await (0, fixtures_1.treeFingerprint)(ws.dir);
        emulator.injectFault({ endpoint: 'renewals', kind: 'status', status: 500 });
        const pending = emulator.pendingFaults;
        await strict_1.default.rejects((0, renew_1.renewCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: asLocalhost(emulator.infoUrl), caFile: emulator.serverCaFile }), (e) => (0, errors_1.isKymaCertError)(e, 'server') && /renewCertUrl/.test(e.message) && /127\.0\.0\.1/.test(e.message));
        strict_1.default.equal(emulator.pendingFaults, pending, 'the renewal endpoint was called');
        strict_1.default.deepEqual(await (0, fixtures_1.treeFingerprint)(ws.dir), before);
    });
    (0, node_test_1.it)('revoke refuses a revokeCertUrl on another host and never calls it', async () => {
        const ws = await (0, fixtures_1.makeWorkspace)(emulator);
        const pending = emulator.pendingFaults;
        emulator.injectFault({ endpoint: 'revocations', kind: 'status', status: 500 });
        await strict_1.default.rejects((0, revoke_1.revokeCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, infoUrl: asLocalhost(emulator.infoUrl), caFile: emulator.serverCaFile }), (e) => (0, errors_1.isKymaCertError)(e, 'server') && /revokeCertUrl/.test(e.message));
        strict_1.default.equal(emulator.pendingFaults, pending + 1, 'the revocation endpoint was called');
    });
    (0, node_test_1.it)('issue refuses a csrUrl on another host: no CSR posted, no file written, the token not spent', async () => {
        const { url } = emulator.mintToken('hostile-csr');
        const outDir = path.join(await (0, fixtures_1.tempDir)(), 'out');
        const pending = emulator.pendingFaults;
        emulator.injectFault({ endpoint: 'certificates', kind: 'status', status: 500 });
        await strict_1.default.rejects((0, issue_1.issueCertificate)({ tokenUrl: asLocalhost(url), outDir, caFile: emulator.serverCaFile }), (e) => (0, errors_1.isKymaCertError)(e, 'server') && /csrUrl/.test(e.message) && !/token=/.test(e.message));
        strict_1.default.equal(emulator.pendingFaults, pending + 1, 'the CSR was posted');
        await strict_1.default.rejects(node_fs_1.promises.stat(outDir), 'the output folder was left behind');
    });
});
//# sourceMappingURL=hostile-urls.test.js.map