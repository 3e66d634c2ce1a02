/**
 * Keeps two runs of the same trigger from overlapping. A scheduled tick
 * that finds its trigger still running is skipped (as CloudBase would not
 * stack them locally either); a manual fire waits its turn.
 */
export class TriggerGate {
  private readonly running = new Map<string, Promise<unknown>>();

  isRunning(key: string): boolean {
    return this.running.has(key);
  }

  /** Runs `task` unless `key` is running; answers whether it ran. */
  async runUnlessBusy(key: string, task: () => Promise<unknown>): Promise<boolean> {
    if (this.running.has(key)) return false;
    await this.hold(key, task);
    return true;
  }

  /** Waits for any run of `key` to end, then runs `task`. */
  async runWhenFree<T>(key: string, task: () => Promise<T>): Promise<T> {
    for (let busy = this.running.get(key); busy; busy = this.running.get(key)) {
      await busy.catch(() => undefined);
    }
    return this.hold(key, task);
  }

  /** Resolves when nothing is running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private async hold<T>(key: string, task: () => Promise<T>): Promise<T> {
    const run = task();
    this.running.set(key, run);
    try {
      return await run;
    } finally {
      this.running.delete(key);
    }
  }
}
