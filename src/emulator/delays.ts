/**
 * Timers for the delay fault. They are tracked so `close()` can clear them: a delayed request must not keep the
 * process (or a test run) alive after the emulator is closed.
 */
export class Delays {
  private readonly pending = new Set<{ timer: NodeJS.Timeout; reject: (e: Error) => void }>();

  wait(ms: number): Promise<void> {
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

  cancelAll(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(new Error('emulator closed'));
    }
    this.pending.clear();
  }
}
