import { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit/verify-audit-chain.ts';
import { AppError } from '../platform/errors.ts';
import { openMigratedOpsStore } from '../server.ts';
import { cliContext } from './context.ts';
import { runAction } from './run-action.ts';

/** `checkpoint audit verify`: recomputes the audit log's hash chain; exit 1 when anything was altered. */
export function auditCommand(): Command {
  const audit = new Command('audit').description('the audit log');
  audit
    .command('verify')
    .description('check that no audit event was changed, inserted or removed')
    .action(
      runAction(async (_opts: unknown, command: Command) => {
        const store = await openMigratedOpsStore(cliContext(command).config);
        try {
          const report = await verifyAuditChain(store.db);
          if (report.broken.length > 0)
            throw new AppError(
              'unprocessable',
              `The audit chain is broken: ${report.broken.length} problem(s) found in ${report.events} events.`,
              report.broken.map((b) => ({ path: `seq ${b.seq}`, message: b.problem })),
            );
          process.stdout.write(
            `audit chain intact: ${report.events} events, head ${report.headHash ?? '(empty)'}\n`,
          );
        } finally {
          await store.close();
        }
      }),
    );
  return audit;
}
