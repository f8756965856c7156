import { Command, CommanderError } from 'commander';
import { commands } from './commands.ts';

/** Builds the `checkpoint` command with its global options and every sub-command. */
export function buildProgram(): Command {
  const program = new Command('checkpoint')
    .description(
      'Checkpoint: find members at risk of opioid overdose after a medical emergency, and help them.',
    )
    .option('--data-dir <dir>', 'where the embedded stores live', process.env.CHECKPOINT_DATA_DIR ?? './data')
    .option('--warehouse <url>', 'claims warehouse: duckdb:PATH (default: DATA_DIR/warehouse.duckdb)')
    .option(
      '--database <url>',
      'operational store: postgres://… (default: PGlite in DATA_DIR/ops; env DATABASE_URL)',
    )
    .showHelpAfterError()
    .exitOverride();
  for (const make of commands) program.addCommand(make().exitOverride());
  return program;
}

/** Parses argv and runs; usage errors exit 2 as the contract says. */
export async function runProgram(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      ) {
        process.exitCode = 0;
        return;
      }
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
