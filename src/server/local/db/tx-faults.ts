/**
 * Transaction faults: how the serialised local engine imitates CloudBase's
 * snapshot-isolated transactions, where a conflicting transaction is aborted
 * with DATABASE_TRANSACTION_CONFLICT and `runTransaction` re-runs its
 * callback. Locally nothing ever conflicts, so without these modes no re-run
 * path would ever execute.
 *
 * - rerun (`SIYU_TX_RERUN=1`, on for the whole jest suite): the first run of
 *   every `runTransaction` callback is rolled back as if it had conflicted,
 *   and the callback runs again; the second run commits and answers.
 * - conflict rate (`SIYU_TX_CONFLICT_RATE=0.2`, seed `SIYU_TX_SEED`): that
 *   share of transaction attempts is rolled back with the conflict error
 *   instead of committing, drawn from a seeded generator so a run repeats.
 */
import { seededRandom } from '../../../core/seeded-random';
import { invalidParam } from './errors';

export interface TransactionFaults {
  /** Roll back the first run of every `runTransaction` callback as a conflict, then run it again. */
  rerun: boolean;
  /** Share (0 to 1) of transaction attempts that end in DATABASE_TRANSACTION_CONFLICT instead of committing. */
  conflictRate: number;
  /** Seed of the conflict draws. */
  seed: number;
}

export const NO_TRANSACTION_FAULTS: TransactionFaults = { rerun: false, conflictRate: 0, seed: 1 };

/** The faults the environment asks for; a malformed value is refused rather than ignored. */
export function transactionFaultsFromEnv(env: Record<string, string | undefined> = process.env): TransactionFaults {
  const rerun = env.SIYU_TX_RERUN;
  if (rerun !== undefined && rerun !== '' && rerun !== '0' && rerun !== '1') {
    throw invalidParam(`SIYU_TX_RERUN must be 0 or 1, not ${JSON.stringify(rerun)}`);
  }
  return checkFaults({
    rerun: rerun === '1',
    conflictRate: env.SIYU_TX_CONFLICT_RATE ? Number(env.SIYU_TX_CONFLICT_RATE) : 0,
    seed: env.SIYU_TX_SEED ? Number(env.SIYU_TX_SEED) : NO_TRANSACTION_FAULTS.seed,
  });
}

export function checkFaults(faults: TransactionFaults): TransactionFaults {
  if (!(faults.conflictRate >= 0 && faults.conflictRate <= 1)) {
    throw invalidParam(`transaction conflict rate must be between 0 and 1, not ${faults.conflictRate}`);
  }
  if (!Number.isInteger(faults.seed)) throw invalidParam(`transaction fault seed must be an integer, not ${faults.seed}`);
  return faults;
}

/** Decides, attempt by attempt, which transactions conflict. */
export class ConflictInjector {
  private faults: TransactionFaults;
  private draw: () => number;

  constructor(faults: TransactionFaults) {
    this.faults = checkFaults(faults);
    this.draw = seededRandom(faults.seed);
  }

  get current(): TransactionFaults {
    return { ...this.faults };
  }

  /** Replaces the faults and restarts the draws from the (new) seed. */
  configure(faults: Partial<TransactionFaults>): void {
    this.faults = checkFaults({ ...this.faults, ...faults });
    this.draw = seededRandom(this.faults.seed);
  }

  /** Whether attempt `run` (1 for the first) of a `runTransaction` callback conflicts instead of committing. */
  callbackConflicts(run: number): boolean {
    if (this.faults.rerun && run === 1) return true;
    return this.drawConflict();
  }

  /** Whether a manual transaction's commit() conflicts (the rerun mode has no callback to re-run there). */
  commitConflicts(): boolean {
    return this.drawConflict();
  }

  private drawConflict(): boolean {
    const rate = this.faults.conflictRate;
    if (rate <= 0) return false;
    return rate >= 1 || this.draw() < rate;
  }
}
