import type { DuckDbWarehouse } from '../../../platform/warehouse/duckdb/duckdb-warehouse.ts';
import { isGzipFile, readContentHead } from '../file-bytes.ts';
import { type StagingTable, stagingTables } from '../staging.ts';
import type { CsvKind } from './csv-layouts.ts';
import { readLinesAt } from './csv-lines.ts';
import { splitQuoted } from './csv-records.ts';
import { sqlRowMappings } from './csv-sql-rows.ts';
import { failureText, firstFailure, numberOf, trimmedCell } from './csv-sql-values.ts';

/**
 * The fast path for a Tuva CSV: DuckDB's own reader parses the file (in parallel, as text)
 * into `temp.csv_raw`, outside the load's transaction because a CSV error would abort it.
 * It is taken only when every record is exactly one line: DuckDB reads the file without
 * error and finds one record per line after the header, so a record's file line is its
 * row number + 2. Anything else (quoted newlines, blank lines, ragged or malformed rows, bad
 * UTF-8) returns false and the file goes through the JS reader, which names each bad line.
 */
export async function readCsvRaw(
  warehouse: DuckDbWarehouse,
  file: { path: string; lines: number },
  kind: CsvKind,
  onRows: (rows: number) => void = () => {},
): Promise<{ header: string[] } | null> {
  const header = readHeader(file.path);
  if (!header) return null;
  const columns = header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  // Only the columns the layout reads are kept: a rejected row's text comes from the file.
  const used = new Set(sqlRowMappings[kind].columns);
  const kept = header.flatMap((name, i) => (used.has(name) ? [`c${i}`] : []));
  // DuckDB tracks a query's progress when asked to; the rows it has read feed the progress bar.
  await warehouse.run('set enable_progress_bar = true; set enable_progress_bar_print = false');
  const poll = setInterval(() => {
    const done = warehouse.connection.progress.percentage;
    if (done > 0) onRows(Math.floor((done / 100) * Math.max(file.lines - 1, 0)));
  }, 250);
  try {
    await warehouse.run('drop table if exists temp.csv_raw');
    await warehouse.run(
      `create temp table csv_raw as select ${kept.length > 0 ? kept.join(', ') : '1 as none'}
       from read_csv($1, header = true, auto_detect = false,
         columns = {${columns}}, delim = ',', quote = '"', escape = '"', strict_mode = true,
         null_padding = false, ignore_errors = false,
         compression = '${isGzipFile(file.path) ? 'gzip' : 'none'}')`,
      [file.path],
    );
  } catch {
    await warehouse.run('drop table if exists temp.csv_raw');
    return null;
  } finally {
    clearInterval(poll);
    await warehouse.run('set enable_progress_bar = false');
  }
  const [row] = await warehouse.all<{ n: number }>('select count(*) as n from temp.csv_raw');
  if (Number(row?.n) !== file.lines - 1) {
    await warehouse.run('drop table if exists temp.csv_raw');
    return null;
  }
  return { header };
}

/**
 * Checks the rows of `temp.csv_raw` in SQL as the JS mapper would, stages each failing row in
 * `temp.stg_rejected` (line, field, reason, raw text) and the others (as views over
 * `temp.csv_checked`; `dropCsvRaw` removes both once the file is merged).
 */
export async function stageCsvRaw(
  warehouse: DuckDbWarehouse,
  kind: CsvKind,
  header: readonly string[],
): Promise<{ rowsRead: number; rejected: number }> {
  const mapping = sqlRowMappings[kind];
  const index = new Map(header.map((name, i) => [name, i]));
  const cells = [...new Set(mapping.columns)].map((name) => {
    const i = index.get(name);
    return `${trimmedCell(i === undefined ? null : `c${i}`)} as "${name}"`;
  });
  const derived = [
    ...mapping.numbers.map((name) => `${numberOf(`"${name}"`)} as "#${name}"`),
    ...Object.entries(mapping.derived ?? {}).map(([name, sql]) => `${sql} as "#${name}"`),
  ];
  // The rows with their trimmed cells and derived values, each computed once.
  const rows = (where: string) =>
    `(select *${derived.map((sql) => `, ${sql}`).join('')} from (
       select rowid + 2 as line, ${cells.join(', ')} from temp.csv_raw ${where}))`;
  const staged = Object.entries(mapping.stage) as Array<[StagingTable, Record<string, string>]>;
  const outputs = staged.flatMap(([table, cols], t) =>
    Object.entries(cols).map(([col, sql]) => {
      const type = (stagingTables[table] as Record<string, string>)[col];
      return `cast(${sql} as ${type}) as "${t}_${col}"`;
    }),
  );
  await warehouse.run('drop table if exists temp.csv_checked');
  await warehouse.run(
    `create temp table csv_checked as
     select line, ${firstFailure(mapping.checks)} as failed, ${outputs.join(',\n')} from ${rows('')}`,
  );
  // The staging tables become views of the rows that pass: no second copy of the file.
  for (const [t, [table, cols]] of staged.entries()) {
    await warehouse.run(`drop table if exists temp.${table}`);
    await warehouse.run(
      `create temp view ${table} as select ${Object.keys(cols)
        .map((col) => `"${t}_${col}" as ${col}`)
        .join(', ')} from temp.csv_checked where failed is null`,
    );
  }
  // Reasons are worded only for the rows that fail, from their cells recomputed; their text
  // is read from the file afterwards (fillRejectedText).
  const failure = failureText(mapping.checks, 'k.failed');
  await warehouse.run(
    `insert into temp.stg_rejected (line, field, reason, raw)
     select r.line, ${failure.field}, ${failure.reason}, null
     from temp.csv_checked k
     join ${rows('where rowid in (select line - 2 from temp.csv_checked where failed is not null)')} r
       on r.line = k.line
     where k.failed is not null`,
  );
  const [counts] = await warehouse.all<{ rows: number; rejected: number }>(
    'select count(*) as rows, count(failed) as rejected from temp.csv_checked',
  );
  // The parsed text is done with: its memory goes back before the merge needs it.
  await warehouse.run('drop table if exists temp.csv_raw');
  return { rowsRead: Number(counts?.rows ?? 0), rejected: Number(counts?.rejected ?? 0) };
}

/** Fills in the text of the rows `stageCsvRaw` rejected: each is its line of the file. */
export async function fillRejectedText(warehouse: DuckDbWarehouse, filePath: string): Promise<void> {
  const rows = await warehouse.all<{ line: number }>(
    'select distinct line from temp.stg_rejected where raw is null order by line',
  );
  if (rows.length === 0) return;
  await warehouse.run('create or replace temp table csv_rejected_text (line integer, raw varchar)');
  const appender = await warehouse.connection.createAppender('csv_rejected_text', 'main', 'temp');
  try {
    await readLinesAt(
      filePath,
      rows.map((r) => r.line),
      (line, text) => {
        appender.appendInteger(line);
        appender.appendVarchar(text);
        appender.endRow();
      },
    );
  } finally {
    appender.closeSync();
  }
  await warehouse.run(
    `update temp.stg_rejected set raw = t.raw from temp.csv_rejected_text t
     where t.line = stg_rejected.line and stg_rejected.raw is null`,
  );
  await warehouse.run('drop table temp.csv_rejected_text');
}

/** The header's column names as the JS reader reads them (trimmed, lower case); null if none. */
function readHeader(filePath: string): string[] | null {
  const text = readContentHead(filePath, 64 * 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const end = text.indexOf('\n');
  if (end === -1) return null;
  const line = text.slice(0, end).replace(/\r$/, '');
  return (line.includes('"') ? splitQuoted(line) : line.split(',')).map((h) => h.trim().toLowerCase());
}

/** Drops what the fast path left on the connection: the parsed file and its checked rows. */
export async function dropCsvRaw(warehouse: DuckDbWarehouse, kind: CsvKind): Promise<void> {
  for (const table of Object.keys(sqlRowMappings[kind].stage))
    await warehouse.run(`drop view if exists temp.${table}`);
  await warehouse.run('drop table if exists temp.csv_checked');
  await warehouse.run('drop table if exists temp.csv_raw');
}
