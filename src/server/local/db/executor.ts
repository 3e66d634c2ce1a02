import type { DocumentEngine } from './engine';
import type { Clock } from './values';

/**
 * How collection and document objects reach the engine. Outside a
 * transaction each call takes the database lock for one synchronous step;
 * inside one it runs in the open transaction. Both always answer
 * asynchronously, so concurrent callers interleave only between operations.
 */
export interface Executor {
  readonly now: Clock;
  read<T>(work: (engine: DocumentEngine) => T): Promise<T>;
  write<T>(work: (engine: DocumentEngine) => T): Promise<T>;
}
