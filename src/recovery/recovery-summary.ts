import type { SessionUser } from '../platform/auth/sessions.ts';
import { todayIso, toIsoDay } from '../platform/calendar/iso-days.ts';
import type { OpsDb } from '../platform/db/ops-db.ts';
import { listFollowUps } from './aftercare/aftercare-store.ts';
import { listAlerts } from './alerts/alert-store.ts';
import { listScores } from './assessment/assessment-store.ts';
import { listCarePlans } from './plans/care-plan-queries.ts';
import { recoveryDb } from './recovery-tables.ts';
import { listCheckIns } from './reports/check-in-store.ts';

/** The member's recovery in one read: plans and services, sessions, screens, check-ins, scores, alerts and follow-ups. */
export async function readRecoverySummary(db: OpsDb, user: SessionUser, memberId: string) {
  const rdb = recoveryDb(db);
  const today = todayIso();
  const [plans, sessions, screens, checkIns, scores, open, resolved, dueFollowUps, doneFollowUps] =
    await Promise.all([
      listCarePlans(db, memberId),
      rdb
        .selectFrom('treatment_session')
        .selectAll()
        .where('member_id', '=', memberId)
        .orderBy('scheduled_on')
        .execute(),
      rdb
        .selectFrom('drug_screen')
        .selectAll()
        .where('member_id', '=', memberId)
        .orderBy('collected_on')
        .execute(),
      listCheckIns(db, memberId),
      listScores(db, memberId),
      listAlerts(db, user, { status: 'open', memberId, today }),
      listAlerts(db, user, { status: 'resolved', memberId, today }),
      listFollowUps(db, user, { status: 'open', memberId, today }),
      listFollowUps(db, user, { status: 'done', memberId, today }),
    ]);
  return {
    plans,
    sessions: sessions.map((s) => ({
      sessionId: s.session_id,
      date: toIsoDay(s.scheduled_on),
      service: s.service,
      attended: s.attended,
      facilityNpi: s.facility_npi,
    })),
    screens: screens.map((s) => ({
      screenId: s.screen_id,
      date: toIsoDay(s.collected_on),
      substance: s.substance,
      positive: s.positive,
    })),
    checkIns,
    scores,
    alerts: [...open, ...resolved],
    followUps: [...dueFollowUps, ...doneFollowUps],
  };
}
