import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/sessions.ts';
import { addDays, todayIso } from '../../platform/calendar/iso-days.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import {
  addRelatedPerson,
  linkSupporterAccount,
  recordConsent,
  relatedPersonRecipient,
} from '../../privacy/index.ts';
import { diagnosisSets } from '../../reference/index.ts';
import type { RiskConfig } from '../../risk/index.ts';
import { dischargeToAftercare } from '../aftercare/aftercare-store.ts';
import { saveAssessment } from '../assessment/assessment-store.ts';
import { sendMessage } from '../messages/message-store.ts';
import { addServiceRequest, changeServiceStatus, saveCarePlan } from '../plans/care-plan-store.ts';
import { recoveryDb } from '../recovery-tables.ts';
import { recordCheckIn } from '../reports/check-in-store.ts';
import { recordScreens, recordSessions } from '../reports/report-store.ts';
import { runSignals } from '../signals/run-signals.ts';

const stages = ['assessed', 'in_treatment', 'in_treatment', 'missed', 'aftercare', 'closed'] as const;

/**
 * Demo: puts a few open cases in each stage of the road after the first call — assessed,
 * in treatment with sessions and screens (one positive for fentanyl), missing sessions, in
 * aftercare, closed as completed — with check-ins, then runs the §11 signals as of `asOf`
 * so the Recovery panel and the alert queue have something real. Does nothing twice.
 */
export async function seedDemoRecovery(
  stores: { db: OpsDb; warehouse: Warehouse },
  options: {
    asOf: string;
    caseManager: Actor;
    facility: { userId: string; npi: string };
    /** The demo supporter account: linked to the member in aftercare, who shares appointments and goals. */
    supporter?: { userId: string };
    config: RiskConfig;
  },
): Promise<string[]> {
  const { db } = stores;
  const rdb = recoveryDb(db);
  const [already] = await rdb
    .selectFrom('care_plan')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .execute();
  if (Number(already?.n ?? 0) > 0) return [];
  const picked = await sql<{ case_id: string; member_id: string }>`
    select case_id, member_id from outreach_case where status = 'open' order by priority desc, member_id
    limit ${stages.length}`.execute(db);
  const E = addDays(options.asOf, -45);
  const by = { userId: options.facility.userId, facilityNpi: options.facility.npi };
  const actor = options.caseManager;
  for (const [i, c] of picked.rows.entries()) {
    const stage = stages[i]!;
    await sql`update outreach_case set stage = ${stage === 'assessed' ? 'engaged' : stage === 'missed' ? 'in_treatment' : stage === 'closed' || stage === 'aftercare' ? 'in_treatment' : stage},
      engaged_on = ${E}::date, assigned_to = ${actor.userId} where case_id = ${c.case_id}`.execute(db);
    await saveAssessment(
      db,
      {
        memberId: c.member_id,
        status: 'completed',
        facilityNpi: null,
        answers: {
          'primary-substance': 'fentanyl',
          housing: i % 2 === 0 ? 'unstable' : 'stable',
          ...Object.fromEntries(
            [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9-${n}`, n <= i + 2 ? 'LA6570-1' : 'LA6568-5']),
          ),
          'asam-d1': '2',
          'asam-level': i % 2 === 0 ? '1.0' : '2.1',
        },
      },
      actor,
    );
    if (stage === 'assessed') continue;
    const { planId } = await saveCarePlan(
      db,
      {
        memberId: c.member_id,
        caseId: c.case_id,
        category: 'treatment',
        status: 'active',
        content: {
          title: 'Treatment plan',
          goals: [
            {
              description: 'Stay on medication for OUD',
              measure: 'days covered',
              target: '90 of 90',
              dueDate: addDays(options.asOf, 45),
              status: 'active',
              steps: [
                { text: 'Pick up the first refill', doneOn: options.asOf },
                { text: 'Set a daily reminder on my phone', doneOn: null },
              ],
            },
            {
              description: 'Find stable housing',
              measure: 'housing status',
              target: 'stable housing',
              dueDate: addDays(options.asOf, 60),
              status: 'active',
              steps: [
                { text: 'Call the housing counselor', doneOn: null },
                { text: 'Gather my ID and income papers', doneOn: null },
              ],
            },
          ],
          careTeam: [{ role: 'case_manager', name: actor.username }],
          prescribedSubstances: [],
          watchedSubstances: [],
        },
      },
      actor,
    );
    await addServiceRequest(
      db,
      { planId, memberId: c.member_id },
      { category: 'moud', service: 'buprenorphine', performerName: 'Demo prescriber' },
      actor,
    );
    await addServiceRequest(
      db,
      { planId, memberId: c.member_id },
      { category: 'supportive', service: 'housing', performerName: 'Harbor Housing' },
      actor,
    );
    const counseling = await addServiceRequest(
      db,
      { planId, memberId: c.member_id },
      {
        category: 'counseling',
        service: 'group',
        performerName: 'Demo recovery center',
        performerNpi: options.facility.npi,
        sessionsPerWeek: 1,
      },
      actor,
    );
    await changeServiceStatus(db, counseling, { status: 'accepted', version: 1 }, actor);
    const missedLate = stage === 'missed';
    await recordSessions(
      db,
      [35, 28, 21, 14, 7].map((d, k) => ({
        memberId: c.member_id,
        sourceId: `demo-${c.case_id}-${d}`,
        scheduledOn: addDays(options.asOf, -d),
        service: 'group' as const,
        attended: missedLate ? k < 3 : true,
      })),
      by,
    );
    await recordScreens(
      db,
      [
        {
          memberId: c.member_id,
          sourceId: `demo-${c.case_id}-u1`,
          collectedOn: addDays(options.asOf, -20),
          substance: 'buprenorphine',
          positive: true,
        },
        {
          memberId: c.member_id,
          sourceId: `demo-${c.case_id}-u1`,
          collectedOn: addDays(options.asOf, -20),
          substance: 'fentanyl',
          positive: i === 1,
        },
      ],
      by,
    );
    await recordCheckIn(
      db,
      c.member_id,
      {
        mood: 6,
        craving: i === 2 ? 8 : 3,
        usedLast7Days: false,
        sleep: 'some_trouble',
        needs: i % 2 ? ['housing'] : [],
        safetyConcern: false,
      },
      actor,
      new Date(`${addDays(options.asOf, -3)}T15:00:00Z`),
    );
    await sendMessage(
      db,
      c.member_id,
      'to_member',
      'Thank you for checking in. I will call you this week to see how the sessions are going.',
      actor,
      new Date(`${addDays(options.asOf, -2)}T14:00:00Z`),
    );
    if (stage === 'aftercare' || stage === 'closed') {
      const closed = stage === 'closed';
      await dischargeDemoMember(db, c, { asOf: options.asOf, dischargeDaysAgo: closed ? 95 : 10, actor });
      if (closed)
        await sql`update outreach_case set status = 'closed', stage = 'closed', close_reason = 'completed',
          closed_at = ${`${addDays(options.asOf, -1)}T12:00:00Z`}::timestamptz where case_id = ${c.case_id}`.execute(
          db,
        );
      else if (options.supporter) await seedDemoSupporter(db, c.member_id, options.supporter.userId, actor);
    }
  }
  await seedOverdoseAfterEngagement(
    stores,
    options.asOf,
    actor.userId,
    new Set(picked.rows.map((r) => r.case_id)),
  );
  // One member answers yes to the safety question: CHECK_IN_SAFETY, urgent, at once.
  const [first] = picked.rows;
  if (first)
    await recordCheckIn(
      db,
      first.member_id,
      { mood: 2, craving: 6, usedLast7Days: false, sleep: 'poorly', needs: [], safetyConcern: true },
      actor,
      new Date(`${addDays(options.asOf, -1)}T20:00:00Z`),
    );
  const result = await runSignals(stores, options.config, options.asOf);
  return [
    `recovery: ${picked.rows.length} members put in each stage after the first call; signals as of ${options.asOf}: ${result.alerts.length} alerts`,
  ];
}

/**
 * Discharges a demo member into aftercare through the real path (plan, services, the
 * hand-off and the 7/30/90-day follow-ups); the contacts already past are recorded as done.
 */
async function dischargeDemoMember(
  db: OpsDb,
  c: { case_id: string; member_id: string },
  options: { asOf: string; dischargeDaysAgo: number; actor: Actor },
) {
  const dischargedOn = addDays(options.asOf, -options.dischargeDaysAgo);
  const [current] = (
    await sql<{ version: number }>`select version from outreach_case where case_id = ${c.case_id}`.execute(db)
  ).rows;
  const { followUps } = await dischargeToAftercare(
    db,
    { caseId: c.case_id, memberId: c.member_id },
    {
      caseVersion: current!.version,
      dischargedOn,
      fromLevelOfCare: '2.1',
      handoff: { to: 'Demo recovery center, outpatient', on: addDays(dischargedOn, 1) },
      plan: {
        title: 'Aftercare plan',
        goals: [
          {
            description: 'Go to a support group every week',
            measure: 'meetings attended',
            target: '4 a month',
            dueDate: addDays(options.asOf, 60),
            status: 'active',
            steps: [{ text: 'Find a meeting near home', doneOn: null }],
          },
        ],
        careTeam: [{ role: 'case_manager', name: options.actor.username }],
        prescribedSubstances: ['buprenorphine'],
        watchedSubstances: [],
        checkInCadence: 'weekly',
        crisisPlan: 'Call 988 or the plan’s crisis line; naloxone at home, in the kitchen drawer.',
      },
      services: [
        {
          category: 'counseling',
          service: 'individual',
          performerName: 'Demo recovery center',
          sessionsPerWeek: 1,
        },
        {
          category: 'supportive',
          service: 'support_group',
          performerName: 'SMART Recovery, Tuesday evenings',
        },
        { category: 'supportive', service: 'housing', performerName: 'Oak Street Recovery Residence' },
      ],
    },
    options.actor,
  );
  const rdb = recoveryDb(db);
  // A member still in aftercare keeps the 7-day call on the queue; a closed case has every contact done.
  const leaveOpen = options.dischargeDaysAgo < 30 ? 'day_7' : null;
  for (const f of followUps.filter((x) => x.dueOn < options.asOf && x.kind !== leaveOpen))
    await rdb
      .updateTable('follow_up')
      .set({
        status: 'done',
        outcome: f.kind === 'warm_handoff' ? 'handoff_confirmed' : 'reached',
        note: f.kind === 'warm_handoff' ? 'Met the outpatient counselor before leaving.' : 'Doing well.',
        done_by: options.actor.userId,
        done_at: new Date(`${f.dueOn}T16:00:00Z`),
      })
      .where('member_id', '=', c.member_id)
      .where('kind', '=', f.kind)
      .execute();
}

/** Names the demo supporter in the member's support network, with a consent to see appointments, goals and the care team. */
async function seedDemoSupporter(db: OpsDb, memberId: string, supporterUserId: string, actor: Actor) {
  const person = await addRelatedPerson(
    db,
    memberId,
    { name: 'Demo supporter', relationship: 'parent' },
    actor,
  );
  await linkSupporterAccount(db, person.related_person_id, supporterUserId);
  const today = todayIso();
  await recordConsent(db, {
    member_id: memberId,
    recipient: relatedPersonRecipient(person.related_person_id),
    purpose: 'family',
    covers_part2: true,
    start_date: today,
    end_date: addDays(today, 365),
    recorded_by: actor.userId,
    shares: ['appointments', 'plan-goals', 'care-team'],
  });
}

/**
 * OVERDOSE_AFTER_ENGAGEMENT needs an overdose after E: a member with an open case and an
 * overdose claim in the last 300 days gets E a week before that claim.
 */
async function seedOverdoseAfterEngagement(
  stores: { db: OpsDb; warehouse: Warehouse },
  asOf: string,
  caseManagerId: string,
  taken: Set<string>,
) {
  const codes = diagnosisSets.opioidOverdose.codes;
  const overdoses = await stores.warehouse.all<{ member_id: string; overdose_on: string }>(
    `select c.member_id, cast(max(c.claim_date) as varchar) as overdose_on
     from medical_claim c join medical_claim_dx x on x.claim_id = c.claim_id and x.version = c.version
     where c.is_current and not c.is_reversed and c.claim_date > cast($1 as date) and c.claim_date <= cast($2 as date)
       and x.code in (${codes.map((_, i) => `$${i + 3}`).join(', ')})
     group by c.member_id order by c.member_id`,
    [addDays(asOf, -300), asOf, ...codes],
  );
  const candidates: { case_id: string; overdose_on: string; taken: boolean }[] = [];
  for (const o of overdoses) {
    const found = await sql<{ case_id: string }>`
      select case_id from outreach_case where member_id = ${o.member_id} and status = 'open'`.execute(
      stores.db,
    );
    for (const c of found.rows)
      candidates.push({ case_id: c.case_id, overdose_on: o.overdose_on, taken: taken.has(c.case_id) });
  }
  // A member not yet staged is put in treatment; failing that, a staged one's E moves before the overdose.
  const chosen = candidates.find((c) => !c.taken) ?? candidates[0];
  if (!chosen) return;
  await sql`update outreach_case set engaged_on = ${addDays(chosen.overdose_on, -7)}::date,
    assigned_to = ${caseManagerId}, stage = case when ${chosen.taken} then stage else 'in_treatment' end
    where case_id = ${chosen.case_id}`.execute(stores.db);
}
