import { fail } from './row-error.ts';

const isoDay = /^(\d{4})-(\d{2})-(\d{2})/;

/** An ISO day ('YYYY-MM-DD', or the day of a dateTime) that exists on the calendar, else a RowError. */
export function parseDay(value: unknown, field: string): string {
  if (typeof value !== 'string') fail(field, 'missing date');
  const m = isoDay.exec(value);
  if (!m || (value.length > 10 && value[10] !== 'T'))
    fail(field, `unparseable date ${JSON.stringify(value.slice(0, 40))}`);
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d))
    fail(field, `no such date ${value.slice(0, 10)}`);
  return value.slice(0, 10);
}

/** Like parseDay, but null when the value is absent or empty. */
export function parseOptionalDay(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  return parseDay(value, field);
}

// Plain decimal notation only: Number() would also take '0x1A', '0b11' or 'Infinity'.
const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A finite number from a JSON number or a decimal string; null when absent. */
export function parseOptionalNumber(value: unknown, field: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && decimal.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(n)) fail(field, `not a number: ${JSON.stringify(String(value).slice(0, 40))}`);
  return n;
}

/**
 * A text with spaces cut from both ends — what DuckDB's CSV path trims too, so both readers
 * agree. Other whitespace (a tab, a no-break space) stays and fails the field's check.
 */
export function trimText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A required non-empty string key. */
export function requireText(value: unknown, field: string): string {
  const text = typeof value === 'string' ? trimText(value) : '';
  if (text === '') fail(field, 'missing');
  return text;
}

/** An optional string, trimmed; null when absent or empty. */
export function optionalText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = trimText(value);
  return t === '' ? null : t;
}

/** An NDC as 11 digits without dashes (5-4-2 once the dashes are gone), else a RowError. */
export function parseNdc(value: unknown, field: string): string {
  const text = requireText(value, field);
  const digits = text.replace(/-/g, '');
  if (!/^\d{11}$/.test(digits)) fail(field, `not an 11-digit NDC: ${JSON.stringify(text.slice(0, 20))}`);
  return digits;
}

/** ICD-10-CM as stored: no dot, upper case. */
export function normalizeDiagnosis(code: string): string {
  return trimText(code.replace(/\./g, '')).toUpperCase();
}
