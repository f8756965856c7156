import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateOpsStore } from '../migrate.ts';
import type { Migration } from '../migration.ts';
import { openOpsStore } from '../open-ops-store.ts';
import type { OpsStore } from '../ops-db.ts';

/** Set (by `postgres-setup.ts`) when the store tests run a second time, on real PostgreSQL. */
export const testPostgresVariable = 'CHECKPOINT_TEST_POSTGRES_URL';

/**
 * A fresh, migrated store for a test: in-memory PGlite, or — when the suite runs on a
 * real server (`CHECKPOINT_TEST_POSTGRES_URL`) — a new database on it. PGlite's initdb
 * is the slow part (seconds), so the first call ever saves a migrated image under the OS
 * temp dir, keyed by the migrations' text, and later calls start from it; on PostgreSQL
 * a migrated template database plays that part.
 */
export async function openTestOpsStore(migrations: readonly Migration[]): Promise<OpsStore> {
  const key = createHash('sha256')
    .update(migrations.map((m) => `${m.name}\n${m.sql}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const serverUrl = process.env[testPostgresVariable];
  if (serverUrl) return openPostgresTestStore(serverUrl, migrations, key);
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

const databaseUrl = (serverUrl: string, name: string) => serverUrl.replace(/\/[^/]*$/, `/${name}`);

/** A new database cloned from a migrated template (made once per migrations key, under a lock). */
async function openPostgresTestStore(
  serverUrl: string,
  migrations: readonly Migration[],
  key: string,
): Promise<OpsStore> {
  const { default: pg } = await import('pg');
  const template = `checkpoint_template_${key}`;
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Test files run in parallel processes: one makes the template, and clones never overlap
    // (PostgreSQL refuses to copy a database another session is copying or using).
    await admin.query('select pg_advisory_lock(7364)');
    const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (found.rowCount === 0) {
      await admin.query(`create database ${template}`);
      const store = await openOpsStore({ databaseUrl: databaseUrl(serverUrl, template) }, 2);
      try {
        await migrateOpsStore(store, migrations);
      } finally {
        await store.close();
      }
    }
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.query('select pg_advisory_unlock(7364)');
    await admin.end();
  }
  return openOpsStore({ databaseUrl: databaseUrl(serverUrl, name) }, 4);
}
