import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import {
  computeMeasures,
  formatMeasures,
  isoMonthSchema,
  measureFormats,
  parseMeasureConfig,
  recordMeasureRun,
} from '../measures/index.ts';
import { AppError } from '../platform/errors.ts';
import { parseRiskConfig, readRiskConfigFile } from '../risk/index.ts';
import { openMigratedOpsStore } from '../server.ts';
import { cliContext } from './context.ts';
import { prepareWarehouse } from './identify-command.ts';
import { runAction } from './run-action.ts';

const optionsSchema = z.object({
  from: isoMonthSchema,
  to: isoMonthSchema,
  format: z.enum(measureFormats).default('json'),
  out: z.string().min(1).optional(),
  config: z.string().min(1).optional(),
  rules: z.string().min(1).optional(),
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

/** `checkpoint measures --from YYYY-MM --to YYYY-MM`: the RISK-RULES §10 program measures, de-identified. */
export function measuresCommand(): Command {
  return new Command('measures')
    .description('compute the program measures by market and month, small cells suppressed')
    .requiredOption('--from <month>', 'first month, YYYY-MM')
    .requiredOption('--to <month>', 'last month, YYYY-MM')
    .option('--format <format>', `output: ${measureFormats.join(' | ')}`, 'json')
    .option('--out <file>', 'write the measures here (default: standard output)')
    .option('--config <file>', 'JSON file with the program start and the focus markets')
    .option('--rules <file>', 'JSON file overriding the risk rules (lines of business, value sets as run)')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const parsed = optionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new AppError(
            'bad_request',
            'invalid options for measures',
            parsed.error.issues.map((i) => ({ path: `--${String(i.path[0] ?? '')}`, message: i.message })),
          );
        const options = parsed.data;
        const config = parseMeasureConfig(options.config ? readJson(options.config) : {});
        const riskConfig = options.rules ? readRiskConfigFile(options.rules) : parseRiskConfig({});
        const context = cliContext(command);
        const warehouse = await context.openWarehouse();
        const store = await openMigratedOpsStore(context.config);
        try {
          await prepareWarehouse(warehouse);
          const result = await computeMeasures(
            { db: store.db, warehouse },
            { from: options.from, to: options.to, config, riskConfig },
          );
          await recordMeasureRun(store.db, result, config, 'cli');
          const text = formatMeasures(result, options.format);
          if (options.out) {
            fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
            fs.writeFileSync(options.out, text);
          } else process.stdout.write(text);
          (options.out ? process.stdout : process.stderr).write(
            `measures ${result.measureVersion} from ${result.from} to ${result.to}: ${result.rows.length} rows, ${result.rows.filter((r) => r.suppressed).length} suppressed\n`,
          );
        } finally {
          await store.close();
          await warehouse.close();
        }
      }),
    );
}
