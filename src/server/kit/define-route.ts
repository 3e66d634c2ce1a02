import type { z } from 'zod';
import type { Route } from './types';

/** Identity: lets TypeScript infer the handler's input from the schema. */
export function defineRoute<S extends z.ZodType, R>(route: Route<S, R>): Route<S, R> {
  return route;
}
