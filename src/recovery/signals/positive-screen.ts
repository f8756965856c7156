import { sql } from 'kysely';
import { toIsoDay } from '../../platform/calendar/iso-days.ts';
import type { RecoveryDb } from '../recovery-tables.ts';
import { opioidSubstances, type Substance } from '../reports/substances.ts';
import type { ReportSignal, SignalHit, WatchedMember } from './recovery-signal.ts';

/**
 * §11 POSITIVE_SCREEN: a drug screen after E positive for a substance the active treatment
 * plan does not prescribe — fentanyl, heroin (6-MAM), any other opioid, or a substance the
 * plan names to watch. Buprenorphine on buprenorphine, methadone at an OTP, are expected.
 */
export const positiveScreen: ReportSignal = {
  code: 'POSITIVE_SCREEN',
  section: 'RISK-RULES §11',
  label: 'Positive drug screen',
  severity: 'high',
  source: 'reports',
  rule: 'A drug screen after the member engaged, positive for fentanyl, heroin (6-MAM), another opioid, or a substance the plan watches, that the treatment plan does not prescribe.',
  async find(db: RecoveryDb, asOf: string, members: readonly WatchedMember[]): Promise<SignalHit[]> {
    if (members.length === 0) return [];
    const byMember = new Map(members.map((m) => [m.memberId, m]));
    const screens = await db
      .selectFrom('drug_screen')
      .select(['screen_id', 'member_id', 'collected_on', 'substance'])
      .where('member_id', 'in', [...byMember.keys()])
      .where('positive', '=', true)
      .where('collected_on', '<=', asOf)
      .execute();
    if (screens.length === 0) return [];
    const plans = await db
      .selectFrom('care_plan')
      .select(['member_id', sql<unknown>`content`.as('content')])
      .where('member_id', 'in', [...new Set(screens.map((s) => s.member_id))])
      .where('status', '=', 'active')
      .execute();
    // The member's active plans together (a treatment plan, or an aftercare plan after discharge).
    const planOf = new Map<string, { prescribed: Set<Substance>; watched: Set<Substance> }>();
    for (const p of plans) {
      const c = p.content as { prescribedSubstances?: Substance[]; watchedSubstances?: Substance[] };
      const plan = planOf.get(p.member_id) ?? { prescribed: new Set(), watched: new Set() };
      for (const x of c.prescribedSubstances ?? []) plan.prescribed.add(x);
      for (const x of c.watchedSubstances ?? []) plan.watched.add(x);
      planOf.set(p.member_id, plan);
    }
    const hits: SignalHit[] = [];
    for (const s of screens) {
      const day = toIsoDay(s.collected_on);
      if (day <= byMember.get(s.member_id)!.engagedOn) continue;
      const substance = s.substance as Substance;
      const plan = planOf.get(s.member_id);
      if (plan?.prescribed.has(substance)) continue;
      if (!opioidSubstances.has(substance) && !plan?.watched.has(substance)) continue;
      hits.push({
        memberId: s.member_id,
        evidenceKey: `screen:${s.screen_id}`,
        evidence: { source: 'reports', date: day, id: s.screen_id, detail: `positive for ${substance}` },
      });
    }
    return hits;
  },
};
