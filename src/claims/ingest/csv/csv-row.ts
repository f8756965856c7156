import { trimText } from '../field-values.ts';

/** One CSV record read by column name: values trimmed, '' when the cell or column is absent. */
export interface CsvRow {
  get(column: string): string;
  has(column: string): boolean;
}

/** Builds a reader over records of a file with this header. */
export function csvRowReader(header: readonly string[]): (cells: readonly string[]) => CsvRow {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  return (cells) => ({
    get(column) {
      const i = index.get(column);
      return i === undefined ? '' : trimText(cells[i] ?? '');
    },
    has(column) {
      return index.has(column);
    },
  });
}
