import type { Command } from 'commander';
import { explainCommand } from './explain-command.ts';
import { generateCommand } from './generate-command.ts';
import { identifyCommand } from './identify-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { mmeCommand } from './mme-command.ts';
import { referenceCommand } from './reference-command.ts';

/**
 * Every `checkpoint` sub-command, in the order `--help` lists them. Each domain
 * writes its command in `src/cli/<name>-command.ts` and adds one line here.
 */
export const commands: ReadonlyArray<() => Command> = [
  generateCommand,
  ingestCommand,
  referenceCommand,
  identifyCommand,
  explainCommand,
  mmeCommand,
];
