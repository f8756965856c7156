import type { Command } from 'commander';
import { openCaseDisposer } from '../server.ts';
import { auditCommand } from './audit-command.ts';
import { coverageCommand } from './coverage-command.ts';
import { demoCommand } from './demo-command.ts';
import { explainCommand } from './explain-command.ts';
import { generateCommand } from './generate-command.ts';
import { identifyCommand } from './identify-command.ts';
import { ingestCommand } from './ingest-command.ts';
import { lettersCommand } from './letters-command.ts';
import { lockInCommand } from './lock-in-command.ts';
import { measuresCommand, reportCommand } from './measures-command.ts';
import { mmeCommand } from './mme-command.ts';
import { referenceCommand } from './reference-command.ts';
import { serveCommand } from './serve-command.ts';
import { signalsCommand } from './signals-command.ts';
import { userCommand } from './user-command.ts';

/**
 * Every `checkpoint` sub-command, in the order `--help` lists them. Each domain
 * writes its command in `src/cli/<name>-command.ts` and adds one line here.
 */
export const commands: ReadonlyArray<() => Command> = [
  generateCommand,
  ingestCommand,
  referenceCommand,
  () => identifyCommand({ openDisposer: openCaseDisposer }),
  explainCommand,
  mmeCommand,
  serveCommand,
  userCommand,
  auditCommand,
  coverageCommand,
  lettersCommand,
  lockInCommand,
  signalsCommand,
  measuresCommand,
  reportCommand,
  demoCommand,
];
