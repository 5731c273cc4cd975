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
 * Issue 7, item 11: every answer the connector client reads is bounded in size and time. A hostile HTTPS server on
 * loopback (the emulator's real server certificate, so TLS verification passes) streams an endless body, or
 * trickles one byte at a time forever: the client stops at 1 MiB with a typed `server` error, and at its deadline
 * with a typed `timeout` error, instead of filling memory or waiting forever.
 */
const strict_1 = __importDefault(require("node:assert/strict"));
const promises_1 = require("node:fs/promises");
const https = __importStar(require("node:https"));
const node_path_1 = require("node:path");
const node_test_1 = require("node:test");
const connector_1 = require("../../../src/connector");
const errors_1 = require("../../../src/core/errors");
const emulator_1 = require("../../../src/emulator");
let emulator;
let hostile;
let base;
const timers = new Set();
(0, node_test_1.before)(async () => {
    emulator = await (0, emulator_1.startEmulator)();
    const [cert, key] = await Promise.all([(0, promises_1.readFile)((0, node_path_1.join)(emulator.stateDir, 'server.crt')), (0, promises_1.readFile)((0, node_path_1.join)(emulator.stateDir, 'server.key'))]);
    hostile = https.createServer({ cert, key }, (req, res) => {
        const path = new URL(req.url ?? '/', 'https://hostile').pathname;
        const status = path.startsWith('/error') ? 500 : 200;
        res.writeHead(status, { 'Content-Type': 'application/json' });
        if (path.endsWith('/endless')) {
            const chunk = Buffer.alloc(64 * 1024, 0x20);
            const pump = () => {
                while (!res.destroyed && res.write(chunk))
                    ;
                if (!res.destroyed)
                    res.once('drain', pump);
            };
            res.write('{"error":"');
            pump();
        }
        else {
            // One byte every 50 ms, forever: a slow-loris answer that never finishes.
            res.write('{');
            const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
            timers.add(timer);
        }
    });
    await new Promise((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    base = `https://127.0.0.1:${hostile.address().port}`;
});
(0, node_test_1.after)(async () => {
    for (const t of timers)
        clearInterval(t);
    hostile.closeAllConnections();
    await new Promise((r) => hostile.close(r));
    await emulator.close();
});
const client = (timeoutMs) => new connector_1.ConnectorClient({ tls: { caPem: emulator.serverCaPem }, timeoutMs });
(0, node_test_1.describe)('connector answers are bounded', () => {
    for (const path of ['/ok/endless', '/error/endless']) {
        (0, node_test_1.it)(`an endless body (${path}) stops at 1 MiB with a typed server error`, async () => {
            const started = Date.now();
            const before = process.memoryUsage().rss;
            await strict_1.default.rejects(client(60_000).getSigningRequestInfo(`${base}${path}?token=x`), (e) => {
                strict_1.default.ok((0, errors_1.isKymaCertError)(e, 'server'), String(e));
                strict_1.default.match(e.message, /larger than 1024 KiB/);
                return true;
            });
            strict_1.default.ok(Date.now() - started < 30_000);
            strict_1.default.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024);
        });
    }
    (0, node_test_1.it)('an answer that never finishes ends at the deadline with a typed timeout error', async () => {
        const started = Date.now();
        await strict_1.default.rejects(client(1500).getSigningRequestInfo(`${base}/ok/trickle?token=x`), (e) => (0, errors_1.isKymaCertError)(e, 'timeout'));
        const elapsed = Date.now() - started;
        strict_1.default.ok(elapsed >= 1400 && elapsed < 15_000, `${elapsed} ms`);
    });
});
//# sourceMappingURL=answerLimits.test.js.map