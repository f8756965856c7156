import fs from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import type { ImportSummary } from '../reference/index.ts';
import {
  describeReference,
  formatImportSummary,
  formatRejectsCsv,
  importReferenceFile,
  loadBuiltinReference,
  referenceFormats,
} from '../reference/index.ts';
import { cliContext } from './context.ts';
import { runAction } from './run-action.ts';

const importOptions = z.object({
  format: z.enum(referenceFormats).optional(),
  rejects: z.string().min(1).optional(),
  strict: z.boolean().default(false),
});

/** `checkpoint reference import|list`: load the CDC NDC/MME or OMTK drug reference and show what is loaded. */
export function referenceCommand(): Command {
  const reference = new Command('reference').description(
    'the drug reference: NDC → ingredient, strength, class; MME conversion factors',
  );
  reference
    .command('import')
    .description('load CDC NDC/MME sheets (2016 or 2018 layout, as CSV) or an OMTK RxNorm ingredient table')
    .argument('<files...>', 'CSV files')
    .addOption(
      new Option('--format <format>', 'file layout (default: detected by header)').choices(referenceFormats),
    )
    .option('--rejects <file>', 'write every rejected row (file, line, field, reason) as CSV')
    .option('--strict', 'exit 1 if any row was rejected')
    .action(
      runAction(async (files: string[], raw: unknown, command: Command) => {
        const parsed = importOptions.safeParse(raw);
        if (!parsed.success)
          throw new AppError(
            'bad_request',
            'bad options',
            parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        const options = parsed.data;
        const warehouse = await cliContext(command).openWarehouse();
        const summaries: ImportSummary[] = [];
        try {
          for (const file of files) {
            const summary = await importReferenceFile(warehouse, file, options.format);
            summaries.push(summary);
            process.stdout.write(`${formatImportSummary(summary).join('\n')}\n`);
          }
        } finally {
          await warehouse.close();
        }
        const rejects = summaries.flatMap((s) => s.rejected);
        if (options.rejects) fs.writeFileSync(options.rejects, formatRejectsCsv(rejects));
        if (options.strict && rejects.length > 0) {
          process.stderr.write(`checkpoint: ${rejects.length} rows rejected (--strict)\n`);
          process.exitCode = 1;
        }
      }),
    );
  reference
    .command('list')
    .description('show what the drug reference holds, per source and class')
    .action(
      runAction(async (_raw: unknown, command: Command) => {
        const warehouse = await cliContext(command).openWarehouse();
        try {
          await loadBuiltinReference(warehouse);
          process.stdout.write(`${(await describeReference(warehouse)).join('\n')}\n`);
        } finally {
          await warehouse.close();
        }
      }),
    );
  // Sub-commands made before the program calls exitOverride() do not inherit it; usage errors must exit 2.
  for (const sub of reference.commands) sub.exitOverride();
  return reference;
}
