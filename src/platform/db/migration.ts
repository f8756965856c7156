/**
 * One step of the operational store's schema. `name` is `<domain>-NNN-<what>`
 * (e.g. `lock-in-001-tables`); it is recorded once applied and never renamed.
 * `sql` may hold several statements (and `$$` function bodies); it runs in one
 * transaction with the record of its name.
 */
export interface Migration {
  readonly name: string;
  readonly sql: string;
}
