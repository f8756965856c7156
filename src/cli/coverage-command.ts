import { Command } from 'commander';
import { checkParity, describeParity, loadPlanFile, savePlans, seedDemoCoverage } from '../coverage/index.ts';
import { openMigratedOpsStore } from '../server.ts';
import { cliContext } from './context.ts';
import { runAction } from './run-action.ts';

/** `checkpoint coverage check-plans|import-plans|seed-demo`: plan files, the parity check, the demo plans and network. */
export function coverageCommand(): Command {
  const coverage = new Command('coverage').description(
    'plans and benefits, the care network, preauthorization',
  );
  coverage
    .command('check-plans')
    .description('validate a plan file and check SUD parity; exits 1 on a violation')
    .argument('<file>', 'plan file (JSON, format checkpoint-plans/1: see src/coverage/README.md)')
    .action(
      runAction(async (file: string) => {
        const plans = await loadPlanFile(file);
        const findings = plans.flatMap(checkParity);
        process.stdout.write(`${describeParity(plans, findings).join('\n')}\n`);
        if (findings.some((f) => f.severity === 'violation')) process.exitCode = 1;
      }),
    );
  coverage
    .command('import-plans')
    .description('validate a plan file and store its plans (replacing plans with the same id)')
    .argument('<file>', 'plan file (JSON)')
    .action(
      runAction(async (file: string, _raw: unknown, command: Command) => {
        const plans = await loadPlanFile(file);
        const store = await openMigratedOpsStore(cliContext(command).config);
        try {
          await savePlans(store.db, plans);
        } finally {
          await store.close();
        }
        process.stdout.write(`${describeParity(plans, plans.flatMap(checkParity)).join('\n')}\n`);
        process.stdout.write(`stored ${plans.length} plan(s)\n`);
      }),
    );
  coverage
    .command('seed-demo')
    .description('store the demo plans and the fictional care network (running it again changes nothing)')
    .action(
      runAction(async (_raw: unknown, command: Command) => {
        const store = await openMigratedOpsStore(cliContext(command).config);
        try {
          const counts = await seedDemoCoverage(store.db);
          process.stdout.write(`stored ${counts.plans} demo plans and ${counts.network} network entries\n`);
        } finally {
          await store.close();
        }
      }),
    );
  return coverage;
}
