import { Command } from 'commander';
import { z } from 'zod';
import { AppError, issuesFromZod } from '../platform/errors.ts';
import { createLogger } from '../platform/logger.ts';
import { ensureReferenceSchema } from '../reference/index.ts';
import { createServerApp, openMigratedOpsStore, serveUntilSignal } from '../server.ts';
import { cliContext } from './context.ts';
import { runAction } from './run-action.ts';

const optionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).default('127.0.0.1'),
});

/** `checkpoint serve`: the HTTP API (and the built web app) until SIGINT/SIGTERM. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API and, when built, the web app')
    .option('--port <port>', 'port to listen on (default 3000; env PORT)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(
      runAction(async (raw: unknown, command: Command) => {
        const parsed = optionsSchema.safeParse(raw);
        if (!parsed.success)
          throw new AppError('bad_request', 'invalid options for serve', issuesFromZod(parsed.error.issues));
        const context = cliContext(command);
        const port = parsed.data.port ?? context.config.port;
        const store = await openMigratedOpsStore(context.config);
        const warehouse = await context.openWarehouse();
        await ensureReferenceSchema(warehouse);
        const app = await createServerApp({
          store,
          warehouse,
          logger: createLogger(context.config.logLevel),
          trustProxy: context.config.trustProxy,
        });
        const address = await serveUntilSignal(app, port, parsed.data.host);
        process.stderr.write(`checkpoint: serving on ${address} (${store.kind} operational store)\n`);
      }),
    );
}
