import { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { computeDailyMme, factorSets } from '../risk/index.ts';
import { cliContext } from './context.ts';
import { prepareWarehouse } from './identify-command.ts';
import { runAction } from './run-action.ts';

const optionsSchema = z
  .object({
    ndc: z
      .string()
      .regex(/^[0-9-]{10,13}$/, 'an NDC')
      .optional(),
    rxcui: z.string().regex(/^\d+$/, 'an RxNorm code').optional(),
    quantity: z.coerce.number().min(0),
    daysSupply: z.coerce.number().int().min(1),
    factorSet: z.enum(factorSets).default('cdc-2022'),
    json: z.boolean().optional(),
  })
  .refine((o) => Boolean(o.ndc) !== Boolean(o.rxcui), {
    message: 'give exactly one of --ndc or --rxcui',
    path: ['ndc'],
  });

/** `checkpoint mme`: daily MME of one product at a quantity and days supply, for checks. */
export function mmeCommand(): Command {
  return new Command('mme')
    .description(
      'compute the daily MME of one product (by NDC or RxNorm code) for a quantity and days supply',
    )
    .option('--ndc <ndc>', 'the product NDC (11 digits, dashes allowed)')
    .option('--rxcui <code>', 'the product RxNorm code')
    .requiredOption('--quantity <q>', 'units dispensed (tablets, mL, patches)')
    .requiredOption('--days-supply <d>', 'days supply')
    .option('--factor-set <name>', `conversion factors: ${factorSets.join(' | ')}`, 'cdc-2022')
    .option('--json', 'print the answer as JSON')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const parsed = optionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new AppError(
            'bad_request',
            'invalid options for mme',
            parsed.error.issues.map((i) => ({
              path: `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
              message: i.message,
            })),
          );
        const o = parsed.data;
        const warehouse = await cliContext(command).openWarehouse();
        try {
          await prepareWarehouse(warehouse);
          const a = await computeDailyMme(warehouse, {
            ndc: o.ndc,
            rxcui: o.rxcui,
            quantity: o.quantity,
            daysSupply: o.daysSupply,
            factorSet: o.factorSet,
          });
          if (o.json) {
            process.stdout.write(`${JSON.stringify(a, null, 2)}\n`);
            return;
          }
          const lines = [`${a.product} (${a.ndc ? `NDC ${a.ndc}` : `RxNorm ${a.rxcui}`}), ${a.factorSet}`];
          for (const i of a.ingredients)
            lines.push(
              `  ${i.ingredient} ${i.strength} ${i.unit} × ${a.quantity} ÷ ${a.daysSupply} d × ${i.factor ?? 'no factor'}` +
                (i.dailyMme === null ? '' : ` = ${i.dailyMme.toFixed(2)} MME/day`),
            );
          lines.push(a.dailyMme === null ? `  no MME: ${a.note}` : `daily MME ${a.dailyMme.toFixed(2)}`);
          process.stdout.write(`${lines.join('\n')}\n`);
        } finally {
          await warehouse.close();
        }
      }),
    );
}
