/**
 * A FIFO async mutex. Transactions hold it for their whole life; single
 * operations take it for one synchronous step, so nothing interleaves into an
 * open transaction on the shared SQLite connection.
 */
export class AsyncLock {
  private held = false;
  private readonly waiters: Array<() => void> = [];

  /** Resolves once the caller owns the lock. Always asynchronous. */
  async acquire(): Promise<void> {
    if (!this.held && this.waiters.length === 0) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Takes the lock at once when it is free (answers whether it did). */
  tryAcquire(): boolean {
    if (this.held || this.waiters.length > 0) return false;
    this.held = true;
    return true;
  }

  /** How many callers wait for the lock now. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Hands the lock to the next waiter (ownership passes without a gap) or frees it. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}
