import { addDays } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { readAuthorizations } from '../preauth/authorization-store.ts';
import { actOnPreauthorization } from '../preauth/preauth-service.ts';
import type { AuthorizationAction } from '../preauth/transitions.ts';
import type { DetoxEpisode } from './demo-detox-episodes.ts';
import { buildRequest, reviewer, submitAsFacility } from './demo-preauth-actors.ts';

/** What seeding the open requests did. */
export interface OpenRequestSeeding {
  seeded: number;
  /** The ids of the requests made by this run. */
  ids: string[];
  alreadyOnFile: number;
  skipped: Array<{ memberId: string; reason: string }>;
}

const hour = 3_600_000;

/**
 * The open requests a reviewer's queue shows on the demo's day, oldest first: an
 * expedited one in review with its 72 hours nearly spent, one pended for the facility to
 * answer, and two standard ones waiting for a reviewer.
 */
const scenarios: ReadonlyArray<{
  hoursAgo: number;
  priority: 'standard' | 'expedited';
  steps: readonly AuthorizationAction[];
}> = [
  {
    hoursAgo: 76,
    priority: 'standard',
    steps: [
      { kind: 'start-review' },
      {
        kind: 'pend',
        informationRequested:
          'Send the COWS score sheet from the intake visit and the signed treatment plan.',
      },
    ],
  },
  { hoursAgo: 60, priority: 'expedited', steps: [{ kind: 'start-review' }] },
  { hoursAgo: 26, priority: 'standard', steps: [] },
  { hoursAgo: 4, priority: 'standard', steps: [] },
];

/**
 * Members a facility would send for outpatient detox now: an opioid use disorder
 * diagnosed in the 180 days before `asOf` and a plan on `asOf`, in a stable order.
 */
async function readCandidates(
  warehouse: Warehouse,
  asOf: string,
): Promise<Array<{ memberId: string; planId: string; codes: string[] }>> {
  const rows = await warehouse.all<{ member_id: string; plan_id: string; codes: string }>(
    `with dx as (
       select c.member_id, string_agg(distinct d.code, ',' order by d.code) as codes
       from medical_claim c join medical_claim_dx d using (claim_id, version)
       where c.is_current and not c.is_reversed and d.code like 'F11%'
         and c.claim_date between cast($1 as date) - interval 180 day and cast($1 as date)
       group by c.member_id
     ),
     plan as (
       select member_id, arg_max(plan_id, start_date) as plan_id from enrollment
       where start_date <= cast($1 as date) and (end_date is null or end_date >= cast($1 as date))
         and plan_id <> ''
       group by member_id
     )
     select dx.member_id, plan.plan_id, dx.codes from dx join plan using (member_id)
     order by md5(dx.member_id) limit 40`,
    [asOf],
  );
  return rows.map((r) => ({ memberId: r.member_id, planId: r.plan_id, codes: r.codes.split(',') }));
}

/**
 * Seeds the demo's open preauthorization requests at `facility` (the demo facility user's),
 * received in the hours before the demo's day so the reviewer's queue and the facility's
 * list have live clocks. A member with a request from this facility in the 30 days before
 * `asOf` is passed over, so running it again adds nothing.
 */
export async function seedOpenDemoRequests(
  db: OpsDb,
  warehouse: Warehouse,
  asOf: string,
  facility: { npi: string; name: string },
  now: Date = new Date(),
): Promise<OpenRequestSeeding> {
  const result: OpenRequestSeeding = { seeded: 0, ids: [], alreadyOnFile: 0, skipped: [] };
  // The demo's "now": the real time on its day, the day's end when it is in the past.
  const base = Math.min(now.getTime(), Date.parse(`${asOf}T23:00:00.000Z`));
  let next = 0;
  for (const candidate of await readCandidates(warehouse, asOf)) {
    const scenario = scenarios[next];
    if (!scenario) break;
    const earlier = await readAuthorizations(db, { memberId: candidate.memberId, facilityNpi: facility.npi });
    if (earlier.some((a) => a.receivedAt.slice(0, 10) >= addDays(asOf, -30))) {
      result.alreadyOnFile += 1;
      next += 1;
      continue;
    }
    const receivedAt = new Date(base - scenario.hoursAgo * hour).toISOString();
    const startDate = addDays(receivedAt.slice(0, 10), 1);
    const planned: DetoxEpisode = {
      claimId: `open-${candidate.memberId}`,
      memberId: candidate.memberId,
      billingNpi: facility.npi,
      code: 'H0014',
      startDate,
      endDate: addDays(startDate, 4),
      days: 5,
    };
    try {
      const request = {
        ...buildRequest(planned, 'approved', candidate.planId, facility.name, candidate.codes),
        priority: scenario.priority,
      };
      let current = await submitAsFacility(db, request, receivedAt, `demo-seed-open-${candidate.memberId}`);
      for (const [i, action] of scenario.steps.entries()) {
        const when = new Date(Date.parse(receivedAt) + (i + 1) * hour).toISOString();
        current = await actOnPreauthorization(db, reviewer, current.id, current.version, action, when);
      }
      result.seeded += 1;
      result.ids.push(current.id);
      next += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ memberId: candidate.memberId, reason: error.message });
    }
  }
  return result;
}
