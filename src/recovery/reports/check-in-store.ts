import { listWatchedCases, reopenCase } from '../../outreach/index.ts';
import type { Actor } from '../../platform/auth/sessions.ts';
import type { OpsDb } from '../../platform/db/ops-db.ts';
import type { CheckInInput } from '../recovery-schemas.ts';
import { recoveryDb } from '../recovery-tables.ts';
import { checkInHits } from '../signals/check-in-signals.ts';
import { type RaisedAlert, raiseAlerts, reopenWithinDays } from '../signals/run-signals.ts';

/**
 * Stores a member's check-in and raises its §11 alerts at once (CHECK_IN_USE,
 * CHECK_IN_SAFETY) when the member has a watched case, instead of waiting for the
 * daily job (which finds the same evidence and raises nothing twice).
 */
export async function recordCheckIn(
  db: OpsDb,
  memberId: string,
  input: CheckInInput,
  by: Actor,
  at: Date = new Date(),
): Promise<{ checkInId: string; alerts: RaisedAlert[] }> {
  const checkInId = crypto.randomUUID();
  await recoveryDb(db)
    .insertInto('check_in')
    .values({
      check_in_id: checkInId,
      member_id: memberId,
      submitted_at: at,
      mood: input.mood,
      craving: input.craving,
      used_last_7_days: input.usedLast7Days,
      sleep: input.sleep,
      needs: JSON.stringify(input.needs),
      safety_concern: input.safetyConcern,
      submitted_by: by.userId,
    })
    .execute();
  const day = at.toISOString().slice(0, 10);
  const [watched] = await listWatchedCases(db, day, reopenWithinDays, memberId);
  if (!watched || day <= watched.engagedOn) return { checkInId, alerts: [] };
  const hits = checkInHits({
    check_in_id: checkInId,
    member_id: memberId,
    submitted_at: at,
    craving: input.craving,
    used_last_7_days: input.usedLast7Days,
    safety_concern: input.safetyConcern,
  });
  const alerts: RaisedAlert[] = await raiseAlerts(
    db,
    hits.map(({ code, hit }) => ({ code, hit, caseId: watched.caseId, raisedOn: day })),
  );
  // Both check-in signals are urgent or high: a recently closed case reopens (§11).
  if (alerts.length > 0 && !watched.caseOpen)
    await reopenCase(db, watched.caseId, `recovery signal ${alerts.map((a) => a.code).join(', ')}`);
  return { checkInId, alerts };
}

/** The member's check-ins, newest first (the last 200). */
export async function listCheckIns(db: OpsDb, memberId: string) {
  const rows = await recoveryDb(db)
    .selectFrom('check_in')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('submitted_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    checkInId: r.check_in_id,
    submittedAt: new Date(r.submitted_at).toISOString(),
    mood: r.mood,
    craving: r.craving,
    usedLast7Days: r.used_last_7_days,
    sleep: r.sleep,
    needs: r.needs as string[],
    safetyConcern: r.safety_concern,
  }));
}
