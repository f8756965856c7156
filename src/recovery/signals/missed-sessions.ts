import { addDays, toIsoDay } from '../../platform/calendar/iso-days.ts';
import type { RecoveryDb } from '../recovery-tables.ts';
import type { ReportSignal, SignalHit, WatchedMember } from './recovery-signal.ts';

/** The days without an attended session that count when the plan expects at least weekly sessions. */
export const noAttendanceDays = 14;

/**
 * §11 MISSED_SESSIONS: two scheduled sessions in a row (after E) reported as not attended
 * — keyed by the second — or none attended in the last 14 days while an accepted service
 * of the plan expects at least one session a week — keyed by the last attended day, so a
 * continuing absence raises one alert, not one a day.
 */
export const missedSessions: ReportSignal = {
  code: 'MISSED_SESSIONS',
  section: 'RISK-RULES §11',
  label: 'Missed sessions',
  severity: 'normal',
  source: 'reports',
  rule: `Two scheduled sessions in a row not attended, or none attended in ${noAttendanceDays} days while the plan expects at least weekly sessions.`,
  async find(db: RecoveryDb, asOf: string, members: readonly WatchedMember[]): Promise<SignalHit[]> {
    if (members.length === 0) return [];
    const byMember = new Map(members.map((m) => [m.memberId, m]));
    const sessions = await db
      .selectFrom('treatment_session')
      .select(['session_id', 'member_id', 'scheduled_on', 'attended', 'service'])
      .where('member_id', 'in', [...byMember.keys()])
      .where('scheduled_on', '<=', asOf)
      .orderBy('member_id')
      .orderBy('scheduled_on')
      .orderBy('session_id')
      .execute();
    const weekly = await db
      .selectFrom('service_request')
      .select(['member_id', (eb) => eb.fn.min('created_at').as('since')])
      .where('member_id', 'in', [...byMember.keys()])
      .where('status', 'in', ['accepted', 'in-progress'])
      .where('sessions_per_week', '>=', 1)
      .groupBy('member_id')
      .execute();
    const hits: SignalHit[] = [];
    const lastAttended = new Map<string, string>();
    let previous: (typeof sessions)[number] | undefined;
    for (const s of sessions) {
      const member = byMember.get(s.member_id)!;
      const day = toIsoDay(s.scheduled_on);
      if (day <= member.engagedOn) continue;
      if (s.attended) lastAttended.set(s.member_id, day);
      else if (previous && previous.member_id === s.member_id && !previous.attended)
        hits.push({
          memberId: s.member_id,
          evidenceKey: `missed:${s.session_id}`,
          evidence: {
            source: 'reports',
            date: day,
            id: s.session_id,
            detail: `second missed ${s.service} session in a row`,
          },
        });
      previous = s;
    }
    const windowStart = addDays(asOf, -(noAttendanceDays - 1));
    for (const w of weekly) {
      const member = byMember.get(w.member_id)!;
      const expectedSince = new Date(w.since).toISOString().slice(0, 10);
      const since = [member.engagedOn, expectedSince, lastAttended.get(w.member_id) ?? ''].sort().at(-1)!;
      // The absence counts once the whole window lies after E and after sessions were expected.
      if (since >= windowStart) continue;
      hits.push({
        memberId: w.member_id,
        evidenceKey: `no-attendance-since:${since}`,
        evidence: {
          source: 'reports',
          date: asOf,
          id: since,
          detail: `no session attended in ${noAttendanceDays} days (since ${since}) while weekly sessions are planned`,
        },
      });
    }
    return hits;
  },
};
