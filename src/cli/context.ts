import type { Command } from 'commander';
import { ensureWarehouseSchema } from '../claims/index.ts';
import { type AppConfig, configFromEnv, parseConfig } from '../platform/config.ts';
import { openWarehouse } from '../platform/warehouse/open-warehouse.ts';
import type { Warehouse } from '../platform/warehouse/warehouse.ts';

/** What every command gets: the parsed configuration and a way to open the stores. */
export interface CliContext {
  config: AppConfig;
  /** Opens the warehouse with its schema in place; the caller closes it. */
  openWarehouse(): Promise<Warehouse>;
}

interface GlobalOptions {
  dataDir?: string;
  warehouse?: string;
  database?: string;
}

/** Builds the context from the command's global options and the environment. */
export function cliContext(command: Command): CliContext {
  const globals = command.optsWithGlobals<GlobalOptions>();
  const env = configFromEnv(process.env);
  const config = parseConfig({
    ...env,
    dataDir: globals.dataDir ?? env.dataDir ?? './data',
    ...(globals.warehouse ? { warehouseUrl: globals.warehouse } : {}),
    ...(globals.database ? { databaseUrl: globals.database } : {}),
  });
  return {
    config,
    async openWarehouse() {
      const warehouse = await openWarehouse(
        config.warehouseUrl ?? `duckdb:${config.dataDir}/warehouse.duckdb`,
      );
      await ensureWarehouseSchema(warehouse);
      return warehouse;
    },
  };
}
