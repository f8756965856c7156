import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import {
  computeMeasures,
  formatMeasures,
  isoMonthSchema,
  type MeasuresResult,
  measureFormats,
  parseMeasureConfig,
  planTypes,
  readMeasureConfig,
  recordMeasureRun,
  renderProgramReport,
} from '../measures/index.ts';
import { AppError } from '../platform/errors.ts';
import { parseRiskConfig, readRiskConfigFile } from '../risk/index.ts';
import { openMigratedOpsStore } from '../server.ts';
import { cliContext } from './context.ts';
import { prepareWarehouse } from './identify-command.ts';
import { runAction } from './run-action.ts';

const commonOptions = {
  from: isoMonthSchema,
  to: isoMonthSchema,
  config: z.string().min(1).optional(),
  rules: z.string().min(1).optional(),
  planType: z.enum(planTypes).optional(),
};
const optionsSchema = z.object({
  ...commonOptions,
  format: z.enum(measureFormats).default('json'),
  out: z.string().min(1).optional(),
});
const reportSchema = z.object({
  ...commonOptions,
  out: z.string().min(1),
  planName: z.string().min(1).default('Checkpoint'),
});

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError(
      'bad_request',
      `Cannot read ${file} as JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
}

function parseOptions<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'bad_request',
      `invalid options for ${what}`,
      parsed.error.issues.map((i) => ({ path: `--${String(i.path[0] ?? '')}`, message: i.message })),
    );
  return parsed.data;
}

/** Computes and records one measures run for a command; the stores are closed after `use`. */
async function withMeasures(
  command: Command,
  options: z.output<z.ZodObject<typeof commonOptions>>,
  use: (result: MeasuresResult) => Promise<void> | void,
): Promise<void> {
  const riskConfig = options.rules ? readRiskConfigFile(options.rules) : parseRiskConfig({});
  const context = cliContext(command);
  const warehouse = await context.openWarehouse();
  const store = await openMigratedOpsStore(context.config);
  try {
    // A configuration file given wins; else the plan's stored configuration, else the defaults.
    const config = options.config
      ? parseMeasureConfig(readJson(options.config))
      : await readMeasureConfig(store.db);
    await prepareWarehouse(warehouse);
    const result = await computeMeasures(
      { db: store.db, warehouse },
      { from: options.from, to: options.to, config, riskConfig, planType: options.planType },
    );
    await recordMeasureRun(store.db, result, config, 'cli');
    await use(result);
  } finally {
    await store.close();
    await warehouse.close();
  }
}

function writeOut(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, data);
}

const withCommonOptions = (command: Command) =>
  command
    .requiredOption('--from <month>', 'first month, YYYY-MM')
    .requiredOption('--to <month>', 'last month, YYYY-MM')
    .option('--plan-type <type>', `only members in plans of this type: ${planTypes.join(' | ')}`)
    .option('--config <file>', 'JSON file with the program start and the focus markets')
    .option('--rules <file>', 'JSON file overriding the risk rules (lines of business, value sets as run)');

/** `checkpoint measures --from YYYY-MM --to YYYY-MM`: the RISK-RULES §10 program measures, de-identified. */
export function measuresCommand(): Command {
  return withCommonOptions(
    new Command('measures').description(
      'compute the program measures by market and month, small cells suppressed',
    ),
  )
    .option('--format <format>', `output: ${measureFormats.join(' | ')}`, 'json')
    .option('--out <file>', 'write the measures here (default: standard output)')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const options = parseOptions(optionsSchema, raw, 'measures');
        await withMeasures(command, options, (result) => {
          const text = formatMeasures(result, options.format);
          if (options.out) writeOut(options.out, text);
          else process.stdout.write(text);
          (options.out ? process.stdout : process.stderr).write(
            `measures ${result.measureVersion} from ${result.from} to ${result.to}: ${result.rows.length} rows, ${result.rows.filter((r) => r.suppressed).length} suppressed\n`,
          );
        });
      }),
    );
}

/** `checkpoint report --from --to --out FILE.pdf`: the program report, with its charts, as a PDF. */
export function reportCommand(): Command {
  return withCommonOptions(
    new Command('report').description('write the program report (measures, charts, methods) as a PDF'),
  )
    .requiredOption('--out <file>', 'the PDF to write')
    .option('--plan-name <name>', 'the plan named on the report', 'Checkpoint')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const options = parseOptions(reportSchema, raw, 'report');
        await withMeasures(command, options, async (result) => {
          const pdf = await renderProgramReport(result, {
            planName: options.planName,
            dataNotes: result.dataNotes,
          });
          writeOut(options.out, pdf);
          process.stdout.write(
            `report ${result.measureVersion} from ${result.from} to ${result.to}: ${options.out} (${pdf.length} bytes)\n`,
          );
        });
      }),
    );
}
