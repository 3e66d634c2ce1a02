/**
 * JSON with object keys sorted at every depth and `undefined` members left out
 * (an absent field and an undefined one are the same input; `null` is not).
 * Array order is kept: it is part of the input.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value)) ?? 'null';
}

function canonicalValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return canonicalValue(json.call(value));
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonicalValue(item)));
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = canonicalValue(member);
  }
  return sorted;
}
