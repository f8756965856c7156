import { Command } from 'commander';
import { z } from 'zod';
import { todayIso } from '../platform/calendar/iso-days.ts';
import { AppError, issuesFromZod } from '../platform/errors.ts';
import {
  addPharmacyCheckClient,
  createLockInProposal,
  findReviewCandidates,
  listLockIns,
  prescriberDb,
  runLockInDailyJob,
} from '../prescribers/index.ts';
import { evaluateMembers } from '../risk/index.ts';
import { openMigratedOpsStore } from '../server.ts';
import { cliContext } from './context.ts';
import { prepareWarehouse } from './identify-command.ts';
import { runAction } from './run-action.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('validation_failed', 'Bad options.', issuesFromZod(parsed.error.issues));
  return parsed.data;
}

/** `checkpoint lock-in review|daily-job|status|add-pharmacy-client`: lock-in work from the command line (RISK-RULES §9). */
export function lockInCommand(): Command {
  const lockIn = new Command('lock-in').description(
    'lock-in review, the daily job, and pharmacy check clients',
  );
  lockIn
    .command('review')
    .description('propose every RISK-RULES §9 candidate without an open lock-in for the pharmacist’s review')
    .requiredOption('--as-of <date>', 'the as-of date, YYYY-MM-DD')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const { asOf } = parse(z.object({ asOf: day }), raw);
        const context = cliContext(command);
        const warehouse = await context.openWarehouse();
        await prepareWarehouse(warehouse);
        const store = await openMigratedOpsStore(context.config);
        try {
          const db = prescriberDb(store.db);
          const candidates = findReviewCandidates(await evaluateMembers(warehouse, { asOf }), asOf);
          const open = new Set(
            (await listLockIns(db))
              .filter((l) => !['no_action', 'expired', 'ended'].includes(l.state))
              .map((l) => l.memberId),
          );
          let proposed = 0;
          for (const c of candidates)
            if (!open.has(c.memberId)) {
              await createLockInProposal(db, c.memberId, c.evidence, todayIso(), 'cli');
              proposed++;
            }
          process.stdout.write(
            `lock-in review as of ${asOf}: ${candidates.length} candidates, ${proposed} proposed, ${candidates.length - proposed} already open\n`,
          );
        } finally {
          await store.close();
          await warehouse.close();
        }
      }),
    );
  lockIn
    .command('daily-job')
    .description(
      'activate lock-ins on their effective date and expire them after their last day; safe to run twice',
    )
    .option('--today <date>', 'the business day (default: today)')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const opts = parse(z.object({ today: day.optional() }), raw);
        const store = await openMigratedOpsStore(cliContext(command).config);
        try {
          const r = await runLockInDailyJob(prescriberDb(store.db), opts.today ?? todayIso());
          process.stdout.write(
            `lock-in daily job ${r.today}: ${r.examined} examined, ${r.activated} activated, ${r.expired} expired\n`,
          );
        } finally {
          await store.close();
        }
      }),
    );
  lockIn
    .command('status')
    .description('count lock-ins by state')
    .action(
      runAction(async (_raw: unknown, command: Command) => {
        const store = await openMigratedOpsStore(cliContext(command).config);
        try {
          const counts = new Map<string, number>();
          for (const l of await listLockIns(prescriberDb(store.db)))
            counts.set(l.state, (counts.get(l.state) ?? 0) + 1);
          for (const [state, n] of [...counts].sort()) process.stdout.write(`${state}\t${n}\n`);
          if (counts.size === 0)
            process.stdout.write('no lock-ins yet: run `checkpoint lock-in review --as-of DATE`\n');
        } finally {
          await store.close();
        }
      }),
    );
  lockIn
    .command('add-pharmacy-client <name>')
    .description('register a pharmacy claim system for POST /api/pharmacy/check and print its API key once')
    .action(
      runAction(async (name: string, _raw: unknown, command: Command) => {
        const store = await openMigratedOpsStore(cliContext(command).config);
        try {
          const { clientId, apiKey } = await addPharmacyCheckClient(prescriberDb(store.db), name);
          process.stdout.write(
            `client ${clientId}\nAPI key (shown once; send as Authorization: Bearer …): ${apiKey}\n`,
          );
        } finally {
          await store.close();
        }
      }),
    );
  return lockIn;
}
