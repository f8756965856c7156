/**
 * SQL twins of `field-values.ts`, for CSV rows DuckDB has read as text: each check is a
 * condition and the reason JS would give, so a row rejected in SQL names the same field and
 * reason as the JS reader (tests compare the two paths row for row).
 */

/** One way a field can fail: the first failing check of a row rejects it. */
export interface SqlCheck {
  field: string;
  /** SQL that is true when the row fails this check. */
  fails: string;
  /** SQL for the reason, as the JS mapper words it. */
  reason: string;
}

/**
 * A cell as the readers see it: spaces trimmed (as `trimText` does in JS), '' when empty or
 * absent. Only spaces: DuckDB trims a set of characters several times slower than spaces,
 * and trims at all only the cells that start or end with one (most cells do not).
 */
export const trimmedCell = (cell: string | null): string =>
  cell === null
    ? `''`
    : `case when ${cell} like ' %' or ${cell} like '% ' then trim(${cell}) else coalesce(${cell}, '') end`;

/** `trimText` of field-values.ts: spaces off both ends. */
export const trimText = (value: string): string => `trim(${value})`;

/** JSON.stringify of a text value (DuckDB's to_json escapes as JS does). */
export const jsonText = (value: string, chars: number): string =>
  `to_json(left(${value}, ${chars}))::varchar`;

const decimal = `'[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?'`;

/** The number a non-empty text holds, null when it is no decimal number (mirrors `decimalText`). */
export const numberOf = (value: string): string =>
  `case when regexp_full_match(${value}, ${decimal}) then try_cast(${value} as double) end`;

/** How JS prints a number in a template string, for reasons that quote one. */
export const jsNumberText = (value: string): string =>
  `case when ${value} = trunc(${value}) and abs(${value}) < 1e21 then cast(cast(${value} as hugeint) as varchar)
     else cast(${value} as varchar) end`;

/** parseOptionalNumber: empty is null, anything else must be a finite decimal number. */
export const numberChecks = (value: string, number: string, field: string): SqlCheck[] => [
  {
    field,
    fails: `${value} <> '' and not coalesce(isfinite(${number}), false)`,
    reason: `'not a number: ' || ${jsonText(value, 40)}`,
  },
];

/** parseDay: a calendar day 'YYYY-MM-DD', optionally followed by a 'T…' time. */
export const dayChecks = (value: string, field: string): SqlCheck[] => [
  {
    field,
    fails: `not regexp_full_match(${value}, '(?s)[0-9]{4}-[0-9]{2}-[0-9]{2}(T.*)?')`,
    reason: `'unparseable date ' || ${jsonText(value, 40)}`,
  },
  {
    field,
    fails: `try_cast(left(${value}, 10) as date) is null`,
    reason: `'no such date ' || left(${value}, 10)`,
  },
];

/** parseOptionalDay: empty is null, anything else must be a day. */
export const optionalDayChecks = (value: string, field: string): SqlCheck[] =>
  dayChecks(value, field).map((c) => ({ ...c, fails: `${value} <> '' and (${c.fails})` }));

/** requireText: a non-empty value. */
export const requiredChecks = (value: string, field: string): SqlCheck[] => [
  { field, fails: `${value} = ''`, reason: `'missing'` },
];

/** The day a checked date text holds, as the ISO day string staging keeps. */
export const dayOf = (value: string): string => `nullif(left(${value}, 10), '')`;

/** optionalText: null when empty. */
export const textOf = (value: string): string => `nullif(${value}, '')`;

/**
 * The number of a row's first failing check (its index in `checks`), or null when every
 * check passes: one CASE, evaluated in the order the JS mapper checks its fields.
 */
export function firstFailure(checks: readonly SqlCheck[]): string {
  return `case ${checks.map((c, i) => `when ${c.fails} then ${i}`).join('\n')} end`;
}

/** The field and the reason of the failed check numbered `failed`, for the rows that fail. */
export function failureText(checks: readonly SqlCheck[], failed: string): { field: string; reason: string } {
  const arm = (value: (c: SqlCheck) => string) =>
    `case ${failed} ${checks.map((c, i) => `when ${i} then ${value(c)}`).join('\n')} end`;
  return { field: arm((c) => `'${c.field}'`), reason: arm((c) => c.reason) };
}
