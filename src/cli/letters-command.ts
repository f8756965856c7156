import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { writeAuditEvent } from '../platform/audit/audit-event.ts';
import { todayIso } from '../platform/calendar/iso-days.ts';
import { AppError, issuesFromZod } from '../platform/errors.ts';
import {
  collectMonitoring,
  generateLetters,
  readMemberIdentities,
  readPart2ClaimIds,
} from '../prescribers/index.ts';
import { openMigratedOpsStore } from '../server.ts';
import { cliContext } from './context.ts';
import { prepareWarehouse } from './identify-command.ts';
import { runAction } from './run-action.ts';

const options = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD'),
  out: z.string().min(1).optional(),
});

/** `checkpoint letters --as-of DATE [--out DIR]`: one prescriber letter (PDF) per prescriber of high-risk members. */
export function lettersCommand(): Command {
  return new Command('letters')
    .description(
      'write prescriber letters as of a date (RISK-RULES §8), stored for sending; --out also writes the PDFs',
    )
    .requiredOption('--as-of <date>', 'the as-of date, YYYY-MM-DD')
    .option('--out <dir>', 'also write each letter as a PDF file in this folder')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const parsed = options.safeParse(raw);
        if (!parsed.success)
          throw new AppError('validation_failed', 'Bad options.', issuesFromZod(parsed.error.issues));
        const { asOf, out } = parsed.data;
        const context = cliContext(command);
        const warehouse = await context.openWarehouse();
        await prepareWarehouse(warehouse);
        const store = await openMigratedOpsStore(context.config);
        try {
          const snapshot = await collectMonitoring(warehouse, asOf);
          const result = await generateLetters(store.db, snapshot, {
            by: 'cli',
            today: todayIso(),
            identities: await readMemberIdentities(warehouse, [...snapshot.highRisk]),
            part2ClaimIds: await readPart2ClaimIds(warehouse),
          });
          await writeAuditEvent(store.db, {
            actorId: 'cli',
            actorUsername: null,
            actorRole: null,
            action: 'create',
            memberId: null,
            resourceType: 'LetterRun',
            resourceId: result.runId,
            purpose: 'operations',
            outcome: 'success',
            requestId: null,
            detail: `${result.counts.letters} letters${out ? ' written to files' : ''}`,
          });
          for (const letter of result.letters)
            for (const memberId of letter.memberIds)
              await writeAuditEvent(store.db, {
                actorId: 'cli',
                actorUsername: null,
                actorRole: null,
                action: 'create',
                memberId,
                resourceType: 'Letter',
                resourceId: letter.letterId,
                purpose: 'operations',
                outcome: 'success',
                requestId: null,
                detail: `letter to prescriber ${letter.prescriberNpi}`,
              });
          if (out) {
            fs.mkdirSync(out, { recursive: true });
            for (const letter of result.letters)
              fs.writeFileSync(path.join(out, `letter-${asOf}-${letter.prescriberNpi}.pdf`), letter.pdf);
          }
          const c = result.counts;
          process.stdout.write(
            `letters as of ${asOf}: run ${result.runId}\n` +
              `  high-risk members: ${c.highRiskMembers}\n  prescriber-member pairs: ${c.pairs}\n` +
              `  suppressed (sent in the last 180 days, nothing new): ${c.suppressed}\n  letters: ${c.letters}\n` +
              `  Part 2 facts left out (no consent): ${c.part2Withheld}\n` +
              (out ? `  PDFs written to ${out}\n` : ''),
          );
        } finally {
          await store.close();
          await warehouse.close();
        }
      }),
    );
}
