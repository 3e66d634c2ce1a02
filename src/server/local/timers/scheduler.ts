import { Cron } from 'croner';
import type { Logger } from '../../kit/types';
import type { LocalFunction } from '../functions';
import { CLOUDBASE_TIMEZONE, isExhausted, matchesYear } from './cron';
import type { TriggerGate } from './gate';

export interface Scheduler {
  stop(): void;
}

/** Starts a croner job per timer trigger; `run` is called with the gate already held. */
export function startScheduler(
  functions: Iterable<LocalFunction>,
  gate: TriggerGate,
  run: (fn: LocalFunction, triggerName: string) => Promise<unknown>,
  log: Logger,
): Scheduler {
  const jobs: Cron[] = [];
  for (const fn of functions) {
    for (const trigger of fn.triggers) {
      const key = triggerKey(fn.name, trigger.name);
      if (isExhausted(trigger.cron, new Date())) {
        log.warn('timer trigger has no future year, not scheduled', { function: fn.name, trigger: trigger.name });
        continue;
      }
      const job = new Cron(trigger.cron.pattern, { timezone: CLOUDBASE_TIMEZONE, unref: true }, (self: Cron) => {
        const tick = new Date();
        if (isExhausted(trigger.cron, tick)) return self.stop();
        if (!matchesYear(trigger.cron, tick)) return;
        void gate
          .runUnlessBusy(key, () => run(fn, trigger.name))
          .then((ran) => {
            if (!ran) log.warn('timer skipped: previous run still going', { function: fn.name, trigger: trigger.name });
          })
          .catch((error: unknown) => log.error('timer run failed', { function: fn.name, trigger: trigger.name, error }));
      });
      jobs.push(job);
    }
  }
  return { stop: () => jobs.forEach((job) => job.stop()) };
}

export function triggerKey(functionName: string, triggerName: string): string {
  return `${functionName}/${triggerName}`;
}
