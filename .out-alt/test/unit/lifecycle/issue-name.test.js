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
 * Issuing without a file name: the name is asked once the token's answer told the application's name, and a
 * dismissed question leaves the folder untouched.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const node_test_1 = require("node:test");
const errors_1 = require("../../../src/core/errors");
const server_1 = require("../../../src/emulator/server");
const issue_1 = require("../../../src/lifecycle/issue");
const fixtures_1 = require("./fixtures");
let emulator;
(0, node_test_1.before)(async () => {
    emulator = await (0, server_1.startEmulator)();
});
(0, node_test_1.after)(() => emulator.close());
(0, node_test_1.test)('chooseName gets the application name and decides the files', async () => {
    const outDir = await (0, fixtures_1.tempDir)();
    const asked = [];
    const result = await (0, issue_1.issueCertificate)({
        tokenUrl: emulator.mintToken('billing-export').url,
        outDir,
        caFile: emulator.serverCaFile,
        chooseName: async (application) => {
            asked.push(application);
            return `${application}-prod`;
        },
    });
    strict_1.default.deepEqual(asked, ['billing-export']);
    strict_1.default.equal(result.certFile, path.join(outDir, 'billing-export-prod.crt'));
    strict_1.default.deepEqual((await node_fs_1.promises.readdir(outDir)).sort(), ['billing-export-prod-ca.crt', 'billing-export-prod.crt', 'billing-export-prod.key', 'billing-export-prod.kyma.json']);
});
(0, node_test_1.test)('a dismissed name question cancels before anything is generated or written', async () => {
    const outDir = await (0, fixtures_1.tempDir)();
    await strict_1.default.rejects((0, issue_1.issueCertificate)({ tokenUrl: emulator.mintToken('nameless').url, outDir, caFile: emulator.serverCaFile, chooseName: async () => undefined }), (e) => (0, errors_1.isKymaCertError)(e, 'cancelled'));
    strict_1.default.deepEqual(await node_fs_1.promises.readdir(outDir), []);
});
//# sourceMappingURL=issue-name.test.js.map