import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import type { FieldIssue } from './kit-errors';

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; fields: FieldIssue[] };

// Chinese messages for zod's built-in checks, per parse, so the process-wide zod config stays untouched.
const chineseMessages = zhCN().localeError;

/** Parses `data` with the route's schema: defaults applied, unknown keys handled as the schema says. */
export async function validateInput<S extends z.ZodType>(schema: S, data: unknown): Promise<ValidationResult<z.output<S>>> {
  const result = await schema.safeParseAsync(data, { error: chineseMessages });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    fields: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}
