"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Delays = void 0;
/**
 * Timers for the delay fault. They are tracked so `close()` can clear them: a delayed request must not keep the
 * process (or a test run) alive after the emulator is closed.
 */
class Delays {
    pending = new Set();
    wait(ms) {
        return new Promise((resolve, reject) => {
            const entry = {
                timer: setTimeout(() => {
                    this.pending.delete(entry);
                    resolve();
                }, ms),
                reject,
            };
            this.pending.add(entry);
        });
    }
    cancelAll() {
        for (const entry of this.pending) {
            clearTimeout(entry.timer);
            entry.reject(new Error('emulator closed'));
        }
        this.pending.clear();
    }
}
exports.Delays = Delays;
//# sourceMappingURL=delays.js.map