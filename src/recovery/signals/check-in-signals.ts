import type { RecoveryDb } from '../recovery-tables.ts';
import type { ReportSignal, SignalHit, WatchedMember } from './recovery-signal.ts';

/** The craving (0–10) at or above which a check-in raises CHECK_IN_USE. */
export const cravingThreshold = 7;

type CheckInRow = {
  check_in_id: string;
  member_id: string;
  submitted_at: Date | string;
  craving: number;
  used_last_7_days: boolean;
  safety_concern: boolean;
};

/** What a check-in raises, as the signal job and the check-in route both decide it. */
export function checkInHits(row: CheckInRow): { code: 'CHECK_IN_USE' | 'CHECK_IN_SAFETY'; hit: SignalHit }[] {
  const date = new Date(row.submitted_at).toISOString().slice(0, 10);
  const hit = (detail: string): SignalHit => ({
    memberId: row.member_id,
    evidenceKey: `check-in:${row.check_in_id}`,
    evidence: { source: 'check-ins', date, id: row.check_in_id, detail },
  });
  const out: { code: 'CHECK_IN_USE' | 'CHECK_IN_SAFETY'; hit: SignalHit }[] = [];
  if (row.used_last_7_days || row.craving >= cravingThreshold)
    out.push({
      code: 'CHECK_IN_USE',
      hit: hit(
        [
          row.used_last_7_days ? 'reported use in the last 7 days' : null,
          row.craving >= cravingThreshold ? `craving ${row.craving} of 10` : null,
        ]
          .filter(Boolean)
          .join('; '),
      ),
    });
  if (row.safety_concern)
    out.push({ code: 'CHECK_IN_SAFETY', hit: hit('answered yes to the safety question') });
  return out;
}

async function checkInsAfterEngagement(db: RecoveryDb, asOf: string, members: readonly WatchedMember[]) {
  if (members.length === 0) return [];
  const engaged = new Map(members.map((m) => [m.memberId, m.engagedOn]));
  const rows = await db
    .selectFrom('check_in')
    .select(['check_in_id', 'member_id', 'submitted_at', 'craving', 'used_last_7_days', 'safety_concern'])
    .where('member_id', 'in', [...engaged.keys()])
    .where('submitted_at', '<', new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000))
    .execute();
  return rows.filter((r) => new Date(r.submitted_at).toISOString().slice(0, 10) > engaged.get(r.member_id)!);
}

function checkInSignal(
  code: 'CHECK_IN_USE' | 'CHECK_IN_SAFETY',
  fields: Omit<ReportSignal, 'find' | 'code' | 'section' | 'source'>,
): ReportSignal {
  return {
    code,
    section: 'RISK-RULES §11',
    source: 'check-ins',
    ...fields,
    async find(db, asOf, members) {
      const rows = await checkInsAfterEngagement(db, asOf, members);
      return rows.flatMap((r) =>
        checkInHits(r)
          .filter((h) => h.code === code)
          .map((h) => h.hit),
      );
    },
  };
}

/** §11 CHECK_IN_USE: a check-in reporting use in the last 7 days, or craving ≥ 7 of 10. */
export const checkInUse = checkInSignal('CHECK_IN_USE', {
  label: 'Use or strong craving reported',
  severity: 'high',
  rule: `A check-in reporting use in the last 7 days, or craving of ${cravingThreshold} or more of 10.`,
});

/** §11 CHECK_IN_SAFETY: a check-in answering yes to thoughts of self-harm or of overdose; the member sees 988 at once. */
export const checkInSafety = checkInSignal('CHECK_IN_SAFETY', {
  label: 'Safety concern in a check-in',
  severity: 'urgent',
  rule: 'A check-in answering yes to thoughts of self-harm or of overdose.',
});
