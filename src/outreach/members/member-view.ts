import { sql } from 'kysely';
import { z } from 'zod';
import { todayIso } from '../../platform/calendar/iso-days.ts';
import { AppError } from '../../platform/errors.ts';
import type { DataStores, MemberGrant } from '../../platform/http/request-access.ts';
import type { CaseTables } from '../cases/case-tables.ts';
import { explainMemberRisk } from './member-risk.ts';
import { memberViewLoaderFor } from './member-view-loader.ts';

export const memberViewSchema = z.object({
  asOf: z.string(),
  profile: z.object({
    memberId: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    birthDate: z.string().nullable(),
    gender: z.string().nullable(),
    phone: z.string().nullable(),
    addressLine: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    zip: z.string().nullable(),
  }),
  coverage: z.array(
    z.object({
      startDate: z.string(),
      endDate: z.string().nullable(),
      lineOfBusiness: z.string(),
      planType: z.string().nullable(),
      planId: z.string(),
      payer: z.string().nullable(),
    }),
  ),
  risk: z.object({
    onWorklist: z.boolean(),
    priority: z.number().nullable(),
    riskFactors: z.array(
      z.object({ code: z.string(), met: z.boolean(), value: z.number(), evidence: z.array(z.string()) }),
    ),
    emergencies: z.array(z.object({ kind: z.string(), date: z.string(), claimId: z.string() })),
    exclusions: z.array(z.string()),
    context: z.array(z.string()),
    dailyMme: z.array(z.object({ date: z.string(), mme: z.number() })),
  }),
  timeline: z.array(
    z.object({
      kind: z.enum(['medical', 'pharmacy']),
      claimId: z.string(),
      date: z.string(),
      label: z.string(),
      codes: z.array(z.string()),
      prescriberNpi: z.string().nullable(),
      daysSupply: z.number().nullable(),
      part2: z.boolean(),
    }),
  ),
  openCase: z
    .object({ caseId: z.string(), version: z.number().int(), assignedTo: z.string().nullable() })
    .nullable(),
  /** True when 42 CFR Part 2 records exist for some members but this caller may not see them. */
  part2Withheld: z.boolean(),
});

export type MemberView = z.infer<typeof memberViewSchema>;

/** Everything the member screen shows, as of a day (default the latest run's), within the caller's grant. */
export async function readMemberView(
  { db, warehouse }: DataStores,
  grant: MemberGrant,
  asOfAsked: string | undefined,
): Promise<MemberView> {
  const { memberId } = grant;
  const cases = db.withTables<CaseTables>();
  const [latestRun, openCase] = await Promise.all([
    cases.selectFrom('identification_run').select(sql<string>`max(as_of)`.as('as_of')).executeTakeFirst(),
    cases
      .selectFrom('outreach_case')
      .select(['case_id', 'version', 'assigned_to'])
      .where('member_id', '=', memberId)
      .where('status', '=', 'open')
      .executeTakeFirst(),
  ]);
  const asOf = asOfAsked ?? latestRun?.as_of ?? todayIso();
  // Read together with concurrent requests' members (one query per table per batch).
  const view = await memberViewLoaderFor(warehouse).load({
    memberId,
    asOf,
    includePart2: grant.includePart2,
  });
  if (!view) throw new AppError('not_found', 'There is no such member.');
  // A member no recorded run covers on that date is explained live.
  const risk = view.risk ?? (await explainMemberRisk(warehouse, memberId, asOf, grant.includePart2));
  return {
    asOf,
    profile: view.profile,
    coverage: view.coverage,
    risk,
    timeline: view.timeline,
    openCase: openCase
      ? { caseId: openCase.case_id, version: openCase.version, assignedTo: openCase.assigned_to }
      : null,
    part2Withheld: !grant.includePart2,
  };
}
