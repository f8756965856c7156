import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { writeAuditEvent } from '../platform/audit/audit-event.ts';
import { AppError } from '../platform/errors.ts';
import { formatSignals, runSignals, signalFormats } from '../recovery/index.ts';
import { parseRiskConfig, readRiskConfigFile } from '../risk/index.ts';
import { openMigratedOpsStore } from '../server.ts';
import { cliContext } from './context.ts';
import { isoDate, prepareWarehouse } from './identify-command.ts';
import { runAction } from './run-action.ts';

const optionsSchema = z.object({
  asOf: isoDate,
  format: z.enum(signalFormats).default('json'),
  out: z.string().min(1).optional(),
  config: z.string().min(1).optional(),
});

/** `checkpoint signals --as-of DATE`: the RISK-RULES §11 recovery signals, raised as alerts; safe to run twice. */
export function signalsCommand(): Command {
  return new Command('signals')
    .description('compute the recovery signals as of a date, raise their alerts and write them')
    .requiredOption('--as-of <date>', 'the day the signals are computed for, YYYY-MM-DD')
    .option('--format <format>', `output: ${signalFormats.join(' | ')}`, 'json')
    .option('--out <file>', 'write the alerts here (default: standard output)')
    .option('--config <file>', 'JSON file overriding the risk rules’ windows and thresholds')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const parsed = optionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new AppError(
            'bad_request',
            'invalid options for signals',
            parsed.error.issues.map((i) => ({ path: `--${String(i.path[0] ?? '')}`, message: i.message })),
          );
        const options = parsed.data;
        const config = options.config ? readRiskConfigFile(options.config) : parseRiskConfig({});
        const context = cliContext(command);
        const warehouse = await context.openWarehouse();
        const store = await openMigratedOpsStore(context.config);
        try {
          await prepareWarehouse(warehouse);
          const result = await runSignals({ db: store.db, warehouse }, config, options.asOf);
          for (const alert of result.alerts.filter((a) => a.isNew))
            await writeAuditEvent(store.db, {
              actorId: 'cli',
              actorUsername: null,
              actorRole: null,
              action: 'create',
              memberId: alert.memberId,
              resourceType: 'RecoveryAlert',
              resourceId: alert.alertId,
              purpose: 'treatment',
              outcome: 'success',
              requestId: null,
              detail: alert.code,
            });
          const text = formatSignals(result, options.format);
          if (options.out) {
            fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
            fs.writeFileSync(options.out, text);
          } else process.stdout.write(text);
          const fresh = result.alerts.filter((a) => a.isNew).length;
          (options.out ? process.stdout : process.stderr).write(
            `signals as of ${result.asOf}: ${result.watched} members watched, ${result.alerts.length} alerts (${fresh} new), ${result.reopenedCaseIds.length} cases reopened\n`,
          );
        } finally {
          await store.close();
          await warehouse.close();
        }
      }),
    );
}
