/** Why one input row cannot load: the field at fault and a reason a person can act on. */
export class RowError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** Throws a RowError; mappers call it so one bad field rejects its row and nothing else. */
export function fail(field: string, reason: string): never {
  throw new RowError(field, reason);
}

/** A rejected row as stored in `rejected_row` and written by `--rejects`. */
export interface Rejection {
  file: string;
  line: number;
  field: string;
  reason: string;
  raw: string | null;
}
