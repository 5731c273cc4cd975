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
const connection_1 = require("../../../src/lifecycle/connection");
const management_1 = require("../../../src/lifecycle/management");
const fixtures_1 = require("./fixtures");
(0, node_test_1.describe)('remembered connection', () => {
    (0, node_test_1.it)('round-trips with paths stored relative to the certificate folder', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const certFile = path.join(dir, 'certs', 'app.crt');
        await node_fs_1.promises.mkdir(path.dirname(certFile));
        const connection = {
            infoUrl: 'https://gateway.example.test/v1/applications/management/info',
            keyFile: path.join(dir, 'certs', 'app.key'),
            caFile: path.join(dir, 'cluster-ca.pem'),
            revoked: { at: '2025-01-01T00:00:00.000Z', sha256Hex: 'ab'.repeat(32) },
        };
        await (0, connection_1.writeConnection)(certFile, connection);
        const stored = JSON.parse(await node_fs_1.promises.readFile(path.join(dir, 'certs', 'app.kyma.json'), 'utf8'));
        strict_1.default.equal(stored.keyFile, 'app.key');
        strict_1.default.equal(stored.caFile, undefined, 'a path outside the folder is not remembered');
        strict_1.default.deepEqual(await (0, connection_1.readConnection)(certFile), { ...connection, caFile: undefined });
    });
    (0, node_test_1.it)('is undefined when absent and a config error when broken', async () => {
        const dir = await (0, fixtures_1.tempDir)();
        const certFile = path.join(dir, 'app.crt');
        strict_1.default.equal(await (0, connection_1.readConnection)(certFile), undefined);
        await node_fs_1.promises.writeFile(path.join(dir, 'app.kyma.json'), '{ not json');
        await strict_1.default.rejects((0, connection_1.readConnection)(certFile), (e) => (0, errors_1.isKymaCertError)(e, 'config'));
        await node_fs_1.promises.writeFile(path.join(dir, 'app.kyma.json'), '{"keyFile":"app.key"}');
        await strict_1.default.rejects((0, connection_1.readConnection)(certFile), (e) => (0, errors_1.isKymaCertError)(e, 'config') && /infoUrl/.test(e.message));
    });
    (0, node_test_1.it)('derives the gateway info URL from a cluster domain', () => {
        strict_1.default.equal((0, management_1.infoUrlForDomain)('local.kyma.dev'), 'https://gateway.local.kyma.dev/v1/applications/management/info');
        strict_1.default.equal((0, management_1.infoUrlForDomain)('https://kyma.example.com/'), 'https://gateway.kyma.example.com/v1/applications/management/info');
    });
});
//# sourceMappingURL=connection.test.js.map