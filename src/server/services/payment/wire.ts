/**
 * WeChat Pay v2 field names arrive in camelCase through CloudBase cloudPay,
 * but some paths hand over the raw snake_case names (and numbers as
 * strings). Both become camelCase here, numbers as numbers.
 */
const NUMERIC_FIELDS = new Set(['totalFee', 'cashFee', 'refundFee', 'settlementTotalFee', 'couponFee']);

export function camelizeWxPayFields(value: unknown): Record<string, unknown> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    if (camel !== key && Object.prototype.hasOwnProperty.call(value, camel)) continue;
    out[camel] = NUMERIC_FIELDS.has(camel) && typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  return out;
}
