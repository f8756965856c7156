import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { isoDaySchema } from '../platform/calendar/iso-day-schema.ts';
import { AppError } from '../platform/errors.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';
import { loadBuiltinReference } from '../reference/index.ts';
import {
  type CandidateDisposer,
  ensureRiskSchema,
  factorSets,
  formatWorklist,
  type IdentifyResult,
  identifyMembers,
  loadRun,
  parseRiskConfig,
  readRiskConfigFile,
  summarizeWorklist,
  type WorklistFormat,
  worklistFormats,
} from '../risk/index.ts';
import { type CliContext, cliContext } from './context.ts';
import { runAction } from './run-action.ts';

/** The as-of and other day options of the commands. */
export const isoDate = isoDaySchema;

const optionsSchema = z
  .object({
    asOf: isoDate.optional(),
    show: z.string().min(1).optional(),
    out: z.string().min(1).optional(),
    format: z.enum(worklistFormats).default('json'),
    factorSet: z.enum(factorSets).optional(),
    config: z.string().min(1).optional(),
  })
  .refine((o) => Boolean(o.asOf) !== Boolean(o.show), {
    message: 'give --as-of DATE to run the checkpoint, or --show RUN_ID to show a recorded run',
    path: ['asOf'],
  });

/** The operational store's disposition step, opened for one run and closed after it. */
export interface OpenedDisposer {
  disposer: CandidateDisposer;
  close(): Promise<void>;
}

export interface IdentifyCommandDeps {
  /**
   * The composition point for RISK-RULES §7 dispositions: `src/outreach/` opens
   * its case disposer here. Without it every candidate is reported `new` and the
   * run records `disposition_source = none`.
   */
  openDisposer?: (context: CliContext) => Promise<OpenedDisposer | null>;
}

/** `checkpoint identify`: runs the checkpoint as of a date, records the run and writes the worklist. */
export function identifyCommand(deps: IdentifyCommandDeps = {}): Command {
  return new Command('identify')
    .description('run the risk rules as of a date, record the run and write the prioritized worklist')
    .option('--as-of <date>', 'the as-of date D (inclusive), YYYY-MM-DD')
    .option('--show <runId>', 'write a recorded run’s worklist again instead of running the rules')
    .option('--out <file>', 'write the worklist here (default: standard output)')
    .option('--format <format>', `worklist format: ${worklistFormats.join(' | ')}`, 'json')
    .option('--factor-set <name>', `MME conversion factors: ${factorSets.join(' | ')} (default cdc-2022)`)
    .option(
      '--config <file>',
      'JSON file overriding thresholds, windows, weights, lines of business, markets',
    )
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const parsed = optionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new AppError(
            'bad_request',
            'invalid options for identify',
            parsed.error.issues.map((i) => ({
              path: `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
              message: i.message,
            })),
          );
        const options = parsed.data;
        if (options.show) {
          const warehouse = await cliContext(command).openWarehouse();
          try {
            writeWorklist(await loadRun(warehouse, options.show), options.format, options.out);
          } finally {
            await warehouse.close();
          }
          return;
        }
        const base = options.config ? readRiskConfigFile(options.config) : parseRiskConfig({});
        const config = options.factorSet ? { ...base, factorSet: options.factorSet } : base;
        const context = cliContext(command);
        const warehouse = await context.openWarehouse();
        const opened = deps.openDisposer ? await deps.openDisposer(context) : null;
        let run: IdentifyResult;
        try {
          await prepareWarehouse(warehouse);
          run = await identifyMembers(warehouse, {
            asOf: options.asOf ?? '',
            config,
            disposer: opened?.disposer ?? null,
          });
        } finally {
          await opened?.close();
          await warehouse.close();
        }
        writeWorklist(run, options.format, options.out);
      }),
    );
}

function writeWorklist(run: IdentifyResult, format: WorklistFormat, out: string | undefined): void {
  const text = formatWorklist(run, format);
  if (out) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, text);
  } else process.stdout.write(text);
  (out ? process.stdout : process.stderr).write(`${summarize(run, out)}\n`);
}

/** Ensures the run tables and a drug reference (the built-in one when none is loaded). */
export async function prepareWarehouse(warehouse: Warehouse): Promise<void> {
  await ensureRiskSchema(warehouse);
  const [drugs] = await warehouse
    .all<{ n: number }>('select count(*) as n from drug')
    .catch(() => [{ n: 0 }]);
  if (!drugs?.n) {
    await loadBuiltinReference(warehouse);
    process.stderr.write('checkpoint: no drug reference was loaded; loaded the built-in one\n');
  }
}

function summarize(run: IdentifyResult, out: string | undefined): string {
  const c = run.counts;
  const lines = [
    `run ${run.runId} as of ${run.asOf} (rules ${run.ruleVersion}, ${run.factorSet}, config ${run.configHash.slice(0, 12)})`,
    `  ${c.membersEvaluated} members with activity, ${c.eligible} eligible, ${c.candidates} candidates: ${c.new} new, ${c.open} open, ${c.suppressed} suppressed`,
    `  ${run.durationMs} ms${out ? `; worklist written to ${out}` : ''}`,
  ];
  if (run.dispositionSource === 'none')
    lines.push('  no operational store wired: every candidate is reported as new');
  return `${lines.join('\n')}\n${summarizeWorklist(run)}`;
}
