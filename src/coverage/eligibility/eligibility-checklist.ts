import { addDays } from '../../platform/calendar/iso-days.ts';
import type { Warehouse } from '../../platform/warehouse/warehouse.ts';
import { eligibilityCodes as codes } from './eligibility-codes.ts';

export interface ClaimEvidence {
  claimId: string;
  date: string;
  code: string;
}

/** One item of the plan's eligibility list, with what claims say about it. */
export interface ChecklistItem {
  id: 'substance-dependence' | 'medical-assessment' | 'stable-living' | 'commitment';
  text: string;
  /** found: claims show it; concern: claims suggest otherwise; partial: a related sign; ask: claims cannot tell. */
  status: 'found' | 'partial' | 'concern' | 'ask';
  summary: string;
  evidence: ClaimEvidence[];
}

const startsWithAny = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

/**
 * The member's claims over the lookback window that bear on eligibility: diagnoses,
 * procedures and MOUD/OTP labels of current, not reversed claims. `includePart2`
 * false leaves out claims labeled under 42 CFR Part 2.
 */
async function readEvidence(
  warehouse: Warehouse,
  memberId: string,
  from: string,
  to: string,
  includePart2: boolean,
): Promise<Array<ClaimEvidence & { kind: 'dx' | 'px' | 'label' }>> {
  const part2 = includePart2
    ? ''
    : `and not exists (select 1 from claim_label l where l.claim_id = c.claim_id and l.label = 'part2')`;
  return warehouse.all<ClaimEvidence & { kind: 'dx' | 'px' | 'label' } & Record<string, unknown>>(
    `with member_claims as (
       select c.claim_id, c.version, c.claim_date from medical_claim c
       where c.member_id = $1 and c.is_current and not c.is_reversed
         and c.claim_date between cast($2 as date) and cast($3 as date) ${part2}
     ),
     diagnoses as (
       select m.claim_id as "claimId", m.claim_date as date, d.code, 'dx' as kind
       from member_claims m join medical_claim_dx d on d.claim_id = m.claim_id and d.version = m.version
     ),
     procedures as (
       select m.claim_id as "claimId", coalesce(l.service_date, m.claim_date) as date, l.procedure_code as code, 'px' as kind
       from member_claims m join medical_claim_line l on l.claim_id = m.claim_id and l.version = m.version
       where l.procedure_code is not null
     ),
     moud_fills as (
       select p.claim_id as "claimId", p.fill_date as date, l.reason as code, 'label' as kind
       from pharmacy_claim p join claim_label l on l.claim_kind = 'pharmacy' and l.claim_id = p.claim_id
       where p.member_id = $1 and p.is_current and not p.is_reversed and l.reason = 'MOUD_FILL'
         and p.fill_date between cast($2 as date) and cast($3 as date) and $4
     )
     select * from diagnoses union all select * from procedures union all select * from moud_fills
     order by date desc, "claimId"`,
    [memberId, from, to, includePart2],
  );
}

/**
 * The plan's eligibility checklist for outpatient detox (dependence, medical
 * assessment, stable living environment, commitment to treatment), each with the
 * claims of the last 12 months that speak to it. Claims cannot show a stable home
 * or commitment: those are asked, with any warning sign claims do show.
 */
export async function buildEligibilityChecklist(
  warehouse: Warehouse,
  memberId: string,
  asOf: string,
  includePart2: boolean,
): Promise<ChecklistItem[]> {
  const evidence = await readEvidence(warehouse, memberId, addDays(asOf, -365), asOf, includePart2);
  const pick = (test: (e: ClaimEvidence & { kind: string }) => boolean) =>
    evidence.filter(test).map(({ claimId, date, code }) => ({ claimId, date, code }));
  const dependence = pick((e) => e.kind === 'dx' && startsWithAny(e.code, codes.dependencePrefixes));
  const otherUse = pick((e) => e.kind === 'dx' && startsWithAny(e.code, codes.otherUsePrefixes));
  const since90 = addDays(asOf, -90);
  const assessments = pick(
    (e) => e.kind === 'px' && (codes.assessmentCodes as readonly string[]).includes(e.code),
  );
  const housing = pick((e) => e.kind === 'dx' && startsWithAny(e.code, codes.housingConcernPrefixes));
  const engagement = pick(
    (e) =>
      e.date >= since90 &&
      ((e.kind === 'px' && (codes.engagementCodes as readonly string[]).includes(e.code)) ||
        e.kind === 'label'),
  );
  const recentAssessments = assessments.filter((e) => e.date >= since90);
  return [
    {
      id: 'substance-dependence',
      text: 'Diagnosis of opioid or benzodiazepine dependence',
      status: dependence.length > 0 ? 'found' : otherUse.length > 0 ? 'partial' : 'ask',
      summary:
        dependence.length > 0
          ? `Dependence diagnosed on ${dependence.length} claim(s), latest ${dependence[0]?.date}.`
          : otherUse.length > 0
            ? 'Opioid or sedative use is coded, but not as dependence: the facility’s assessment decides.'
            : includePart2
              ? 'No dependence diagnosis in the last 12 months of claims.'
              : 'No dependence diagnosis visible to you (substance-use records need the member’s consent).',
      evidence: dependence.length > 0 ? dependence : otherUse,
    },
    {
      id: 'medical-assessment',
      text: 'Completed medical assessment to decide the right treatment',
      status: recentAssessments.length > 0 ? 'found' : 'ask',
      summary:
        recentAssessments.length > 0
          ? `Assessment billed on ${recentAssessments[0]?.date}; the facility still does its own face-to-face assessment.`
          : 'No assessment billed in the last 90 days: the facility’s face-to-face assessment will be needed.',
      evidence: recentAssessments,
    },
    {
      id: 'stable-living',
      text: 'A stable living environment that supports recovery',
      status: housing.length > 0 ? 'concern' : 'ask',
      summary:
        housing.length > 0
          ? 'Claims record housing instability: ask, and offer housing resources.'
          : 'Claims cannot show this: ask the member.',
      evidence: housing,
    },
    {
      id: 'commitment',
      text: 'Willing to take part fully in treatment',
      status: engagement.length > 0 ? 'partial' : 'ask',
      summary:
        engagement.length > 0
          ? `Already engaged in treatment (${engagement.length} service(s) or MOUD fill(s) in 90 days); confirm with the member.`
          : 'Claims cannot show this: ask the member what they want next.',
      evidence: engagement,
    },
  ];
}
