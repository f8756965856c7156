import type { Command } from 'commander';
import { ingestCommand } from './ingest-command.ts';
import { referenceCommand } from './reference-command.ts';

/**
 * Every `checkpoint` sub-command, in the order `--help` lists them. Each domain
 * writes its command in `src/cli/<name>-command.ts` and adds one line here.
 */
export const commands: ReadonlyArray<() => Command> = [
  ingestCommand,
  referenceCommand,
];
