import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { seedDemo } from '../demo.ts';
import { todayIso } from '../platform/calendar/iso-days.ts';
import { AppError, issuesFromZod } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';
import { createServerApp, openMigratedOpsStore, serveUntilSignal } from '../server.ts';
import { cliContext } from './context.ts';
import { isoDate } from './identify-command.ts';
import { runAction } from './run-action.ts';

/** Builds the web app into dist/web with Vite (a dev dependency, loaded only when needed). */
async function buildWebApp(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.resolve('vite.config.ts'), mode: 'production', logLevel: 'warn' });
}

const optionsSchema = z.object({
  members: z.coerce.number().int().min(50).max(1_000_000).default(6000),
  seed: z.coerce.number().int().min(0).default(2026),
  asOf: isoDate.optional(),
  riskEnrichment: z.coerce.number().min(1).max(50).default(20),
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).default('127.0.0.1'),
  serve: z.boolean().default(true),
});

/** `checkpoint demo` (what `npm start` runs): seed a synthetic demo on an empty data dir, then serve it. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('on an empty data dir: generate, ingest, identify and create demo users; then serve')
    .option('--members <n>', 'synthetic members to generate', '6000')
    .option('--seed <n>', 'generator seed', '2026')
    .option('--as-of <date>', 'the as-of date (default: today)')
    .option('--risk-enrichment <factor>', 'oversample high-risk members so the demo has a worklist', '20')
    .option('--port <port>', 'port to serve on (default 3000; env PORT)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-serve', 'seed and report, then exit')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const parsed = optionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new AppError('bad_request', 'invalid options for demo', issuesFromZod(parsed.error.issues));
        const options = parsed.data;
        const context = cliContext(command);
        const say = (line: string) => process.stdout.write(`${line}\n`);
        const store = await openMigratedOpsStore(context.config);
        const warehouse = await context.openWarehouse();
        const result = await seedDemo(
          context.config,
          warehouse,
          store,
          { ...options, asOf: options.asOf ?? todayIso() },
          (line) => say(`checkpoint: ${line}`),
        );
        for (const line of result.lines) say(line);
        if (result.credentials.length > 0) {
          say('\nDemo users (passwords are shown this once; they are stored only as Argon2id hashes):');
          for (const c of result.credentials)
            say(`  ${c.role.padEnd(20)} ${c.username.padEnd(28)} ${c.password}`);
        } else say('\nDemo users exist already (their passwords were printed when they were created).');
        if (!options.serve) {
          await warehouse.close();
          await store.close();
          return;
        }
        if (!fs.existsSync(path.resolve('dist/web/index.html'))) {
          say('checkpoint: building the web app (once)…');
          await buildWebApp();
        }
        const app = await createServerApp({
          store,
          warehouse,
          logger: createLogger(context.config.logLevel),
          trustProxy: context.config.trustProxy,
        });
        const address = await serveUntilSignal(app, options.port ?? context.config.port, options.host);
        say(
          `\nCheckpoint is serving on ${address.replace('127.0.0.1', 'localhost')} — sign in with a demo user above.`,
        );
      }),
    );
}
