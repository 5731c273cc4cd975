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
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `npm start` in its print-only form (`--no-editor`, no code-server): it must print the emulator's internal URL and
 * a command that, pasted into a shell as printed, mints a one-time token the emulator then accepts.
 */
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const node_readline_1 = require("node:readline");
const node_test_1 = require("node:test");
const node_util_1 = require("node:util");
const root = [(0, node_path_1.resolve)(__dirname, '../../../..'), process.cwd()].find((dir) => (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'scripts/demo.mjs'))) ?? process.cwd();
(0, node_test_1.test)('the demo prints the internal URL and a copy-pasteable command that mints a working token', async () => {
    const dir = await (0, promises_1.mkdtemp)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'kyma-demo-'));
    // Its own process group, so stopping it also stops the emulator it started.
    const demo = (0, node_child_process_1.spawn)(process.execPath, [(0, node_path_1.join)(root, 'scripts/demo.mjs'), '--no-build', '--no-editor', '--dir', dir], {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    demo.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise((r) => demo.once('exit', (code) => r(code)));
    try {
        const printed = [];
        // Read until the "Stop" line: the whole block has been printed then.
        for await (const line of (0, node_readline_1.createInterface)({ input: demo.stdout })) {
            printed.push(line);
            if (/^\s+Stop\s/.test(line))
                break;
        }
        const text = printed.join('\n');
        assert.match(text, /Emulator\s+internal API http:\/\/127\.0\.0\.1:\d+/, `${text}\n${stderr}`);
        const internalUrl = /internal API (\S+)/.exec(text)[1];
        const tokenLine = printed[printed.findIndex((l) => /^\s+Token\s/.test(l)) + 1]?.trim();
        assert.ok(tokenLine?.startsWith('curl '), text);
        assert.ok(tokenLine.includes(new URL(internalUrl).host), 'the command talks to the printed internal API');
        // Run it exactly as printed, as a user pasting it would.
        const { stdout } = await (0, node_util_1.promisify)(node_child_process_1.execFile)('sh', ['-c', tokenLine]);
        const answer = JSON.parse(stdout);
        assert.match(answer.url, /^https:\/\/127\.0\.0\.1:\d+\/v1\/applications\/signingRequests\/info\?token=/);
        // The token is real: the emulator's token endpoint answers it with the application's subject.
        const { stdout: info } = await (0, node_util_1.promisify)(node_child_process_1.execFile)('curl', ['-s', '-k', answer.url]);
        assert.match(JSON.parse(info).certificate.subject, /CN=new-app/);
        assert.ok((0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'my-service/certs/app.crt')), 'the demo certificate was written');
    }
    finally {
        try {
            process.kill(-demo.pid, 'SIGTERM');
        }
        catch {
            // already gone
        }
        await exited;
        await (0, promises_1.rm)(dir, { recursive: true, force: true });
    }
});
//# sourceMappingURL=demo.test.js.map