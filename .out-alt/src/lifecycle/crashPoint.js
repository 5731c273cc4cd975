"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.crashPoint = crashPoint;
/**
 * A test-only fault hook: `KYMA_CERT_TEST_CRASH_AT=<step>` kills this process with SIGKILL when the write phase
 * reaches `<step>` (e.g. `temp:0`, `journal`, `rename:2`, `synced`, `renew:written`). The crash test runs the CLI in
 * a child process once per step and then checks what a real `kill -9` at that moment leaves on disk. Without the
 * variable this is a no-op.
 */
const node_fs_1 = require("node:fs");
function crashPoint(step) {
    if (process.env.KYMA_CERT_TEST_CRASH_AT === step)
        process.kill(process.pid, 'SIGKILL');
    // Let a test list every step a run passes through (one line per step, appended).
    const trace = process.env.KYMA_CERT_TEST_TRACE_STEPS;
    if (trace)
        (0, node_fs_1.appendFileSync)(trace, `${step}\n`);
}
//# sourceMappingURL=crashPoint.js.map