"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The editor's log shows the lifecycle's lines next to its own: a fingerprint appears in one format everywhere
 * (`SHA-256 AB:CD:…`, as in the hover and the details page), never as the lower-case hex the service hashes with.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_test_1 = require("node:test");
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
(0, node_test_1.test)('renew, revoke and issue log fingerprints as SHA-256 colon-hex only', async () => {
    const lines = [];
    const log = (line) => void lines.push(line);
    const ws = await (0, fixtures_1.makeWorkspace)(emulator);
    const network = { infoUrl: emulator.infoUrl, caFile: emulator.serverCaFile, log };
    await (0, renew_1.renewCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, ...network });
    await (0, revoke_1.revokeCertificate)({ certFile: ws.certFile, keyFile: ws.keyFile, ...network });
    await (0, issue_1.issueCertificate)({ tokenUrl: emulator.mintToken('log-app').url, outDir: await (0, fixtures_1.tempDir)(), name: 'log-app', caFile: emulator.serverCaFile, log });
    const withFingerprints = lines.filter((l) => /sha-?256/i.test(l));
    strict_1.default.ok(withFingerprints.length >= 4, lines.join('\n'));
    for (const line of withFingerprints) {
        strict_1.default.match(line, /SHA-256 [0-9A-F]{2}(:[0-9A-F]{2}){31}\b/, line);
        strict_1.default.doesNotMatch(line, /\b[0-9a-f]{64}\b/, line);
    }
});
//# sourceMappingURL=logFormat.test.js.map