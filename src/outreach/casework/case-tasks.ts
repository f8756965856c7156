import type { OpsDb } from '../../platform/db/ops-db.ts';
import { readCaseWork } from './case-work.ts';
import { caseworkDb } from './casework-store.ts';
import { toFhirTask } from './fhir-views.ts';

/** The member's outreach cases as FHIR Tasks, oldest first (the FHIR read API's `Task?patient=`). */
export async function readCaseTasks(db: OpsDb, memberId: string) {
  const cdb = caseworkDb(db);
  const cases = await cdb
    .selectFrom('outreach_case')
    .select('case_id')
    .where('member_id', '=', memberId)
    .orderBy('opened_at')
    .execute();
  return Promise.all(cases.map(async (c) => toFhirTask(await readCaseWork(cdb, c.case_id))));
}
