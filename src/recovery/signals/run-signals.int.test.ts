import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations.ts';
import { seedCase } from '../../outreach/cases/seed-case.ts';
import type { SessionUser } from '../../platform/auth/sessions.ts';
import { addUser } from '../../platform/auth/users.ts';
import { addDays } from '../../platform/calendar/iso-days.ts';
import type { OpsStore } from '../../platform/db/ops-db.ts';
import { openTestOpsStore } from '../../platform/db/testing/template-store.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { parseRiskConfig } from '../../risk/index.ts';
import {
  addEdVisit,
  addFill,
  addMedical,
  addMember,
  ndc,
  openTestWarehouse,
} from '../../risk/test-population.ts';
import { addServiceRequest, saveCarePlan } from '../plans/care-plan-store.ts';
import type { CarePlanContent } from '../recovery-schemas.ts';
import { recoveryDb } from '../recovery-tables.ts';
import { recordCheckIn } from '../reports/check-in-store.ts';
import { recordScreens, recordSessions } from '../reports/report-store.ts';
import { runSignals } from './run-signals.ts';

const D = '2026-06-30';
const E = '2026-05-01';
const facility = { facilityNpi: '1234567893', userId: '' };
let store: OpsStore;
let w: Warehouse;
let actor: SessionUser;

beforeEach(async () => {
  store = await openTestOpsStore(migrations);
  w = await openTestWarehouse();
  const user = await addUser(store.db, {
    username: 'cm-signals',
    role: 'case_manager',
    password: 'correct horse battery staple',
  });
  actor = { userId: user.userId, username: 'cm-signals', role: 'case_manager' } as SessionUser;
  facility.userId = user.userId;
});
afterEach(async () => {
  await w.close();
  await store.close();
});

/** A member with a case engaged on `engagedOn` (open, or closed `closedDaysAgo` before D). */
async function engaged(memberId: string, options: { engagedOn?: string; closedDaysAgo?: number } = {}) {
  await addMember(w, { id: memberId });
  const closed = options.closedDaysAgo !== undefined;
  const caseId = await seedCase(store.db, {
    memberId,
    status: closed ? 'closed' : 'open',
    ...(closed
      ? {
          closedAt: new Date(`${addDays(D, -options.closedDaysAgo!)}T12:00:00Z`),
          closeReason: 'engaged' as const,
        }
      : {}),
  });
  await store.execScript(
    `update outreach_case set stage = '${closed ? 'closed' : 'engaged'}', engaged_on = '${options.engagedOn ?? E}' where case_id = '${caseId}'`,
  );
  return caseId;
}

async function plan(memberId: string, content: Partial<CarePlanContent> = {}) {
  return saveCarePlan(
    store.db,
    {
      memberId,
      caseId: null,
      category: 'treatment',
      status: 'active',
      content: {
        title: 'Plan',
        goals: [],
        careTeam: [],
        prescribedSubstances: [],
        watchedSubstances: [],
        ...content,
      },
    },
    actor,
  );
}

const run = (asOf = D) => runSignals({ db: store.db, warehouse: w }, parseRiskConfig({}), asOf);
const codes = (result: Awaited<ReturnType<typeof run>>) =>
  result.alerts.map((a) => `${a.memberId} ${a.code}`).sort();

describe('RISK-RULES §11 claims signals', () => {
  it('OVERDOSE_AFTER_ENGAGEMENT: an overdose the day after E (urgent, due the same day), not on E', async () => {
    await engaged('M1');
    await engaged('M2');
    await addMedical(w, { id: 'C1', member: 'M1', date: addDays(E, 1), dx: ['T401X1A'] });
    await addMedical(w, { id: 'C2', member: 'M2', date: E, dx: ['T401X1A'] });
    const result = await run();
    expect(codes(result)).toEqual(['M1 OVERDOSE_AFTER_ENGAGEMENT']);
    expect(result.alerts[0]).toMatchObject({
      severity: 'urgent',
      raisedOn: D,
      dueOn: D,
      evidence: { id: 'C1', source: 'claims' },
    });
  });

  it('EMERGENCY_AFTER_ENGAGEMENT: an ED visit after E (one alert for its two claims); an ED visit for an overdose raises the overdose alone', async () => {
    await engaged('M1');
    await engaged('M2');
    await engaged('M3');
    await addEdVisit(w, 'C1', 'M1', addDays(E, 5));
    // The facility's and the professional's claim of the same visit: one event, one alert.
    await addEdVisit(w, 'C1b', 'M1', addDays(E, 5));
    await addEdVisit(w, 'C2', 'M2', addDays(E, -5));
    await addEdVisit(w, 'C3', 'M3', addDays(E, 5), ['T402X1A']);
    const result = await run();
    expect(codes(result)).toEqual(['M1 EMERGENCY_AFTER_ENGAGEMENT', 'M3 OVERDOSE_AFTER_ENGAGEMENT']);
    expect(result.alerts.find((a) => a.memberId === 'M1')).toMatchObject({
      severity: 'high',
      dueOn: '2026-07-01',
    });
  });

  it('OPIOID_FILL_AFTER_ENGAGEMENT: from a prescriber outside the care team, not from one on it, not before E', async () => {
    await engaged('M1');
    await engaged('M2');
    await engaged('M3');
    await plan('M2', { careTeam: [{ role: 'prescriber', name: 'Dr. Team', npi: '1111111111' }] });
    await addFill(w, {
      id: 'F1',
      member: 'M1',
      date: addDays(E, 3),
      ndc: ndc.oxycodone5,
      quantity: 20,
      days: 5,
      prescriber: '9999999999',
    });
    await addFill(w, {
      id: 'F2',
      member: 'M2',
      date: addDays(E, 3),
      ndc: ndc.oxycodone5,
      quantity: 20,
      days: 5,
      prescriber: '1111111111',
    });
    await addFill(w, {
      id: 'F3',
      member: 'M3',
      date: addDays(E, -3),
      ndc: ndc.oxycodone5,
      quantity: 20,
      days: 5,
      prescriber: '9999999999',
    });
    expect(codes(await run())).toEqual(['M1 OPIOID_FILL_AFTER_ENGAGEMENT']);
  });

  it('MOUD_GAP: none of the last 8 days covered after MOUD since E; covered on day 8 back is no gap', async () => {
    await engaged('M1');
    await engaged('M2');
    // Buprenorphine from E+1 for 14 days: the last covered day is E+14.
    await addFill(w, {
      id: 'B1',
      member: 'M1',
      date: addDays(E, 1),
      ndc: ndc.buprenorphineFilm8,
      quantity: 14,
      days: 14,
    });
    const lastCovered = addDays(E, 14);
    expect(codes(await run(addDays(lastCovered, 7)))).toEqual([]);
    const result = await run(addDays(lastCovered, 8));
    expect(codes(result)).toEqual(['M1 MOUD_GAP']);
    expect(result.alerts[0]!.evidence.id).toBe(lastCovered);
  });

  it('MOUD_GAP: an OTP service in the last 8 days is MOUD; no MOUD since E is no gap', async () => {
    await engaged('M1');
    await engaged('M2');
    await addFill(w, {
      id: 'B1',
      member: 'M1',
      date: addDays(E, 1),
      ndc: ndc.buprenorphineFilm8,
      quantity: 14,
      days: 14,
    });
    await addMedical(w, { id: 'O1', member: 'M1', date: addDays(D, -3), lines: [{ procedure: 'G2067' }] });
    await addFill(w, {
      id: 'B2',
      member: 'M2',
      date: addDays(E, -40),
      ndc: ndc.buprenorphineFilm8,
      quantity: 30,
      days: 30,
    });
    expect(codes(await run())).toEqual([]);
  });
});

describe('RISK-RULES §11 report and check-in signals', () => {
  it('MISSED_SESSIONS: two in a row after E (normal, 3 business days), not missed–attended–missed', async () => {
    await engaged('M1');
    await engaged('M2');
    const session = (memberId: string, n: number, attended: boolean) => ({
      memberId,
      sourceId: `${memberId}-S${n}`,
      scheduledOn: addDays(E, n * 3),
      service: 'individual' as const,
      attended,
    });
    await recordSessions(
      store.db,
      [session('M1', 1, true), session('M1', 2, false), session('M1', 3, false)],
      facility,
    );
    await recordSessions(
      store.db,
      [session('M2', 1, false), session('M2', 2, true), session('M2', 3, false)],
      facility,
    );
    const result = await run(addDays(E, 10));
    expect(codes(result)).toEqual(['M1 MISSED_SESSIONS']);
    expect(result.alerts[0]).toMatchObject({ severity: 'normal', evidence: { source: 'reports' } });
  });

  it('MISSED_SESSIONS: none attended in 14 days while weekly sessions are planned; 13 days is not yet', async () => {
    await engaged('M1', { engagedOn: '2026-04-01' });
    const { planId } = await plan('M1');
    const requestId = await addServiceRequest(
      store.db,
      { planId, memberId: 'M1' },
      {
        category: 'counseling',
        service: 'individual',
        performerName: 'Harbor Counseling',
        sessionsPerWeek: 1,
      },
      actor,
    );
    await store.execScript(
      `update service_request set status = 'in-progress', created_at = '2026-04-02' where request_id = '${requestId}'`,
    );
    await recordSessions(
      store.db,
      [{ memberId: 'M1', sourceId: 'S1', scheduledOn: '2026-06-17', service: 'individual', attended: true }],
      facility,
    );
    expect(codes(await run('2026-06-30'))).toEqual([]);
    const result = await run('2026-07-01');
    expect(codes(result)).toEqual(['M1 MISSED_SESSIONS']);
    expect(result.alerts[0]!.evidence.id).toBe('2026-06-17');
  });

  it('POSITIVE_SCREEN: fentanyl yes; buprenorphine on a buprenorphine plan no; cocaine only when the plan watches it', async () => {
    for (const m of ['M1', 'M2', 'M3', 'M4']) await engaged(m);
    await plan('M2', { prescribedSubstances: ['buprenorphine'] });
    await plan('M4', { watchedSubstances: ['cocaine'] });
    const screen = (memberId: string, substance: 'fentanyl' | 'buprenorphine' | 'cocaine') => ({
      memberId,
      sourceId: `${memberId}-U1`,
      collectedOn: addDays(E, 7),
      substance,
      positive: true,
    });
    await recordScreens(
      store.db,
      [
        screen('M1', 'fentanyl'),
        screen('M2', 'buprenorphine'),
        screen('M3', 'cocaine'),
        screen('M4', 'cocaine'),
      ],
      facility,
    );
    await recordScreens(
      store.db,
      [{ ...screen('M3', 'fentanyl'), sourceId: 'M3-U2', positive: false }],
      facility,
    );
    expect(codes(await run())).toEqual(['M1 POSITIVE_SCREEN', 'M4 POSITIVE_SCREEN']);
  });

  it('CHECK_IN_USE at craving 7 or reported use, not at craving 6; CHECK_IN_SAFETY is urgent', async () => {
    for (const m of ['M1', 'M2', 'M3', 'M4']) await engaged(m);
    const base = { mood: 5, sleep: 'well' as const, needs: [], usedLast7Days: false, safetyConcern: false };
    const at = new Date(`${addDays(E, 10)}T15:00:00Z`);
    await recordCheckIn(store.db, 'M1', { ...base, craving: 7 }, actor, at);
    await recordCheckIn(store.db, 'M2', { ...base, craving: 6 }, actor, at);
    await recordCheckIn(store.db, 'M3', { ...base, craving: 0, usedLast7Days: true }, actor, at);
    await recordCheckIn(store.db, 'M4', { ...base, craving: 2, safetyConcern: true }, actor, at);
    const result = await run();
    expect(codes(result)).toEqual(['M1 CHECK_IN_USE', 'M3 CHECK_IN_USE', 'M4 CHECK_IN_SAFETY']);
    // Raised when the member submitted it (urgent: due that day), found again by the job, not raised twice.
    expect(result.alerts.find((a) => a.code === 'CHECK_IN_SAFETY')).toMatchObject({
      severity: 'urgent',
      raisedOn: addDays(E, 10),
      dueOn: addDays(E, 10),
      isNew: false,
    });
  });
});

describe('the signals job', () => {
  it('raises each piece of evidence once: a second run raises nothing new', async () => {
    await engaged('M1');
    await addMedical(w, { id: 'C1', member: 'M1', date: addDays(E, 1), dx: ['T401X1A'] });
    const first = await run();
    const second = await run();
    expect(first.alerts.map((a) => a.isNew)).toEqual([true]);
    expect(second.alerts.map((a) => [a.alertId, a.isNew])).toEqual([[first.alerts[0]!.alertId, false]]);
    const rows = await recoveryDb(store.db).selectFrom('recovery_alert').selectAll().execute();
    expect(rows).toHaveLength(1);
  });

  it('reopens a case closed 100 days ago on an urgent signal; not one closed 400 days ago; not on a normal one', async () => {
    const recent = await engaged('M1', { engagedOn: '2026-01-05', closedDaysAgo: 100 });
    await engaged('M2', { engagedOn: '2025-01-05', closedDaysAgo: 400 });
    const normal = await engaged('M3', { engagedOn: '2026-01-05', closedDaysAgo: 100 });
    await addMedical(w, { id: 'C1', member: 'M1', date: addDays(D, -2), dx: ['T401X1A'] });
    await addMedical(w, { id: 'C2', member: 'M2', date: addDays(D, -2), dx: ['T401X1A'] });
    await recordSessions(
      store.db,
      [1, 2].map((n) => ({
        memberId: 'M3',
        sourceId: `S${n}`,
        scheduledOn: addDays(D, -n),
        service: 'group' as const,
        attended: false,
      })),
      facility,
    );
    const result = await run();
    expect(codes(result)).toEqual(['M1 OVERDOSE_AFTER_ENGAGEMENT', 'M3 MISSED_SESSIONS']);
    expect(result.reopenedCaseIds).toEqual([recent]);
    const cases = await store.db
      .withTables<{ outreach_case: { case_id: string; status: string; stage: string } }>()
      .selectFrom('outreach_case')
      .select(['case_id', 'status', 'stage'])
      .where('case_id', 'in', [recent, normal])
      .execute();
    expect(Object.fromEntries(cases.map((c) => [c.case_id, `${c.status} ${c.stage}`]))).toEqual({
      [recent]: 'open engaged',
      [normal]: 'closed closed',
    });
  });
});
