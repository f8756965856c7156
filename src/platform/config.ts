import path from 'node:path';
import { z } from 'zod';
import { AppError, issuesFromZod } from './errors.ts';

/** Settings that come from the environment and the CLI's global options, parsed once at start. */
export const appConfigSchema = z.object({
  dataDir: z.string().min(1),
  warehouseUrl: z
    .string()
    .regex(/^(duckdb:|postgres(ql)?:\/\/)/, 'must start with duckdb: or postgres://')
    .optional(),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Behind a TLS-terminating proxy: which proxy to believe about the client's address and
   * protocol (`true`, `loopback`, or addresses / CIDRs, comma-separated). Off by default: the
   * session cookie is marked Secure and HSTS sent only when the request is known to be HTTPS.
   */
  trustProxy: z
    .string()
    .regex(/^(true|loopback|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/, 'must be true, loopback or addresses')
    .optional(),
});

export type AppConfigInput = z.input<typeof appConfigSchema>;
export type AppConfig = Readonly<z.output<typeof appConfigSchema>> & {
  readonly warehousePath: string;
  readonly opsDir: string;
};

/** Parses configuration, reporting every problem at once; the result is frozen. */
export function parseConfig(input: AppConfigInput): AppConfig {
  const parsed = appConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      'The configuration is not valid.',
      issuesFromZod(parsed.error.issues),
    );
  }
  const dataDir = path.resolve(parsed.data.dataDir);
  const warehouseUrl = parsed.data.warehouseUrl ?? `duckdb:${path.join(dataDir, 'warehouse.duckdb')}`;
  return Object.freeze({
    ...parsed.data,
    dataDir,
    warehouseUrl,
    warehousePath: warehouseUrl.startsWith('duckdb:') ? warehouseUrl.slice('duckdb:'.length) : '',
    opsDir: path.join(dataDir, 'ops'),
  });
}

/** Reads the environment variables Checkpoint understands; only the CLI entry calls this. */
export function configFromEnv(env: NodeJS.ProcessEnv): Partial<AppConfigInput> {
  const out: Partial<AppConfigInput> = {};
  if (env.DATABASE_URL) out.databaseUrl = env.DATABASE_URL;
  if (env.CHECKPOINT_WAREHOUSE) out.warehouseUrl = env.CHECKPOINT_WAREHOUSE;
  if (env.CHECKPOINT_DATA_DIR) out.dataDir = env.CHECKPOINT_DATA_DIR;
  if (env.PORT) out.port = env.PORT;
  if (env.CHECKPOINT_TRUST_PROXY) out.trustProxy = env.CHECKPOINT_TRUST_PROXY;
  if (env.LOG_LEVEL) out.logLevel = env.LOG_LEVEL as AppConfigInput['logLevel'];
  return out;
}
