import type { z } from 'zod';
import { zhCN } from 'zod/locales';
import type { FieldIssue } from './kit-errors';

/** A failed field; `reason` is the stable code of a shared field refinement (`TEXT_CONTROL_CHARS`, `INVALID_ID`…, see core/contracts/fields). */
export type ValidatedFieldIssue = FieldIssue & { reason?: string };

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; fields: ValidatedFieldIssue[] };

// Chinese messages for zod's built-in checks, per parse, so the process-wide zod config stays untouched.
const chineseMessages = zhCN().localeError;

/** Parses `data` with the route's schema: defaults applied, unknown keys handled as the schema says. */
export async function validateInput<S extends z.ZodType>(schema: S, data: unknown): Promise<ValidationResult<z.output<S>>> {
  const result = await schema.safeParseAsync(data, { error: chineseMessages });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: result.error.issues.map(toFieldIssue) };
}

function toFieldIssue(issue: z.core.$ZodIssue): ValidatedFieldIssue {
  const field: ValidatedFieldIssue = { path: issue.path.map(String).join('.'), message: issue.message };
  const reason = issue.code === 'custom' ? issue.params?.reason : undefined;
  if (typeof reason === 'string') field.reason = reason;
  return field;
}
