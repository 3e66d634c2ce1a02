/**
 * CloudBase timer cron: seven fields `sec min hour day month week year`,
 * each with `, - * /`; months 1-12 or JAN-DEC, weekdays 0-6 (0 is Sunday)
 * or SUN-SAT, years 1970-2099; `a/n` means from a every n. When both day
 * and week name values they are OR-ed (as croner does by default). Times
 * are UTC+8.
 *
 * We validate and expand every field ourselves, hand croner the first six
 * as explicit lists, and keep the year set to check on each tick.
 */
export interface CloudbaseCron {
  /** The expression as configured. */
  source: string;
  /** Six-field pattern for croner (`*` kept where CloudBase had `*`). */
  pattern: string;
  /** Years it may fire in, or null for every year. */
  years: ReadonlySet<number> | null;
}

export const CLOUDBASE_TIMEZONE = 'Asia/Shanghai';

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };
const WEEKDAY_NAMES = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };

const FIELDS: FieldSpec[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'week', min: 0, max: 6, names: WEEKDAY_NAMES },
  { name: 'year', min: 1970, max: 2099 },
];

export class CronSyntaxError extends Error {
  constructor(expression: string, reason: string) {
    super(`invalid CloudBase cron "${expression}": ${reason}`);
    this.name = 'CronSyntaxError';
  }
}

export function parseCloudbaseCron(expression: string): CloudbaseCron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 7) throw new CronSyntaxError(expression, `expected 7 fields (sec min hour day month week year), got ${parts.length}`);
  const expanded = parts.map((part, index) => expandField(part, FIELDS[index], expression));
  const pattern = expanded
    .slice(0, 6)
    .map((values) => (values === null ? '*' : values.join(',')))
    .join(' ');
  const years = expanded[6];
  return { source: expression, pattern, years: years === null ? null : new Set(years) };
}

/** Whether a tick at `date` (read in UTC+8) falls in one of the expression's years. */
export function matchesYear(cron: CloudbaseCron, date: Date): boolean {
  return cron.years === null || cron.years.has(yearInCloudbaseZone(date));
}

/** True when no year of the expression is still to come. */
export function isExhausted(cron: CloudbaseCron, now: Date): boolean {
  if (cron.years === null) return false;
  const current = yearInCloudbaseZone(now);
  for (const year of cron.years) if (year >= current) return false;
  return true;
}

function yearInCloudbaseZone(date: Date): number {
  return new Date(date.getTime() + 8 * 60 * 60 * 1000).getUTCFullYear();
}

/** Sorted values of one field, or null for a bare `*`. */
function expandField(text: string, spec: FieldSpec, expression: string): number[] | null {
  if (text === '*') return null;
  const fail = (reason: string): never => {
    throw new CronSyntaxError(expression, `${spec.name} field "${text}": ${reason}`);
  };
  const values = new Set<number>();
  for (const item of text.split(',')) {
    if (item === '') fail('empty list item');
    const [rangeText, stepText, ...rest] = item.split('/');
    if (rest.length > 0) fail('more than one "/"');
    const step = stepText === undefined ? 1 : parseNumber(stepText, fail);
    if (step < 1) fail('step must be at least 1');
    let low: number;
    let high: number;
    if (rangeText === '*') {
      [low, high] = [spec.min, spec.max];
    } else if (rangeText.includes('-')) {
      const bounds = rangeText.split('-');
      if (bounds.length !== 2) fail('malformed range');
      low = parseValue(bounds[0], spec, fail);
      high = parseValue(bounds[1], spec, fail);
      if (low > high) fail('range runs backwards');
    } else {
      low = parseValue(rangeText, spec, fail);
      high = stepText === undefined ? low : spec.max;
    }
    for (let value = low; value <= high; value += step) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

function parseValue(text: string, spec: FieldSpec, fail: (reason: string) => never): number {
  const named = spec.names?.[text.toUpperCase()];
  const value = named ?? parseNumber(text, fail);
  if (value < spec.min || value > spec.max) fail(`${value} is outside ${spec.min}-${spec.max}`);
  return value;
}

function parseNumber(text: string, fail: (reason: string) => never): number {
  if (!/^\d+$/.test(text)) fail(`"${text}" is not a number`);
  return Number(text);
}
