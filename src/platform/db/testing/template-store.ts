import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateOpsStore } from '../migrate.ts';
import type { Migration } from '../migration.ts';
import { openOpsStore } from '../open-ops-store.ts';
import type { OpsStore } from '../ops-db.ts';

/**
 * A fresh, migrated in-memory PGlite store for a test. PGlite's initdb is the slow
 * part (seconds), so the first call ever saves a migrated image under the OS temp
 * dir, keyed by the migrations' text, and later calls start from it.
 */
export async function openTestOpsStore(migrations: readonly Migration[]): Promise<OpsStore> {
  const key = createHash('sha256')
    .update(migrations.map((m) => `${m.name}\n${m.sql}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const file = path.join(os.tmpdir(), `checkpoint-ops-template-${key}.tar`);
  if (existsSync(file)) {
    try {
      const store = await openOpsStore({ pgliteDir: 'memory://', template: new Blob([readFileSync(file)]) });
      await migrateOpsStore(store, migrations);
      return store;
    } catch {
      // A damaged image: fall through and make a new one.
    }
  }
  const store = await openOpsStore({ pgliteDir: 'memory://' });
  await migrateOpsStore(store, migrations);
  const client = store.client;
  if (client) {
    const image = await client.dumpDataDir('none');
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.from(await image.arrayBuffer()));
    renameSync(temp, file); // atomic: parallel test files never read half an image
  }
  return store;
}
