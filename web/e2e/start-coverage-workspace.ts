import { findMemberEnrollment } from '../../src/coverage/cost/member-plan.ts';
import { buildDemoNetwork, demoFacilityId } from '../../src/coverage/demo/demo-network.ts';
import { seedDemoCoverage } from '../../src/coverage/plans/plan-store.ts';
import { insertAuthorization, makeAuthorizationId } from '../../src/coverage/preauth/authorization-store.ts';
import { makeDetoxRequest } from '../../src/coverage/preauth/fixtures.ts';
import { receiveAuthorization } from '../../src/coverage/preauth/transitions.ts';
import type { CaseTables } from '../../src/outreach/cases/case-tables.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import { addUser } from '../../src/platform/auth/users.ts';
import type { App } from '../../src/platform/http/route-module.ts';
import { seedPopulation, serveSeeded } from './seed-population.ts';
import { e2ePassword } from './start-workspace.ts';

export interface CoverageWorkspace {
  baseUrl: string;
  /** A member with an open outreach case and a plan today (Maryland when there is one). */
  member: { memberId: string; planId: string };
  facility: { npi: string; name: string };
  users: Record<'caseManager' | 'reviewer' | 'facility' | 'member', string>;
  app: App;
  close(): Promise<void>;
}

/**
 * The real server on a small synthetic population with the demo plans and care
 * network, and one user per role of the coverage flow: a case manager, a UM reviewer,
 * staff of the demo detox facility (organization = its NPI) and the member.
 */
export async function startCoverageWorkspace(
  options: { members?: number; seed?: number } = {},
): Promise<CoverageWorkspace> {
  const seeded = await seedPopulation({
    prefix: 'coverage',
    members: options.members ?? 200,
    seed: options.seed ?? 7,
  });
  const { store, warehouse, asOf } = seeded;
  await seedDemoCoverage(store.db);
  const cases = await store.db
    .withTables<CaseTables>()
    .selectFrom('outreach_case')
    .select(['member_id', 'market'])
    .where('status', '=', 'open')
    .orderBy('priority', 'desc')
    .execute();
  const ordered = [...cases.filter((c) => c.market === 'MD'), ...cases.filter((c) => c.market !== 'MD')];
  let member: CoverageWorkspace['member'] | undefined;
  for (const c of ordered) {
    const enrollment = await findMemberEnrollment(warehouse, c.member_id, asOf);
    if (enrollment) {
      member = { memberId: c.member_id, planId: enrollment.planId };
      break;
    }
  }
  if (!member) throw new Error('no member with an open case and a plan today: try another seed');
  const site = buildDemoNetwork().find((e) => e.id === demoFacilityId);
  if (!site) throw new Error(`demo facility ${demoFacilityId} missing`);
  const make = async (
    username: string,
    role: Role,
    extra: { organization?: string; memberId?: string } = {},
  ) => {
    await addUser(store.db, { ...extra, username, role, password: e2ePassword, displayName: username });
    return username;
  };
  const users = {
    caseManager: await make('casey', 'case_manager'),
    reviewer: await make('rita', 'um_reviewer'),
    facility: await make('fran', 'facility_staff', { organization: site.npi }),
    member: await make('mia', 'member', { memberId: member.memberId }),
  };
  await seedEarlierRequests(
    store.db,
    site,
    ordered
      .map((c) => c.member_id)
      .filter((id) => id !== member.memberId)
      .slice(0, 3),
    member.planId,
  );
  const served = await serveSeeded(seeded);
  return {
    baseUrl: served.baseUrl,
    member,
    facility: { npi: site.npi, name: site.name },
    users,
    app: served.app,
    close: served.close,
  };
}

/**
 * Requests other members' facilities sent earlier, so the reviewer's queue shows its
 * clocks in each state: expedited and due soon, standard and overdue, standard running.
 */
async function seedEarlierRequests(
  db: Parameters<typeof insertAuthorization>[0],
  site: { npi: string; name: string },
  memberIds: readonly string[],
  planId: string,
): Promise<void> {
  const hour = 3_600_000;
  const ages = [
    { hoursAgo: 62, priority: 'expedited' as const },
    { hoursAgo: 7 * 24 + 5, priority: 'standard' as const },
    { hoursAgo: 30, priority: 'standard' as const },
  ];
  for (const [i, memberId] of memberIds.entries()) {
    const age = ages[i % ages.length] ?? ages[0];
    if (!age) continue;
    const receivedAt = new Date(Date.now() - age.hoursAgo * hour).toISOString();
    const day = receivedAt.slice(0, 10);
    const request = makeDetoxRequest({
      memberId,
      planId,
      facility: site,
      priority: age.priority,
      services: [{ code: 'H0014', units: 5 + i * 2, startDate: day, endDate: day }],
      assessment: {
        faceToFace: true,
        date: day,
        assessedBy: 'R. Imani, LCSW',
        withdrawalScore: { scale: 'COWS', value: 12 + i * 6 },
        medicalComplicationsRequireInpatient: false,
        stableLivingEnvironment: i !== 1,
        committedToTreatment: true,
      },
    });
    await insertAuthorization(
      db,
      receiveAuthorization({
        id: makeAuthorizationId(receivedAt),
        request,
        receivedAt,
        actor: 'facility_staff:fran',
      }),
    );
  }
}
