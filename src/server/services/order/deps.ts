import type { Db } from '../../db';
import type { Logger } from '../../kit/types';

/** What the services need; an ActionContext is one. */
export interface ServiceDeps {
  db: Db;
  now(): number;
  log: Logger;
}
