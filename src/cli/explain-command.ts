import { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import {
  explainMember,
  factorSets,
  type MemberExplanation,
  parseRiskConfig,
  readRiskConfigFile,
} from '../risk/index.ts';
import { cliContext } from './context.ts';
import { isoDate, prepareWarehouse } from './identify-command.ts';
import { runAction } from './run-action.ts';

const optionsSchema = z.object({
  asOf: isoDate,
  factorSet: z.enum(factorSets).optional(),
  config: z.string().min(1).optional(),
  json: z.boolean().optional(),
});

/** `checkpoint explain MEMBER`: why a member is (or is not) on the worklist as of a date. */
export function explainCommand(): Command {
  return new Command('explain')
    .description(
      'show a member’s fills with daily MME, windows, every risk factor met or missed, emergencies',
    )
    .argument('<member>', 'member id')
    .requiredOption('--as-of <date>', 'the as-of date D, YYYY-MM-DD')
    .option('--factor-set <name>', `MME conversion factors: ${factorSets.join(' | ')}`)
    .option('--config <file>', 'the JSON configuration the run used')
    .option('--json', 'print the explanation as JSON')
    .action(
      runAction(async (memberId: string, raw: unknown, command: Command) => {
        const parsed = optionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new AppError(
            'bad_request',
            'invalid options for explain',
            parsed.error.issues.map((i) => ({
              path: `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
              message: i.message,
            })),
          );
        const options = parsed.data;
        const base = options.config ? readRiskConfigFile(options.config) : parseRiskConfig({});
        const config = options.factorSet ? { ...base, factorSet: options.factorSet } : base;
        const warehouse = await cliContext(command).openWarehouse();
        try {
          await prepareWarehouse(warehouse);
          const [known] = await warehouse.all('select member_id from member where member_id = $1', [
            memberId,
          ]);
          if (!known) throw new AppError('not_found', `No member ${memberId} in the warehouse.`);
          const explained = await explainMember(warehouse, memberId, { asOf: options.asOf, config });
          process.stdout.write(
            options.json ? `${JSON.stringify(explained, null, 2)}\n` : `${formatExplanation(explained)}\n`,
          );
        } finally {
          await warehouse.close();
        }
      }),
    );
}

/** The explanation as plain text for a terminal. */
export function formatExplanation(e: MemberExplanation): string {
  const out: string[] = [`member ${e.memberId} as of ${e.asOf} (factor set ${e.factorSet})`];
  const m = e.metrics;
  if (!m) return [...out, '  no fills or medical claims in the windows'].join('\n');
  out.push(
    `  market ${m.market}; line of business ${m.lineOfBusiness ?? '-'}; ${m.eligible ? 'eligible' : 'NOT eligible'} on ${e.asOf}`,
    e.candidate
      ? `  ON THE WORKLIST: priority ${e.candidate.priority}, latest emergency ${e.candidate.latestEmergency}`
      : '  not on the worklist',
    '',
    'fills',
  );
  if (!e.fills.length) out.push('  (none)');
  for (const f of e.fills)
    out.push(
      `  ${f.fillDate}..${f.endDate} ${f.claimId} ${f.kind} ${f.drug} qty ${f.quantity} / ${f.daysSupply} d` +
        (f.kind === 'opioid' ? ` × ${f.factor ?? 'no factor'} = ${f.dailyMme ?? 0} MME/day` : '') +
        ` prescriber ${f.prescriberNpi ?? '-'} pharmacy ${f.pharmacyNpi ?? '-'}`,
    );
  out.push('', 'windows');
  for (const w of m.windows)
    out.push(`  ${w.window}: ${w.opioidDays} opioid days, average ${w.averageDailyMme.toFixed(2)} MME/day`);
  out.push(
    `  W180: ${m.w180.opioidFillDates} opioid fill dates, ${m.w180.opioidDaysSupply} days supply (episode: ${m.w180.opioidEpisode ? 'yes' : 'no'}); ` +
      `${m.w180.benzodiazepineFillDates} benzodiazepine fill dates, ${m.w180.overlapDays} overlap days; ` +
      `prescribers [${m.w180.prescribers.join(', ')}], pharmacies [${m.w180.pharmacies.join(', ')}]`,
    '',
    'risk factors',
  );
  for (const f of m.factors) {
    const state = f.met ? 'MET   ' : f.ruleMet ? 'EXCL. ' : 'missed';
    const numbers = Object.entries(f.numbers)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    out.push(
      `  ${state} ${f.code}: ${numbers}` +
        (f.excludedBy.length && f.ruleMet ? ` (excluded: ${f.excludedBy.join(', ')})` : '') +
        (f.evidence.length ? ` evidence ${f.evidence.join(', ')}` : ''),
    );
  }
  out.push('', 'emergencies in L90');
  if (!m.emergencies.length) out.push('  (none)');
  for (const x of m.emergencies) out.push(`  ${x.date} ${x.kind} claim ${x.claimId}`);
  out.push(
    '',
    `exclusions: ${m.exclusions.join(', ') || 'none'}`,
    `context: ${m.context.join(', ') || 'none'}`,
  );
  return out.join('\n');
}
