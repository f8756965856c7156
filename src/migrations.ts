import { coverageMigrations } from './coverage/coverage-migrations.ts';
import { measuresMigrations } from './measures/measures-migrations.ts';
import { caseMigrations } from './outreach/cases/case-migrations.ts';
import { caseworkMigrations } from './outreach/casework/casework-migrations.ts';
import { worklistMigrations } from './outreach/worklist/worklist-migrations.ts';
import type { Migration } from './platform/db/migration.ts';
import { platformMigrations } from './platform/db/platform-migrations.ts';
import { prescriberMigrations } from './prescribers/prescriber-migrations.ts';
import { privacyMigrations } from './privacy/privacy-migrations.ts';
import { recoveryMigrations } from './recovery/recovery-migrations.ts';

/**
 * Every migration of the operational store, in the order they run: the platform's
 * first, then each domain's. Add your domain's list with one line; never reorder.
 */
export const migrations: readonly Migration[] = [
  ...platformMigrations,
  ...privacyMigrations,
  ...caseMigrations,
  ...caseworkMigrations,
  ...coverageMigrations,
  ...prescriberMigrations,
  ...worklistMigrations,
  ...recoveryMigrations,
  ...measuresMigrations,
];
