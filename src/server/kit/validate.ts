import { z } from 'zod';
import { zhCN } from 'zod/locales';
import type { FieldIssue } from './kit-errors';

/** A failed field; `reason` is the stable code of a shared field refinement (`TEXT_CONTROL_CHARS`, `INVALID_ID`…, see core/contracts/fields). */
export type ValidatedFieldIssue = FieldIssue & { reason?: string };

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; fields: ValidatedFieldIssue[] };

// Chinese messages for zod's built-in checks, per parse, so the process-wide zod config stays untouched.
const chineseMessages = zhCN().localeError;
const zAsyncError = z.core.$ZodAsyncError;

/** Schemas found to hold an async refinement: parsed with safeParseAsync from then on. */
const asyncSchemas = new WeakSet<z.ZodType>();

/**
 * Parses `data` with the route's schema: defaults applied, unknown keys handled as the schema says.
 * Synchronously when the schema allows it (most do; an async parse costs several promise turns a
 * call), asynchronously when zod reports an async refinement (remembered per schema).
 */
export async function validateInput<S extends z.ZodType>(schema: S, data: unknown): Promise<ValidationResult<z.output<S>>> {
  let result: z.ZodSafeParseResult<z.output<S>> | undefined;
  if (!asyncSchemas.has(schema)) {
    try {
      result = schema.safeParse(data, { error: chineseMessages });
    } catch (error) {
      if (!(error instanceof zAsyncError)) throw error;
      asyncSchemas.add(schema);
    }
  }
  result ??= await schema.safeParseAsync(data, { error: chineseMessages });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: result.error.issues.map(toFieldIssue) };
}

function toFieldIssue(issue: z.core.$ZodIssue): ValidatedFieldIssue {
  const field: ValidatedFieldIssue = { path: issue.path.map(String).join('.'), message: issue.message };
  const reason = issue.code === 'custom' ? issue.params?.reason : undefined;
  if (typeof reason === 'string') field.reason = reason;
  return field;
}
