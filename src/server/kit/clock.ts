/** Epoch milliseconds. Services take the clock from `ActionContext.now` so tests can move time. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** A clock that moves only when told to: for tests and the local cloud's time travel. */
export function manualClock(startMs: number): ManualClock {
  let current = startMs;
  const clock = (() => current) as ManualClock;
  clock.set = (ms) => {
    current = ms;
  };
  clock.advance = (ms) => {
    current += ms;
  };
  return clock;
}
