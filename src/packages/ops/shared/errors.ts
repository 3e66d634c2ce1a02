import { ApiError } from '../../../api'

/** The server refused the caller's role (a customer, or an operator whose role was taken away). */
export const isForbidden = (error: unknown): boolean => error instanceof ApiError && error.code === 'FORBIDDEN'

/**
 * The broken rules of a SALE_INVALID / ACTIVITY_INVALID refusal as field →
 * message (`details.issues: [{ field, message }]`); null for other errors.
 */
export function issuesOf(error: unknown): Record<string, string> | null {
  if (!(error instanceof ApiError) || (error.code !== 'SALE_INVALID' && error.code !== 'ACTIVITY_INVALID')) return null
  const issues = (error.details?.issues ?? []) as Array<{ field?: unknown; message?: unknown }>
  const byField: Record<string, string> = {}
  for (const issue of issues) {
    if (typeof issue.field === 'string' && typeof issue.message === 'string' && !byField[issue.field]) byField[issue.field] = issue.message
  }
  return byField
}
